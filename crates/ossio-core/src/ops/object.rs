//! Objects: PutObject, GetObject, HeadObject, GetObjectMeta, DeleteObject (`/<key>`). Object bodies are
//! the caller's to stream: the core declares their length and reads only status and headers.

use super::common::{ObjectMeta, StorageClass, validate_metadata};
use super::decl::{Declared, Fields, Oss};
use super::{LegalHoldStatus, ObjectRetentionMode, Operation, content_md5};
use crate::acl::ObjectAcl;
use crate::error::{Error, ValidationError};
use crate::names;
use crate::request::{Body, Request};
use crate::response::Response;

wire_enum! {
    /// Server-side encryption.
    pub enum ServerSideEncryption("server-side encryption") {
        /// AES-256 with keys OSS manages.
        Aes256 = "AES256",
        /// A KMS key.
        Kms = "KMS",
        /// SM4 with keys OSS manages.
        Sm4 = "SM4",
    }
}

/// Uploads an object: from bytes, or as a stream of declared length the caller sends.
///
/// ```
/// use ossio_core::ops::{Operation, PutObject};
/// let req = PutObject::new("bucket", "dir/a.txt")
///     .bytes(b"hello".to_vec())
///     .content_type("text/plain")
///     .meta("author", "alice")
///     .to_request()
///     .unwrap();
/// assert_eq!(req.headers.get("x-oss-meta-author"), Some("alice"));
/// assert_eq!(req.body.len(), 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutObject", method = "PUT", output = PutObjectOutput, manual)]
pub struct PutObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The body: bytes, or a declared length for a caller-streamed body.
    #[oss(body)]
    pub body: Body,
    /// `Content-Type`.
    #[oss(header = "Content-Type")]
    pub content_type: Option<String>,
    /// User metadata, names without the `x-oss-meta-` prefix.
    #[oss(header_prefix = "x-oss-meta-", validate = validate_metadata)]
    pub metadata: Vec<(String, String)>,
    /// `x-oss-object-acl`.
    #[oss(header = "x-oss-object-acl")]
    pub acl: Option<ObjectAcl>,
    /// `x-oss-storage-class`.
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<StorageClass>,
    /// `Content-MD5` (base64), checked by OSS.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `Cache-Control`.
    #[oss(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition`.
    #[oss(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Content-Encoding`.
    #[oss(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// `Content-Length`: the body's length, when the caller states it.
    #[oss(header = "Content-Length")]
    pub content_length: Option<u64>,
    /// `Expires` (stored with the object, sent back on reads).
    #[oss(header = "Expires")]
    pub expires: Option<String>,
    /// `x-oss-server-side-encryption`: `AES256`, `KMS` or `SM4`.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<ServerSideEncryption>,
    /// `x-oss-server-side-data-encryption`: `SM4` with KMS.
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// `x-oss-server-side-encryption-key-id`: the KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// Tags, URL-query style (`a=1&b=2`, `x-oss-tagging`).
    #[oss(header = "x-oss-tagging")]
    pub tagging: Option<String>,
    /// The upload callback, base64 of its JSON (`x-oss-callback`).
    #[oss(header = "x-oss-callback")]
    pub callback: Option<String>,
    /// The callback's custom variables, base64 of their JSON (`x-oss-callback-var`).
    #[oss(header = "x-oss-callback-var")]
    pub callback_var: Option<String>,
    /// Refuse to replace an existing object of the same key (`x-oss-forbid-overwrite`).
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// Bandwidth limit in bit/s, 819200 to 838860800 (`x-oss-traffic-limit`).
    #[oss(header = "x-oss-traffic-limit", min = 819_200, max = 838_860_800)]
    pub traffic_limit: Option<u64>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
    /// Retain the object until this time (ISO 8601, `x-oss-object-worm-retain-until-date`).
    #[oss(header = "x-oss-object-worm-retain-until-date")]
    pub object_worm_retain_until_date: Option<String>,
    /// The retention mode (`x-oss-object-worm-mode`).
    #[oss(header = "x-oss-object-worm-mode")]
    pub object_worm_mode: Option<ObjectRetentionMode>,
    /// Put the object under legal hold (`x-oss-object-worm-legal-hold`).
    #[oss(header = "x-oss-object-worm-legal-hold")]
    pub object_worm_legal_hold: Option<LegalHoldStatus>,
}

