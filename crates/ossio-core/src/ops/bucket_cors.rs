//! Cross-origin resource sharing: PutBucketCors, GetBucketCors, DeleteBucketCors
//! (`/?cors` with a `CORSConfiguration` document) and OptionObject (the browser's preflight
//! `OPTIONS` request on an object, answered from those rules).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// An HTTP method a CORS rule allows.
    pub enum CorsMethod("CORS method") {
        /// `GET`
        Get = "GET",
        /// `PUT`
        Put = "PUT",
        /// `DELETE`
        Delete = "DELETE",
        /// `POST`
        Post = "POST",
        /// `HEAD`
        Head = "HEAD",
    }
}

/// An allowed origin: `*` alone, or an origin with at most one `*` wildcard.
fn validate_origin(origin: &str) -> Result<(), ValidationError> {
    if origin.trim().is_empty() {
        return Err(ValidationError::invalid(
            "allowed_origins",
            origin,
            "must not be empty",
        ));
    }
    if origin.matches('*').count() > 1 {
        return Err(ValidationError::invalid(
            "allowed_origins",
            origin,
            "may contain at most one `*` wildcard",
        ));
    }
    Ok(())
}

/// An allowed request header: at most one `*` wildcard.
fn validate_allowed_header(header: &str) -> Result<(), ValidationError> {
    if header.matches('*').count() > 1 {
        return Err(ValidationError::invalid(
            "allowed_headers",
            header,
            "may contain at most one `*` wildcard",
        ));
    }
    Ok(())
}

/// An exposed response header: no wildcard.
fn validate_expose_header(header: &str) -> Result<(), ValidationError> {
    if header.contains('*') {
        return Err(ValidationError::invalid(
            "expose_headers",
            header,
            "cannot contain the `*` wildcard",
        ));
    }
    Ok(())
}

/// One CORS rule: which origins may use which methods and headers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CorsRule {
    /// Origins allowed to make cross-origin requests (`*` for any; at most one `*` each).
    #[oss(xml = "AllowedOrigin", min = 1, validate = validate_origin)]
    pub allowed_origins: Vec<String>,
    /// Methods allowed (`GET`, `PUT`, `DELETE`, `POST`, `HEAD`).
    #[oss(xml = "AllowedMethod", min = 1)]
    pub allowed_methods: Vec<CorsMethod>,
    /// Headers a preflight may ask for in `Access-Control-Request-Headers` (at most one
    /// `*` each).
    #[oss(xml = "AllowedHeader", validate = validate_allowed_header)]
    pub allowed_headers: Vec<String>,
    /// Response headers the browser lets the page read (no wildcard).
    #[oss(xml = "ExposeHeader", validate = validate_expose_header)]
    pub expose_headers: Vec<String>,
    /// How long a browser may cache the preflight answer, in seconds.
    #[oss(xml = "MaxAgeSeconds")]
    pub max_age_seconds: Option<u64>,
}

/// The `CORSConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CORSConfiguration")]
pub struct CorsConfiguration {
    /// The rules (at most 10), tried in order; the first match answers.
    #[oss(xml = "CORSRule", max = 10)]
    pub cors_rules: Vec<CorsRule>,
    /// Whether OSS answers with `Vary: Origin`.
    #[oss(xml = "ResponseVary")]
    pub response_vary: Option<bool>,
}

/// Sets a bucket's CORS rules, replacing any it had.
///
/// ```
/// use ossio_core::ops::{CorsConfiguration, CorsMethod, CorsRule, Operation, PutBucketCors};
/// let rule = CorsRule {
///     allowed_origins: vec!["https://www.example.com".into()],
///     allowed_methods: vec![CorsMethod::Get, CorsMethod::Put],
///     max_age_seconds: Some(100),
///     ..CorsRule::default()
/// };
/// let req = PutBucketCors::new("examplebucket", [rule]).to_request().unwrap();
/// assert_eq!(req.query_value("cors"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<CORSConfiguration><CORSRule><AllowedOrigin>https://www.example.com</AllowedOrigin>\
///       <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>\
///       <MaxAgeSeconds>100</MaxAgeSeconds></CORSRule></CORSConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketCors", method = "PUT", sub_resource = "cors", output = EmptyOutput)]
pub struct PutBucketCors {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rules.
    #[oss(document, required)]
    pub cors_configuration: CorsConfiguration,
}

