//! Symbolic links: PutSymlink and GetSymlink (`/<key>?symlink`, the target in
//! `x-oss-symlink-target`).

use super::common::{StorageClass, validate_metadata};
use super::decl::{Oss, Scalar, TypeRef};
use crate::acl::ObjectAcl;
use crate::error::ValidationError;
use std::borrow::Cow;

/// An object key carried in a header: percent-encoded on the wire as in a URL path
/// (OSS decodes it, so any key can be named), plain text here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct HeaderKey(pub String);

impl Scalar for HeaderKey {
    const TYPE: TypeRef = TypeRef::String;
    fn to_text(&self) -> Cow<'_, str> {
        Cow::Owned(crate::encoding::encode_path(&self.0))
    }
    fn from_text(s: &str) -> Result<Self, ValidationError> {
        // A target another client wrote without encoding reads as written.
        Ok(HeaderKey(
            crate::encoding::decode(s, false).unwrap_or_else(|_| s.to_owned()),
        ))
    }
}

impl From<&str> for HeaderKey {
    fn from(s: &str) -> Self {
        HeaderKey(s.to_owned())
    }
}

impl From<String> for HeaderKey {
    fn from(s: String) -> Self {
        HeaderKey(s)
    }
}

fn validate_target(t: &HeaderKey) -> Result<(), ValidationError> {
    crate::validate::object_key(&t.0).map_err(|e| ValidationError {
        field: "target".into(),
        ..e
    })
}

/// Creates a symbolic link to another object of the bucket (the target need not exist
/// yet; reading the link reads the target).
///
/// ```
/// use ossio_core::ops::{Operation, PutSymlink};
/// let req = PutSymlink::new("examplebucket", "link", "dir/a b.txt").to_request().unwrap();
/// assert_eq!(req.query_value("symlink"), Some(None));
/// assert_eq!(req.headers.get("x-oss-symlink-target"), Some("dir/a%20b.txt"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutSymlink", method = "PUT", sub_resource = "symlink", output = PutSymlinkOutput)]
pub struct PutSymlink {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// The link's key.
    #[oss(key)]
    pub key: String,
    /// The target object's key.
    #[oss(header = "x-oss-symlink-target", required, validate = validate_target)]
    pub target: HeaderKey,
    /// `x-oss-object-acl` of the link.
    #[oss(header = "x-oss-object-acl")]
    pub acl: Option<ObjectAcl>,
    /// `x-oss-storage-class` of the link.
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<StorageClass>,
    /// User metadata of the link, names without the `x-oss-meta-` prefix.
    #[oss(header_prefix = "x-oss-meta-", validate = validate_metadata)]
    pub metadata: Vec<(String, String)>,
    /// Refuse to replace an existing object of the same key (`x-oss-forbid-overwrite`).
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl PutSymlink {
    /// A link at `bucket`/`key` to `target`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        target: impl Into<String>,
    ) -> Self {
        PutSymlink {
            bucket: bucket.into(),
            key: key.into(),
            target: HeaderKey(target.into()),
            acl: None,
            storage_class: None,
            metadata: Vec::new(),
            forbid_overwrite: None,
            request_payer: None,
        }
    }
}

/// The result of [`PutSymlink`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct PutSymlinkOutput {
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads where a symbolic link points.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetSymlink", method = "GET", sub_resource = "symlink", output = GetSymlinkOutput)]
pub struct GetSymlink {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// The link's key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl GetSymlink {
    /// The target of the link at `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetSymlink {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            request_payer: None,
        }
    }
}

/// The result of [`GetSymlink`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetSymlinkOutput {
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// The target object's key.
    #[oss(header = "x-oss-symlink-target")]
    pub target: Option<HeaderKey>,
    /// `ETag` of the link.
    #[oss(header = "ETag")]
    pub etag: Option<String>,
    /// User metadata of the link, names without the prefix, lower-cased.
    #[oss(header_prefix = "x-oss-meta-")]
    pub metadata: Vec<(String, String)>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
