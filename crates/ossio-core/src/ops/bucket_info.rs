//! GetBucketInfo: `GET /?bucketInfo`.

use super::decl::Oss;

/// Reads a bucket's description.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketInfo", method = "GET", sub_resource = "bucketInfo", output = GetBucketInfoOutput)]
pub struct GetBucketInfo {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketInfo {
    /// Describes `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketInfo {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "BucketInfo")]
pub struct GetBucketInfoOutput {
    /// Name.
    #[oss(xml = "Bucket>Name", required)]
    pub name: String,
    /// Creation time (ISO 8601).
    #[oss(xml = "Bucket>CreationDate")]
    pub creation_date: String,
    /// `oss-<region>` location.
    #[oss(xml = "Bucket>Location")]
    pub location: String,
    /// Region id.
    #[oss(xml = "Bucket>Region")]
    pub region: Option<String>,
    /// Public endpoint.
    #[oss(xml = "Bucket>ExtranetEndpoint")]
    pub extranet_endpoint: Option<String>,
    /// Internal endpoint.
    #[oss(xml = "Bucket>IntranetEndpoint")]
    pub intranet_endpoint: Option<String>,
    /// Storage class.
    #[oss(xml = "Bucket>StorageClass")]
    pub storage_class: Option<String>,
    /// Data redundancy type.
    #[oss(xml = "Bucket>DataRedundancyType")]
    pub data_redundancy_type: Option<String>,
    /// Owner id.
    #[oss(xml = "Bucket>Owner>ID")]
    pub owner_id: String,
    /// Owner display name.
    #[oss(xml = "Bucket>Owner>DisplayName")]
    pub owner_display_name: String,
    /// ACL grant.
    #[oss(xml = "Bucket>AccessControlList>Grant")]
    pub acl: String,
    /// Resource group id.
    #[oss(xml = "Bucket>ResourceGroupId")]
    pub resource_group_id: Option<String>,
    /// Access tracking: `Enabled` or `Disabled`.
    #[oss(xml = "Bucket>AccessMonitor")]
    pub access_monitor: Option<String>,
    /// Cross-region replication: `Enabled` or `Disabled`.
    #[oss(xml = "Bucket>CrossRegionReplication")]
    pub cross_region_replication: Option<String>,
    /// Transfer acceleration: `Enabled` or `Disabled`.
    #[oss(xml = "Bucket>TransferAcceleration")]
    pub transfer_acceleration: Option<String>,
    /// Versioning state (`Enabled`, `Suspended`), absent when never enabled.
    #[oss(xml = "Bucket>Versioning")]
    pub versioning: Option<String>,
    /// The bucket's comment.
    #[oss(xml = "Bucket>Comment")]
    pub comment: Option<String>,
    /// Whether public access is blocked for the bucket.
    #[oss(xml = "Bucket>BlockPublicAccess")]
    pub block_public_access: Option<bool>,
    /// Default server-side encryption.
    #[oss(xml = "Bucket>ServerSideEncryptionRule")]
    pub sse_rule: Option<SseRule>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// A bucket's default server-side encryption, as GetBucketInfo reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct SseRule {
    /// `KMS`, `AES256`, `SM4`, or `None` when the bucket has no default encryption.
    #[oss(xml = "SSEAlgorithm")]
    pub sse_algorithm: Option<String>,
    /// The KMS key, for `KMS`.
    #[oss(xml = "KMSMasterKeyID")]
    pub kms_master_key_id: Option<String>,
    /// The data encryption algorithm under KMS (`SM4`).
    #[oss(xml = "KMSDataEncryption")]
    pub kms_data_encryption: Option<String>,
}
