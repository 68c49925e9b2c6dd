//! A bucket's versioning state: PutBucketVersioning and GetBucketVersioning
//! (`/?versioning` with a `VersioningConfiguration` document).

use super::decl::Oss;

wire_enum! {
    /// A bucket's versioning state.
    pub enum VersioningStatus("versioning status") {
        /// Every write keeps the previous version.
        Enabled = "Enabled",
        /// New writes get the `null` version; existing versions stay.
        Suspended = "Suspended",
    }
}

/// The `VersioningConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "VersioningConfiguration")]
pub struct VersioningConfiguration {
    /// `Enabled` or `Suspended`.
    #[oss(xml = "Status")]
    pub status: Option<VersioningStatus>,
}

/// Turns versioning on (`Enabled`) or pauses it (`Suspended`); once enabled, a bucket
/// never returns to unversioned.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketVersioning, VersioningStatus};
/// let req = PutBucketVersioning::new("examplebucket", VersioningStatus::Enabled)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("versioning"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketVersioning", method = "PUT", sub_resource = "versioning", output = super::EmptyOutput)]
pub struct PutBucketVersioning {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The new state.
    #[oss(document, required)]
    pub versioning_configuration: VersioningConfiguration,
}

impl PutBucketVersioning {
    /// Sets `bucket`'s versioning to `status`.
    pub fn new(bucket: impl Into<String>, status: VersioningStatus) -> Self {
        PutBucketVersioning {
            bucket: bucket.into(),
            versioning_configuration: VersioningConfiguration {
                status: Some(status),
            },
        }
    }
}

/// Reads a bucket's versioning state.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketVersioning", method = "GET", sub_resource = "versioning", output = GetBucketVersioningOutput)]
pub struct GetBucketVersioning {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketVersioning {
    /// The versioning state of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketVersioning {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketVersioning`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "VersioningConfiguration")]
pub struct GetBucketVersioningOutput {
    /// `Enabled` or `Suspended`; absent for a bucket that was never versioned.
    #[oss(xml = "Status", rename = "version_status")]
    pub status: Option<VersioningStatus>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
