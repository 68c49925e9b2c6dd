//! A bucket's storage quota: PutBucketStorageQuota, GetBucketStorageQuota,
//! DeleteBucketStorageQuota (`/?quota` with a `QuotaConfiguration` document).

use super::common::EmptyOutput;
use super::decl::Oss;

wire_enum! {
    /// What happens when a bucket reaches its quota.
    pub enum StorageQuotaMode("storage quota mode") {
        /// Writes beyond the quota are refused.
        Strict = "Strict",
        /// Writes go on; OSS only warns.
        Warning = "Warning",
    }
}

/// The `QuotaConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "QuotaConfiguration")]
pub struct QuotaConfiguration {
    /// The quota, in bytes (positive).
    #[oss(xml = "StorageQuota", min = 1)]
    pub storage_quota: Option<u64>,
    /// `Strict` or `Warning`.
    #[oss(xml = "Mode")]
    pub mode: Option<StorageQuotaMode>,
    /// The storage in use, in bytes, as last measured (in answers).
    #[oss(xml = "CurrentUsage")]
    pub current_usage: Option<u64>,
}

/// Sets a bucket's storage quota: `PUT /?quota`.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketStorageQuota, QuotaConfiguration};
/// let op = PutBucketStorageQuota {
///     bucket: "examplebucket".into(),
///     quota_configuration: QuotaConfiguration { storage_quota: Some(100), ..Default::default() },
/// };
/// let req = op.to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<QuotaConfiguration><StorageQuota>100</StorageQuota></QuotaConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketStorageQuota", method = "PUT", sub_resource = "quota", output = EmptyOutput)]
pub struct PutBucketStorageQuota {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The quota.
    #[oss(document, required)]
    pub quota_configuration: QuotaConfiguration,
}

/// Reads a bucket's storage quota and usage: `GET /?quota`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketStorageQuota", method = "GET", sub_resource = "quota", output = GetBucketStorageQuotaOutput)]
pub struct GetBucketStorageQuota {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

/// The result of [`GetBucketStorageQuota`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketStorageQuotaOutput {
    /// The quota and usage.
    #[oss(document)]
    pub quota_configuration: QuotaConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes a bucket's storage quota: `DELETE /?quota`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketStorageQuota", method = "DELETE", sub_resource = "quota", output = EmptyOutput)]
pub struct DeleteBucketStorageQuota {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}
