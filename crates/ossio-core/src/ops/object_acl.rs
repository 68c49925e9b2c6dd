//! An object's ACL: PutObjectAcl (`PUT /<key>?acl` with `x-oss-object-acl`) and GetObjectAcl.

use super::decl::Oss;
use crate::acl::ObjectAcl;

/// Sets an object's ACL (`default` follows the bucket).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutObjectAcl", method = "PUT", sub_resource = "acl", output = PutObjectAclOutput)]
pub struct PutObjectAcl {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The ACL.
    #[oss(header = "x-oss-object-acl", required)]
    pub acl: ObjectAcl,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
}

impl PutObjectAcl {
    /// Sets `acl` on `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, acl: ObjectAcl) -> Self {
        PutObjectAcl {
            bucket: bucket.into(),
            key: key.into(),
            acl,
            version_id: None,
        }
    }

    /// Targets one version.
    pub fn version_id(mut self, v: impl Into<String>) -> Self {
        self.version_id = Some(v.into());
        self
    }
}

/// The result of [`PutObjectAcl`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct PutObjectAclOutput {
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads an object's ACL and owner.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObjectAcl", method = "GET", sub_resource = "acl", output = GetObjectAclOutput)]
pub struct GetObjectAcl {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
}

impl GetObjectAcl {
    /// The ACL of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectAcl {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }

    /// Targets one version.
    pub fn version_id(mut self, v: impl Into<String>) -> Self {
        self.version_id = Some(v.into());
        self
    }
}

/// The result of [`GetObjectAcl`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "AccessControlPolicy")]
pub struct GetObjectAclOutput {
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: String,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: String,
    /// The ACL (`default` when it follows the bucket).
    #[oss(xml = "AccessControlList>Grant", required)]
    pub acl: ObjectAcl,
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