impl PutBucketCors {
    /// Sets `rules` on `bucket`.
    pub fn new(bucket: impl Into<String>, rules: impl IntoIterator<Item = CorsRule>) -> Self {
        PutBucketCors {
            bucket: bucket.into(),
            cors_configuration: CorsConfiguration {
                cors_rules: rules.into_iter().collect(),
                response_vary: None,
            },
        }
    }
}

/// Reads a bucket's CORS rules.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketCors", method = "GET", sub_resource = "cors", output = GetBucketCorsOutput)]
pub struct GetBucketCors {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketCors {
    /// The CORS rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketCors {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketCors`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketCorsOutput {
    /// The rules.
    #[oss(document)]
    pub cors_configuration: Option<CorsConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes every CORS rule of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketCors", method = "DELETE", sub_resource = "cors", output = EmptyOutput)]
pub struct DeleteBucketCors {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketCors {
    /// The CORS rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketCors {
            bucket: bucket.into(),
        }
    }
}

/// A CORS preflight: asks whether a cross-origin request on an object would be allowed
/// (`OPTIONS /<key>` with `Origin` and `Access-Control-Request-Method`).
///
/// ```
/// use ossio_core::{Method, ops::{OptionObject, Operation}};
/// let req = OptionObject::new("examplebucket", "index.html", "https://www.example.com", "PUT")
///     .to_request()
///     .unwrap();
/// assert_eq!(req.method, Method::Options);
/// assert_eq!(req.headers.get("Access-Control-Request-Method"), Some("PUT"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "OptionObject", method = "OPTIONS", output = OptionObjectOutput, check = Self::check_preflight)]
pub struct OptionObject {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The object key.
    #[oss(key)]
    pub key: String,
    /// The origin the real request would come from (required).
    #[oss(header = "Origin")]
    pub origin: Option<String>,
    /// The method the real request would use (required).
    #[oss(header = "Access-Control-Request-Method")]
    pub access_control_request_method: Option<String>,
    /// The headers the real request would send, comma-separated.
    #[oss(header = "Access-Control-Request-Headers")]
    pub access_control_request_headers: Option<String>,
}

impl OptionObject {
    /// A preflight for a `method` request on `key` of `bucket` from `origin`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        origin: impl Into<String>,
        method: impl Into<String>,
    ) -> Self {
        OptionObject {
            bucket: bucket.into(),
            key: key.into(),
            origin: Some(origin.into()),
            access_control_request_method: Some(method.into()),
            access_control_request_headers: None,
        }
    }

    // OSS answers a preflight without Origin or Access-Control-Request-Method with 403.
    fn check_preflight(&self) -> Result<(), ValidationError> {
        for (field, v) in [
            ("origin", &self.origin),
            (
                "access_control_request_method",
                &self.access_control_request_method,
            ),
        ] {
            if v.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(ValidationError::invalid(
                    field,
                    v.as_deref().unwrap_or(""),
                    "a CORS preflight needs it",
                ));
            }
        }
        Ok(())
    }

    /// The headers the real request would send.
    pub fn request_headers(mut self, headers: impl Into<String>) -> Self {
        self.access_control_request_headers = Some(headers.into());
        self
    }
}

/// The result of [`OptionObject`]: what the matching rule allows.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct OptionObjectOutput {
    /// The origin allowed.
    #[oss(header = "Access-Control-Allow-Origin")]
    pub access_control_allow_origin: Option<String>,
    /// The methods allowed.
    #[oss(header = "Access-Control-Allow-Methods")]
    pub access_control_allow_methods: Option<String>,
    /// The request headers allowed.
    #[oss(header = "Access-Control-Allow-Headers")]
    pub access_control_allow_headers: Option<String>,
    /// The response headers exposed.
    #[oss(header = "Access-Control-Expose-Headers")]
    pub access_control_expose_headers: Option<String>,
    /// How long the answer may be cached, in seconds.
    #[oss(header = "Access-Control-Max-Age")]
    pub access_control_max_age: Option<u64>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
