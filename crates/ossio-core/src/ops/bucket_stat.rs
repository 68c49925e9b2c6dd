//! A bucket's storage figures: GetBucketStat (`GET /?stat`, a `BucketStat` document).
//! OSS refreshes them about once an hour.

use super::decl::Oss;

/// Reads a bucket's storage use and object counts.
///
/// ```
/// use ossio_core::ops::{GetBucketStat, Operation};
/// let req = GetBucketStat::new("examplebucket").to_request().unwrap();
/// assert_eq!(req.query_value("stat"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketStat", method = "GET", sub_resource = "stat", output = GetBucketStatOutput)]
pub struct GetBucketStat {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketStat {
    /// The figures of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketStat {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketStat`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "BucketStat")]
pub struct GetBucketStatOutput {
    /// Bytes stored, every storage class.
    #[oss(xml = "Storage")]
    pub storage: Option<u64>,
    /// Objects.
    #[oss(xml = "ObjectCount")]
    pub object_count: Option<u64>,
    /// Multipart uploads started and neither completed nor aborted.
    #[oss(xml = "MultipartUploadCount")]
    pub multi_part_upload_count: Option<u64>,
    /// LiveChannels.
    #[oss(xml = "LiveChannelCount")]
    pub live_channel_count: Option<u64>,
    /// When these figures were taken (Unix seconds).
    #[oss(xml = "LastModifiedTime")]
    pub last_modified_time: Option<u64>,
    /// Bytes of Standard objects.
    #[oss(xml = "StandardStorage")]
    pub standard_storage: Option<u64>,
    /// Standard objects.
    #[oss(xml = "StandardObjectCount")]
    pub standard_object_count: Option<u64>,
    /// Billed bytes of IA objects.
    #[oss(xml = "InfrequentAccessStorage")]
    pub infrequent_access_storage: Option<u64>,
    /// Actual bytes of IA objects.
    #[oss(xml = "InfrequentAccessRealStorage")]
    pub infrequent_access_real_storage: Option<u64>,
    /// IA objects.
    #[oss(xml = "InfrequentAccessObjectCount")]
    pub infrequent_access_object_count: Option<u64>,
    /// Billed bytes of Archive objects.
    #[oss(xml = "ArchiveStorage")]
    pub archive_storage: Option<u64>,
    /// Actual bytes of Archive objects.
    #[oss(xml = "ArchiveRealStorage")]
    pub archive_real_storage: Option<u64>,
    /// Archive objects.
    #[oss(xml = "ArchiveObjectCount")]
    pub archive_object_count: Option<u64>,
    /// Billed bytes of Cold Archive objects.
    #[oss(xml = "ColdArchiveStorage")]
    pub cold_archive_storage: Option<u64>,
    /// Actual bytes of Cold Archive objects.
    #[oss(xml = "ColdArchiveRealStorage")]
    pub cold_archive_real_storage: Option<u64>,
    /// Cold Archive objects.
    #[oss(xml = "ColdArchiveObjectCount")]
    pub cold_archive_object_count: Option<u64>,
    /// Billed bytes of Deep Cold Archive objects.
    #[oss(xml = "DeepColdArchiveStorage")]
    pub deep_cold_archive_storage: Option<u64>,
    /// Actual bytes of Deep Cold Archive objects.
    #[oss(xml = "DeepColdArchiveRealStorage")]
    pub deep_cold_archive_real_storage: Option<u64>,
    /// Deep Cold Archive objects.
    #[oss(xml = "DeepColdArchiveObjectCount")]
    pub deep_cold_archive_object_count: Option<u64>,
    /// Delete markers (versioned buckets).
    #[oss(xml = "DeleteMarkerCount")]
    pub delete_marker_count: Option<u64>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
