//! Buckets: PutBucket (`PUT /` on the bucket host creates it) and DeleteBucket.

use super::common::{DataRedundancyType, EmptyOutput, StorageClass};
use super::decl::{self, Oss};
use crate::acl::Acl;

/// Creates a bucket.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucket, StorageClass};
/// let req = PutBucket::new("my-bucket").storage_class(StorageClass::Ia).to_request().unwrap();
/// assert_eq!(req.body.as_bytes().unwrap(),
///     b"<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucket", method = "PUT", xml = "CreateBucketConfiguration", output = EmptyOutput)]
pub struct PutBucket {
    /// The new bucket's name.
    #[oss(bucket)]
    pub bucket: String,
    /// Initial ACL (`x-oss-acl`); OSS defaults to private.
    #[oss(header = "x-oss-acl")]
    pub acl: Option<Acl>,
    /// Storage class.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<StorageClass>,
    /// Data redundancy type.
    #[oss(xml = "DataRedundancyType")]
    pub data_redundancy_type: Option<DataRedundancyType>,
    /// Resource group (`x-oss-resource-group-id`).
    #[oss(header = "x-oss-resource-group-id")]
    pub resource_group_id: Option<String>,
}

impl PutBucket {
    /// Creates `bucket` with OSS's defaults.
    pub fn new(bucket: impl Into<String>) -> Self {
        PutBucket {
            bucket: bucket.into(),
            acl: None,
            storage_class: None,
            data_redundancy_type: None,
            resource_group_id: None,
        }
    }

    /// Sets the ACL.
    pub fn acl(mut self, acl: Acl) -> Self {
        self.acl = Some(acl);
        self
    }

    /// Sets the storage class.
    pub fn storage_class(mut self, class: StorageClass) -> Self {
        self.storage_class = Some(class);
        self
    }

    /// Sets the redundancy type.
    pub fn data_redundancy_type(mut self, t: DataRedundancyType) -> Self {
        self.data_redundancy_type = Some(t);
        self
    }

    /// The `CreateBucketConfiguration` document, if any element is set.
    pub fn to_xml(&self) -> Option<String> {
        decl::input_xml(self)
    }

    /// Reads a `CreateBucketConfiguration` document (the server side of this call); an
    /// empty body means defaults.
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        decl::input_from_xml(bucket, body)
    }
}

/// The result of [`PutBucket`].
pub type PutBucketOutput = EmptyOutput;

/// Deletes an empty bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucket", method = "DELETE", output = EmptyOutput)]
pub struct DeleteBucket {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucket {
    /// Deletes `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucket {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`DeleteBucket`].
pub type DeleteBucketOutput = EmptyOutput;
