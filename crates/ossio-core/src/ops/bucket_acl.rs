//! A bucket's ACL: PutBucketAcl (`PUT /?acl` with `x-oss-acl`) and GetBucketAcl.

use super::decl::Oss;
use crate::acl::Acl;

/// Sets a bucket's ACL.
///
/// ```
/// use ossio_core::{ops::{Operation, PutBucketAcl}, Acl};
/// let req = PutBucketAcl::new("oss-example", Acl::PublicRead).to_request().unwrap();
/// assert_eq!(req.headers.get("x-oss-acl"), Some("public-read"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketAcl", method = "PUT", sub_resource = "acl", output = PutBucketAclOutput)]
pub struct PutBucketAcl {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The new ACL.
    #[oss(header = "x-oss-acl", required)]
    pub acl: Acl,
}

impl PutBucketAcl {
    /// Sets `bucket` to `acl`.
    pub fn new(bucket: impl Into<String>, acl: Acl) -> Self {
        PutBucketAcl {
            bucket: bucket.into(),
            acl,
        }
    }
}

/// The result of [`PutBucketAcl`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct PutBucketAclOutput {
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads a bucket's ACL and owner.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketAcl", method = "GET", sub_resource = "acl", output = GetBucketAclOutput)]
pub struct GetBucketAcl {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketAcl {
    /// The ACL of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketAcl {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketAcl`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "AccessControlPolicy")]
pub struct GetBucketAclOutput {
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: String,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: String,
    /// The ACL.
    #[oss(xml = "AccessControlList>Grant", required)]
    pub acl: Acl,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
