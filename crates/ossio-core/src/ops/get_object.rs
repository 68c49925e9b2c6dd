//! GetObject: `GET /<key>`. The body is the caller's to stream; the core reads only the
//! status and headers.

use super::Operation;
use super::common::ObjectMeta;
use crate::error::{Error, ValidationError};
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Response header overrides (`response-*` query parameters).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResponseOverrides {
    /// `response-content-type`.
    pub content_type: Option<String>,
    /// `response-content-language`.
    pub content_language: Option<String>,
    /// `response-expires`.
    pub expires: Option<String>,
    /// `response-cache-control`.
    pub cache_control: Option<String>,
    /// `response-content-disposition`.
    pub content_disposition: Option<String>,
    /// `response-content-encoding`.
    pub content_encoding: Option<String>,
}

/// Downloads an object (or a byte range of it).
///
/// ```
/// use ossio_core::ops::{GetObject, Operation};
/// let req = GetObject::new("bucket", "a b.txt").range(0, Some(99)).to_request().unwrap();
/// assert_eq!(req.headers.get("Range"), Some("bytes=0-99"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetObject {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// Byte range: first byte and optional last byte (inclusive).
    pub range: Option<(u64, Option<u64>)>,
    /// Header overrides for the response.
    pub overrides: ResponseOverrides,
    /// `If-Match`.
    pub if_match: Option<String>,
    /// `If-None-Match`.
    pub if_none_match: Option<String>,
    /// `If-Modified-Since` (RFC 1123).
    pub if_modified_since: Option<String>,
    /// `If-Unmodified-Since` (RFC 1123).
    pub if_unmodified_since: Option<String>,
    /// A specific version.
    pub version_id: Option<String>,
    /// `Accept-Encoding` (`gzip` for a compressed answer).
    pub accept_encoding: Option<String>,
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

    /// Whether the response body is the whole object (so its CRC-64 can be checked).
    pub fn is_whole_object(&self) -> bool {
        self.range.is_none()
    }
}

/// The result of [`GetObject`] (the body is streamed separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetObjectOutput {
    /// Object metadata from the headers.
    pub meta: ObjectMeta,
    /// `Content-Range`, for range requests.
    pub content_range: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for GetObject {
    type Output = GetObjectOutput;
    const NAME: &'static str = "GetObject";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        let range = match self.range {
            None => None,
            Some((start, Some(end))) if end < start => {
                return Err(ValidationError::invalid(
                    "range",
                    &format!("{start}-{end}"),
                    "the last byte must not come before the first",
                )
                .into());
            }
            Some((start, Some(end))) => Some(format!("bytes={start}-{end}")),
            Some((start, None)) => Some(format!("bytes={start}-")),
        };
        let o = &self.overrides;
        Ok(Request::new(Method::Get)
            .bucket(&self.bucket)
            .key(&self.key)
            .query_opt("versionId", self.version_id.as_deref())
            .query_opt("response-content-type", o.content_type.as_deref())
            .query_opt("response-content-language", o.content_language.as_deref())
            .query_opt("response-expires", o.expires.as_deref())
            .query_opt("response-cache-control", o.cache_control.as_deref())
            .query_opt(
                "response-content-disposition",
                o.content_disposition.as_deref(),
            )
            .query_opt("response-content-encoding", o.content_encoding.as_deref())
            .header_opt(names::RANGE, range)
            .header_opt("If-Match", self.if_match.as_deref())
            .header_opt("If-None-Match", self.if_none_match.as_deref())
            .header_opt("If-Modified-Since", self.if_modified_since.as_deref())
            .header_opt("If-Unmodified-Since", self.if_unmodified_since.as_deref())
            .header_opt(names::ACCEPT_ENCODING, self.accept_encoding.as_deref()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        Ok(GetObjectOutput {
            meta: ObjectMeta::from_headers(resp.headers),
            content_range: resp.headers.get("Content-Range").map(str::to_owned),
            request_id: resp.request_id(),
        })
    }
}