impl PutObject {
    /// An empty object at `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        PutObject {
            bucket: bucket.into(),
            key: key.into(),
            body: Body::Empty,
            content_type: None,
            metadata: Vec::new(),
            acl: None,
            storage_class: None,
            content_md5: None,
            cache_control: None,
            content_disposition: None,
            content_encoding: None,
            content_length: None,
            expires: None,
            server_side_encryption: None,
            server_side_data_encryption: None,
            server_side_encryption_key_id: None,
            tagging: None,
            callback: None,
            callback_var: None,
            forbid_overwrite: None,
            traffic_limit: None,
            request_payer: None,
            object_worm_retain_until_date: None,
            object_worm_mode: None,
            object_worm_legal_hold: None,
        }
    }

    /// The body, in memory.
    pub fn bytes(mut self, bytes: Vec<u8>) -> Self {
        self.body = Body::Bytes(bytes);
        self
    }

    /// A body of `length` bytes that the caller streams.
    pub fn stream_length(mut self, length: u64) -> Self {
        self.body = Body::Stream { length };
        self
    }

    /// Sets `Content-Type`.
    pub fn content_type(mut self, v: impl Into<String>) -> Self {
        self.content_type = Some(v.into());
        self
    }

    /// Adds user metadata `x-oss-meta-<name>: value`.
    pub fn meta(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.push((name.into(), value.into()));
        self
    }

    /// Sets the object ACL.
    pub fn acl(mut self, acl: ObjectAcl) -> Self {
        self.acl = Some(acl);
        self
    }

    /// Sets the storage class.
    pub fn storage_class(mut self, c: StorageClass) -> Self {
        self.storage_class = Some(c);
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

/// The request of a PutObject, with the `Content-Type` guessed from the key when the
/// caller gave none (as the official SDKs do).
fn put_object_request(op: &PutObject) -> Result<Request, Error> {
    let mut req = op.declared_request()?;
    if !req.headers.contains(names::CONTENT_TYPE) {
        req.headers
            .insert(names::CONTENT_TYPE, crate::mime::guess(&op.key));
    }
    Ok(req)
}

impl Operation for PutObject {
    type Output = PutObjectOutput;
    const NAME: &'static str = "PutObject";

    fn to_request(&self) -> Result<Request, Error> {
        put_object_request(self)
    }

    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error> {
        PutObjectOutput::from_response(response)
    }
}

/// The result of [`PutObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct PutObjectOutput {
    /// `Content-MD5` of the body as OSS received it.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `ETag`.
    #[oss(header = "ETag")]
    pub etag: Option<String>,
    /// `x-oss-hash-crc64ecma` as computed by OSS.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// What the callback server answered (JSON), when the upload had a callback.
    #[oss(body)]
    pub callback_result: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Response header overrides (`response-*` query parameters).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ResponseOverrides {
    /// `response-content-type`.
    #[oss(query = "response-content-type", rename = "response_content_type")]
    pub content_type: Option<String>,
    /// `response-content-language`.
    #[oss(
        query = "response-content-language",
        rename = "response_content_language"
    )]
    pub content_language: Option<String>,
    /// `response-expires`.
    #[oss(query = "response-expires", rename = "response_expires")]
    pub expires: Option<String>,
    /// `response-cache-control`.
    #[oss(query = "response-cache-control", rename = "response_cache_control")]
    pub cache_control: Option<String>,
    /// `response-content-disposition`.
    #[oss(
        query = "response-content-disposition",
        rename = "response_content_disposition"
    )]
    pub content_disposition: Option<String>,
    /// `response-content-encoding`.
    #[oss(
        query = "response-content-encoding",
        rename = "response_content_encoding"
    )]
    pub content_encoding: Option<String>,
}

