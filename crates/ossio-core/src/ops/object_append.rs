//! Appendable objects: AppendObject (`POST /<key>?append&position=`) and SealAppendObject
//! (`POST /<key>?seal&position=`).

use super::common::{StorageClass, validate_metadata};
use super::content_md5;
use super::decl::Oss;
use crate::acl::ObjectAcl;
use crate::request::Body;

/// Appends to an Appendable object (creating it at position 0): from bytes, or as a stream
/// of declared length the caller sends. `position` must be the object's current length.
///
/// ```
/// use ossio_core::ops::{AppendObject, Operation};
/// let req = AppendObject::new("examplebucket", "log.txt", 5).bytes(b" world".to_vec()).to_request().unwrap();
/// assert_eq!(req.query_value("append"), Some(None));
/// assert_eq!(req.query_value("position"), Some(Some("5")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "AppendObject", method = "POST", sub_resource = "append", output = AppendObjectOutput)]
pub struct AppendObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// Where the data goes: the object's current length (0 creates it).
    #[oss(query = "position", required)]
    pub position: u64,
    /// The object's ACL (on creation).
    #[oss(header = "x-oss-object-acl")]
    pub acl: Option<ObjectAcl>,
    /// The object's storage class (on creation).
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<StorageClass>,
    /// User metadata (on creation), names without the `x-oss-meta-` prefix.
    #[oss(header_prefix = "x-oss-meta-", validate = validate_metadata)]
    pub metadata: Vec<(String, String)>,
    /// `Cache-Control` of the object.
    #[oss(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition` of the object.
    #[oss(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Content-Encoding` of the object.
    #[oss(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// `Content-MD5` (base64) of this append, checked by OSS.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `Content-Type` of the object.
    #[oss(header = "Content-Type")]
    pub content_type: Option<String>,
    /// `Expires` of the object.
    #[oss(header = "Expires")]
    pub expires: Option<String>,
    /// Server-side encryption: `AES256`, `KMS` or `SM4`.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The data encryption algorithm with KMS (`SM4`).
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// The KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// Tags, `k1=v1&k2=v2` (on creation).
    #[oss(header = "x-oss-tagging")]
    pub tagging: Option<String>,
    /// Refuse to overwrite an existing object of the same key.
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// Bandwidth limit in bit/s.
    #[oss(header = "x-oss-traffic-limit")]
    pub traffic_limit: Option<u64>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
    /// The data: bytes, or a declared length for a caller-streamed body.
    #[oss(body)]
    pub body: Body,
}

impl AppendObject {
    /// An empty append to `bucket`/`key` at `position`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, position: u64) -> Self {
        AppendObject {
            bucket: bucket.into(),
            key: key.into(),
            position,
            acl: None,
            storage_class: None,
            metadata: Vec::new(),
            cache_control: None,
            content_disposition: None,
            content_encoding: None,
            content_md5: None,
            content_type: None,
            expires: None,
            server_side_encryption: None,
            server_side_data_encryption: None,
            server_side_encryption_key_id: None,
            tagging: None,
            forbid_overwrite: None,
            traffic_limit: None,
            request_payer: None,
            body: Body::Empty,
        }
    }

    /// The data, in memory.
    pub fn bytes(mut self, bytes: Vec<u8>) -> Self {
        self.body = Body::Bytes(bytes);
        self
    }

    /// Data of `length` bytes that the caller streams.
    pub fn stream_length(mut self, length: u64) -> Self {
        self.body = Body::Stream { length };
        self
    }

    /// Sends `Content-MD5` computed over the in-memory body.
    pub fn with_content_md5(mut self) -> Self {
        if let Some(b) = self.body.as_bytes() {
            self.content_md5 = Some(content_md5(b));
        }
        self
    }
}

/// The result of [`AppendObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct AppendObjectOutput {
    /// The object's version, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// CRC-64/ECMA of the whole object so far.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// The position of the next append (the object's length).
    #[oss(header = "x-oss-next-append-position")]
    pub next_position: Option<u64>,
    /// Server-side encryption of the object.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The data encryption algorithm with KMS.
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// The KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Seals an Appendable object: no more appends. `position` is its current length.
///
/// ```
/// use ossio_core::ops::{Operation, SealAppendObject};
/// let req = SealAppendObject::new("examplebucket", "log.txt", 11).to_request().unwrap();
/// assert_eq!(req.query_value("seal"), Some(None));
/// assert_eq!(req.query_value("position"), Some(Some("11")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "SealAppendObject",
    method = "POST",
    sub_resource = "seal",
    output = SealAppendObjectOutput
)]
pub struct SealAppendObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The object's current length.
    #[oss(query = "position", required)]
    pub position: u64,
}

impl SealAppendObject {
    /// Seals `bucket`/`key` at `position`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, position: u64) -> Self {
        SealAppendObject {
            bucket: bucket.into(),
            key: key.into(),
            position,
        }
    }
}

/// The result of [`SealAppendObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct SealAppendObjectOutput {
    /// When the object was sealed.
    #[oss(header = "x-oss-sealed-time")]
    pub sealed_time: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
