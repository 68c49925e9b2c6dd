//! CopyObject: `PUT /<key>` with `x-oss-copy-source: /<bucket>/<key>[?versionId=]`, within a
//! bucket or across buckets of one region.

use super::common::{StorageClass, validate_metadata};
use super::decl::Oss;
use super::object_multipart::CopyDirective;
use crate::acl::ObjectAcl;

/// Copies an object (up to 1 GB; larger ones with UploadPartCopy), its metadata copied or
/// replaced.
///
/// ```
/// use ossio_core::ops::{CopyDirective, CopyObject, Operation};
/// let req = CopyObject::new("dst", "b.txt", "dir/a b.txt")
///     .source_bucket("src")
///     .source_version_id("v1")
///     .metadata_directive(CopyDirective::Replace)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.headers.get("x-oss-copy-source"), Some("/src/dir/a%20b.txt?versionId=v1"));
/// assert_eq!(req.headers.get("x-oss-metadata-directive"), Some("REPLACE"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CopyObject", method = "PUT", output = CopyObjectOutput)]
pub struct CopyObject {
    /// The destination bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// The destination key.
    #[oss(key)]
    pub key: String,
    /// The source's bucket (the destination bucket when absent).
    #[oss(copy_source = "bucket", validate = crate::validate::bucket_name)]
    pub source_bucket: Option<String>,
    /// The source object's key.
    #[oss(copy_source = "key", required, validate = crate::validate::object_key)]
    pub source_key: String,
    /// A version of the source.
    #[oss(copy_source = "version_id")]
    pub source_version_id: Option<String>,
    /// Copy only if the source's ETag is this.
    #[oss(header = "x-oss-copy-source-if-match")]
    pub if_match: Option<String>,
    /// Copy only if the source's ETag is not this.
    #[oss(header = "x-oss-copy-source-if-none-match")]
    pub if_none_match: Option<String>,
    /// Copy only if the source changed since (RFC 1123).
    #[oss(header = "x-oss-copy-source-if-modified-since")]
    pub if_modified_since: Option<String>,
    /// Copy only if the source did not change since (RFC 1123).
    #[oss(header = "x-oss-copy-source-if-unmodified-since")]
    pub if_unmodified_since: Option<String>,
    /// The copy's ACL.
    #[oss(header = "x-oss-object-acl")]
    pub acl: Option<ObjectAcl>,
    /// The copy's storage class.
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<StorageClass>,
    /// User metadata (used with `metadata_directive` REPLACE), names without the prefix.
    #[oss(header_prefix = "x-oss-meta-", validate = validate_metadata)]
    pub metadata: Vec<(String, String)>,
    /// `Cache-Control` of the copy (with REPLACE).
    #[oss(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition` of the copy (with REPLACE).
    #[oss(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Content-Encoding` of the copy (with REPLACE).
    #[oss(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// `Content-MD5` of the request.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `Content-Type` of the copy (with REPLACE).
    #[oss(header = "Content-Type")]
    pub content_type: Option<String>,
    /// `Expires` of the copy (with REPLACE).
    #[oss(header = "Expires")]
    pub expires: Option<String>,
    /// `COPY` (the default) keeps the source's metadata, `REPLACE` takes the request's.
    #[oss(header = "x-oss-metadata-directive")]
    pub metadata_directive: Option<CopyDirective>,
    /// Server-side encryption of the copy: `AES256`, `KMS` or `SM4`.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The data encryption algorithm with KMS (`SM4`).
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// The KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// Tags of the copy, `k1=v1&k2=v2` (with `tagging_directive` REPLACE).
    #[oss(header = "x-oss-tagging")]
    pub tagging: Option<String>,
    /// `COPY` (the default) keeps the source's tags, `REPLACE` takes `tagging`.
    #[oss(header = "x-oss-tagging-directive")]
    pub tagging_directive: Option<CopyDirective>,
    /// Refuse to overwrite an existing object of the destination key.
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// Bandwidth limit in bit/s.
    #[oss(header = "x-oss-traffic-limit")]
    pub traffic_limit: Option<u64>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
    /// Object WORM: retained until this time (ISO 8601).
    #[oss(header = "x-oss-object-worm-retain-until-date")]
    pub object_worm_retain_until_date: Option<String>,
    /// Object WORM mode (`GOVERNANCE`, `COMPLIANCE`).
    #[oss(header = "x-oss-object-worm-mode")]
    pub object_worm_mode: Option<String>,
    /// Object WORM legal hold (`ON`, `OFF`).
    #[oss(header = "x-oss-object-worm-legal-hold")]
    pub object_worm_legal_hold: Option<String>,
}

impl CopyObject {
    /// Copies `source_key` of the same bucket to `bucket`/`key`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        source_key: impl Into<String>,
    ) -> Self {
        CopyObject {
            bucket: bucket.into(),
            key: key.into(),
            source_bucket: None,
            source_key: source_key.into(),
            source_version_id: None,
            if_match: None,
            if_none_match: None,
            if_modified_since: None,
            if_unmodified_since: None,
            acl: None,
            storage_class: None,
            metadata: Vec::new(),
            cache_control: None,
            content_disposition: None,
            content_encoding: None,
            content_md5: None,
            content_type: None,
            expires: None,
            metadata_directive: None,
            server_side_encryption: None,
            server_side_data_encryption: None,
            server_side_encryption_key_id: None,
            tagging: None,
            tagging_directive: None,
            forbid_overwrite: None,
            traffic_limit: None,
            request_payer: None,
            object_worm_retain_until_date: None,
            object_worm_mode: None,
            object_worm_legal_hold: None,
        }
    }

    /// Copies from another bucket.
    pub fn source_bucket(mut self, b: impl Into<String>) -> Self {
        self.source_bucket = Some(b.into());
        self
    }

    /// Copies one version of the source.
    pub fn source_version_id(mut self, v: impl Into<String>) -> Self {
        self.source_version_id = Some(v.into());
        self
    }

    /// Keeps (`Copy`) or replaces (`Replace`) the metadata.
    pub fn metadata_directive(mut self, d: CopyDirective) -> Self {
        self.metadata_directive = Some(d);
        self
    }

    /// Adds user metadata `x-oss-meta-<name>: value` (with `Replace`).
    pub fn meta(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.push((name.into(), value.into()));
        self
    }
}

/// The result of [`CopyObject`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CopyObjectResult")]
pub struct CopyObjectOutput {
    /// The copy's version, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// CRC-64/ECMA of the copy.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// The version of the source copied.
    #[oss(header = "x-oss-copy-source-version-id")]
    pub source_version_id: Option<String>,
    /// Server-side encryption of the copy.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The data encryption algorithm with KMS.
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// The KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// When the copy was written (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// The copy's ETag.
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