fn validate_range(r: &(u64, Option<u64>)) -> Result<(), ValidationError> {
    match *r {
        (start, Some(end)) if end < start => Err(ValidationError::invalid(
            "range",
            &format!("{start}-{end}"),
            "the last byte must not come before the first",
        )),
        _ => Ok(()),
    }
}

/// Downloads an object (or a byte range of it).
///
/// ```
/// use ossio_core::ops::{GetObject, Operation};
/// let req = GetObject::new("bucket", "a b.txt").range(0, Some(99)).to_request().unwrap();
/// assert_eq!(req.headers.get("Range"), Some("bytes=0-99"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObject", method = "GET", output = GetObjectOutput)]
pub struct GetObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// Byte range: first byte and optional last byte (inclusive).
    #[oss(header = "Range", rename = "range_header", validate = validate_range)]
    pub range: Option<(u64, Option<u64>)>,
    /// Header overrides for the response.
    #[oss(flatten)]
    pub overrides: ResponseOverrides,
    /// `If-Match`.
    #[oss(header = "If-Match")]
    pub if_match: Option<String>,
    /// `If-None-Match`.
    #[oss(header = "If-None-Match")]
    pub if_none_match: Option<String>,
    /// `If-Modified-Since` (RFC 1123).
    #[oss(header = "If-Modified-Since")]
    pub if_modified_since: Option<String>,
    /// `If-Unmodified-Since` (RFC 1123).
    #[oss(header = "If-Unmodified-Since")]
    pub if_unmodified_since: Option<String>,
    /// `Accept-Encoding` (`gzip` for a compressed answer).
    #[oss(header = "Accept-Encoding")]
    pub accept_encoding: Option<String>,
    /// `standard`: a range beyond the object is an error, and a range with a last byte
    /// beyond the end is cut there (`x-oss-range-behavior`).
    #[oss(header = "x-oss-range-behavior")]
    pub range_behavior: Option<String>,
    /// Bandwidth limit in bit/s, 819200 to 838860800 (`x-oss-traffic-limit`).
    #[oss(header = "x-oss-traffic-limit", min = 819_200, max = 838_860_800)]
    pub traffic_limit: Option<u64>,
    /// An image processing instruction applied to the answer (`x-oss-process`).
    #[oss(query = "x-oss-process")]
    pub process: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl GetObject {
    /// The whole object at `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObject {
            bucket: bucket.into(),
            key: key.into(),
            range: None,
            overrides: ResponseOverrides::default(),
            if_match: None,
            if_none_match: None,
            if_modified_since: None,
            if_unmodified_since: None,
            version_id: None,
            accept_encoding: None,
            range_behavior: None,
            traffic_limit: None,
            process: None,
            request_payer: None,
        }
    }

    /// Only bytes `start..=end` (to the end when `end` is `None`).
    pub fn range(mut self, start: u64, end: Option<u64>) -> Self {
        self.range = Some((start, end));
        self
    }

    /// Targets one version.
    pub fn version_id(mut self, v: impl Into<String>) -> Self {
        self.version_id = Some(v.into());
        self
    }

    /// Asks for a compressed answer (`gzip`): OSS then compresses text objects of at least
    /// 1 KB and sends them without a CRC-64; the body is returned as sent, still compressed.
    pub fn accept_encoding(mut self, coding: impl Into<String>) -> Self {
        self.accept_encoding = Some(coding.into());
        self
    }

    /// Whether the response body is the whole object as stored (so its CRC-64 can be
    /// checked): no range, and no processing.
    pub fn is_whole_object(&self) -> bool {
        self.range.is_none() && self.process.is_none()
    }
}

/// The result of [`GetObject`] (the body is streamed separately).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetObjectOutput {
    /// Object metadata from the headers.
    #[oss(flatten)]
    pub meta: ObjectMeta,
    /// `Content-Range`, for range requests.
    #[oss(header = "Content-Range")]
    pub content_range: Option<String>,
    /// `x-oss-delete-marker`: the version read is a delete marker.
    #[oss(header = "x-oss-delete-marker")]
    pub delete_marker: bool,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads an object's metadata; errors arrive base64-encoded in `x-oss-err`, which
