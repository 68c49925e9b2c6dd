//! Who pays for requests to a bucket: PutBucketRequestPayment and GetBucketRequestPayment
//! (`/?requestPayment` with a `RequestPaymentConfiguration` document).

use super::decl::Oss;

wire_enum! {
    /// Who pays for requests and downloads.
    pub enum Payer("payer") {
        /// The bucket's owner.
        BucketOwner = "BucketOwner",
        /// Whoever makes the request.
        Requester = "Requester",
    }
}

/// The `RequestPaymentConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "RequestPaymentConfiguration")]
pub struct RequestPaymentConfiguration {
    /// `BucketOwner` or `Requester`.
    #[oss(xml = "Payer")]
    pub payer: Option<Payer>,
}

/// Sets who pays for requests to a bucket.
///
/// ```
/// use ossio_core::ops::{Operation, Payer, PutBucketRequestPayment};
/// let req = PutBucketRequestPayment::new("examplebucket", Payer::Requester).to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketRequestPayment", method = "PUT", sub_resource = "requestPayment", output = super::EmptyOutput)]
pub struct PutBucketRequestPayment {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The payer.
    #[oss(document, required)]
    pub request_payment_configuration: RequestPaymentConfiguration,
}

impl PutBucketRequestPayment {
    /// Makes `payer` pay for requests to `bucket`.
    pub fn new(bucket: impl Into<String>, payer: Payer) -> Self {
        PutBucketRequestPayment {
            bucket: bucket.into(),
            request_payment_configuration: RequestPaymentConfiguration { payer: Some(payer) },
        }
    }
}

/// Reads who pays for requests to a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketRequestPayment", method = "GET", sub_resource = "requestPayment", output = GetBucketRequestPaymentOutput)]
pub struct GetBucketRequestPayment {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketRequestPayment {
    /// The payer of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketRequestPayment {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketRequestPayment`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketRequestPaymentOutput {
    /// The payer.
    #[oss(document)]
    pub request_payment_configuration: Option<RequestPaymentConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
