//! Reading Archive objects without restoring them first: Put/GetBucketArchiveDirectRead
//! (`/?bucketArchiveDirectRead` with an `ArchiveDirectReadConfiguration` document).

use super::decl::Oss;

/// The `ArchiveDirectReadConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ArchiveDirectReadConfiguration")]
pub struct ArchiveDirectReadConfiguration {
    /// Whether Archive objects can be read directly.
    #[oss(xml = "Enabled")]
    pub enabled: Option<bool>,
}

/// Turns direct reading of a bucket's Archive objects on or off.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketArchiveDirectRead",
    method = "PUT",
    sub_resource = "bucketArchiveDirectRead",
    output = super::EmptyOutput
)]
pub struct PutBucketArchiveDirectRead {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The setting.
    #[oss(document, required)]
    pub archive_direct_read_configuration: ArchiveDirectReadConfiguration,
}

impl PutBucketArchiveDirectRead {
    /// Turns direct reading for `bucket` on (`true`) or off.
    pub fn new(bucket: impl Into<String>, enabled: bool) -> Self {
        PutBucketArchiveDirectRead {
            bucket: bucket.into(),
            archive_direct_read_configuration: ArchiveDirectReadConfiguration {
                enabled: Some(enabled),
            },
        }
    }
}

/// Reads whether a bucket's Archive objects can be read directly.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketArchiveDirectRead",
    method = "GET",
    sub_resource = "bucketArchiveDirectRead",
    output = GetBucketArchiveDirectReadOutput
)]
pub struct GetBucketArchiveDirectRead {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketArchiveDirectRead {
    /// The setting of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketArchiveDirectRead {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketArchiveDirectRead`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketArchiveDirectReadOutput {
    /// The setting.
    #[oss(document)]
    pub archive_direct_read_configuration: ArchiveDirectReadConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