/// `Response::check` decodes.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "HeadObject", method = "HEAD", output = HeadObjectOutput)]
pub struct HeadObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `If-Match`.
    #[oss(header = "If-Match")]
    pub if_match: Option<String>,
    /// `If-None-Match`.
    #[oss(header = "If-None-Match")]
    pub if_none_match: Option<String>,
    /// `If-Modified-Since` (RFC 1123).
    #[oss(header = "If-Modified-Since")]
    pub if_modified_since: Option<String>,
    /// `If-Unmodified-Since` (RFC 1123).
    #[oss(header = "If-Unmodified-Since")]
    pub if_unmodified_since: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl HeadObject {
    /// The metadata of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        HeadObject {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            if_match: None,
            if_none_match: None,
            if_modified_since: None,
            if_unmodified_since: None,
            request_payer: None,
        }
    }
}

/// The result of [`HeadObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct HeadObjectOutput {
    /// Object metadata from the headers.
    #[oss(flatten)]
    pub meta: ObjectMeta,
    /// `x-oss-request-charged`: the requester was charged.
    #[oss(header = "x-oss-request-charged")]
    pub request_charged: Option<String>,
    /// `Access-Control-Allow-Origin` (a CORS preflight match).
    #[oss(header = "Access-Control-Allow-Origin")]
    pub allow_origin: Option<String>,
    /// `Access-Control-Allow-Methods`.
    #[oss(header = "Access-Control-Allow-Methods")]
    pub allow_methods: Option<String>,
    /// `Access-Control-Allow-Age`.
    #[oss(header = "Access-Control-Allow-Age")]
    pub allow_age: Option<String>,
    /// `Access-Control-Allow-Headers`.
    #[oss(header = "Access-Control-Allow-Headers")]
    pub allow_headers: Option<String>,
    /// `Access-Control-Expose-Headers`.
    #[oss(header = "Access-Control-Expose-Headers")]
    pub expose_headers: Option<String>,
    /// When the object moved to a colder storage class (`x-oss-transition-time`).
    #[oss(header = "x-oss-transition-time")]
    pub transition_time: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads the few metadata an object always has (size, ETag, times, CRC-64), lighter than
/// HeadObject: `HEAD /<key>?objectMeta`.
///
/// ```
/// use ossio_core::ops::{GetObjectMeta, Operation};
/// let req = GetObjectMeta::new("examplebucket", "a.txt").to_request().unwrap();
/// assert_eq!(req.query_value("objectMeta"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObjectMeta", method = "HEAD", sub_resource = "objectMeta", output = GetObjectMetaOutput)]
pub struct GetObjectMeta {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl GetObjectMeta {
    /// The metadata of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectMeta {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            request_payer: None,
        }
    }
}

/// The result of [`GetObjectMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetObjectMetaOutput {
    /// The object's size.
    #[oss(header = "Content-Length")]
    pub content_length: Option<u64>,
    /// `ETag`.
    #[oss(header = "ETag")]
    pub etag: Option<String>,
    /// `Last-Modified`.
    #[oss(header = "Last-Modified")]
    pub last_modified: Option<String>,
    /// When the object was last read (with access tracking on).
    #[oss(header = "x-oss-last-access-time")]
    pub last_access_time: Option<String>,
    /// CRC-64/ECMA of the object.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// The version, in a versioned bucket.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// When the object moved to a colder storage class.
    #[oss(header = "x-oss-transition-time")]
    pub transition_time: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes an object (deleting a missing key succeeds, as on OSS).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteObject", method = "DELETE", output = DeleteObjectOutput)]
pub struct DeleteObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
    /// Delete a version under `GOVERNANCE` retention (`x-oss-bypass-governance-retention`).
    #[oss(header = "x-oss-bypass-governance-retention")]
    pub bypass_governance_retention: Option<bool>,
}

impl DeleteObject {
    /// Deletes `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        DeleteObject {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            request_payer: None,
            bypass_governance_retention: None,
        }
    }
}

/// The result of [`DeleteObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct DeleteObjectOutput {
    /// Whether a delete marker was created (`x-oss-delete-marker`).
    #[oss(header = "x-oss-delete-marker")]
    pub delete_marker: bool,
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
