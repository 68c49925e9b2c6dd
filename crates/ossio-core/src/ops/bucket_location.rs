//! GetBucketLocation: `GET /?location`.

use super::decl::Oss;

/// Reads the region a bucket lives in (`oss-cn-hangzhou`).
///
/// ```
/// use ossio_core::ops::{GetBucketLocation, Operation};
/// let req = GetBucketLocation::new("examplebucket").to_request().unwrap();
/// assert_eq!(req.query_value("location"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketLocation", method = "GET", sub_resource = "location", output = GetBucketLocationOutput)]
pub struct GetBucketLocation {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketLocation {
    /// The location of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketLocation {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketLocation`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "LocationConstraint")]
pub struct GetBucketLocationOutput {
    /// `oss-<region>`.
    #[oss(xml = ".", required)]
    pub location: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
