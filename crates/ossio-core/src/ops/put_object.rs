//! PutObject: `PUT /<key>` with the object as the body.

use super::common::{StorageClass, validate_meta_name};
use super::{Operation, content_md5};
use crate::acl::ObjectAcl;
use crate::error::{Error, ValidationError};
use crate::names;
use crate::request::{Body, Method, Request};
use crate::response::Response;
use crate::validate;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutObject {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// The body: bytes, or a declared length for a caller-streamed body.
    pub body: Body,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// User metadata, names without the `x-oss-meta-` prefix.
    pub metadata: Vec<(String, String)>,
    /// `x-oss-object-acl`.
    pub acl: Option<ObjectAcl>,
    /// `x-oss-storage-class`.
    pub storage_class: Option<StorageClass>,
    /// `Content-MD5` (base64), checked by OSS.
    pub content_md5: Option<String>,
    /// `Cache-Control`.
    pub cache_control: Option<String>,
    /// `Content-Disposition`.
    pub content_disposition: Option<String>,
    /// `Content-Encoding`.
    pub content_encoding: Option<String>,
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

/// The result of [`PutObject`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutObjectOutput {
    /// `ETag`.
    pub etag: Option<String>,
    /// `x-oss-hash-crc64ecma` as computed by OSS.
    pub crc64: Option<u64>,
    /// `x-oss-version-id`, when versioned.
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for PutObject {
    type Output = PutObjectOutput;
    const NAME: &'static str = "PutObject";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        let mut req = Request::new(Method::Put)
            .bucket(&self.bucket)
            .key(&self.key)
            .header_opt(names::CONTENT_TYPE, self.content_type.as_deref())
            .header_opt(names::CONTENT_MD5, self.content_md5.as_deref())
            .header_opt("Cache-Control", self.cache_control.as_deref())
            .header_opt("Content-Disposition", self.content_disposition.as_deref())
            .header_opt("Content-Encoding", self.content_encoding.as_deref())
            .header_opt(names::X_OSS_OBJECT_ACL, self.acl.map(ObjectAcl::as_str))
            .header_opt(
                names::X_OSS_STORAGE_CLASS,
                self.storage_class.map(StorageClass::as_str),
            )
            .body(self.body.clone());
        for (name, value) in &self.metadata {
            validate_meta_name(name)?;
            let header = format!("{}{}", names::X_OSS_META_PREFIX, name);
            if req.headers.contains(&header) {
                return Err(ValidationError::invalid(
                    "metadata name",
                    name,
                    "is given twice (names are case-insensitive)",
                )
                .into());
            }
            req.headers.insert(header, value.as_str());
        }
        Ok(req)
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        let h = resp.headers;
        Ok(PutObjectOutput {
            etag: h.get(names::ETAG).map(str::to_owned),
            crc64: h
                .get(names::X_OSS_HASH_CRC64ECMA)
                .and_then(|v| v.trim().parse().ok()),
            version_id: h.get(names::X_OSS_VERSION_ID).map(str::to_owned),
            request_id: resp.request_id(),
        })
    }
}
