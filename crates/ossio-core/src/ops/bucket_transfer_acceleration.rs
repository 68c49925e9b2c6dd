//! A bucket's transfer acceleration: Put/GetBucketTransferAcceleration
//! (`/?transferAcceleration` with a `TransferAccelerationConfiguration` document).

use super::decl::Oss;

/// The `TransferAccelerationConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "TransferAccelerationConfiguration")]
pub struct TransferAccelerationConfiguration {
    /// Whether transfer acceleration is on.
    #[oss(xml = "Enabled")]
    pub enabled: Option<bool>,
}

/// Turns a bucket's transfer acceleration on or off.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketTransferAcceleration};
/// let req = PutBucketTransferAcceleration::new("examplebucket", true).to_request().unwrap();
/// assert_eq!(req.query_value("transferAcceleration"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<TransferAccelerationConfiguration><Enabled>true</Enabled></TransferAccelerationConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketTransferAcceleration",
    method = "PUT",
    sub_resource = "transferAcceleration",
    output = super::EmptyOutput
)]
pub struct PutBucketTransferAcceleration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The setting.
    #[oss(document, required)]
    pub transfer_acceleration_configuration: TransferAccelerationConfiguration,
}

impl PutBucketTransferAcceleration {
    /// Turns acceleration of `bucket` on (`true`) or off.
    pub fn new(bucket: impl Into<String>, enabled: bool) -> Self {
        PutBucketTransferAcceleration {
            bucket: bucket.into(),
            transfer_acceleration_configuration: TransferAccelerationConfiguration {
                enabled: Some(enabled),
            },
        }
    }
}

/// Reads a bucket's transfer acceleration setting.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketTransferAcceleration",
    method = "GET",
    sub_resource = "transferAcceleration",
    output = GetBucketTransferAccelerationOutput
)]
pub struct GetBucketTransferAcceleration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketTransferAcceleration {
    /// The setting of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketTransferAcceleration {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketTransferAcceleration`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketTransferAccelerationOutput {
    /// The setting.
    #[oss(document)]
    pub transfer_acceleration_configuration: TransferAccelerationConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
