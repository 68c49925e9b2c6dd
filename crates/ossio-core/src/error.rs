//! Error types: bad input caught before any network call, service errors OSS returns, and
//! responses that cannot be understood.

use std::borrow::Cow;
use std::fmt;

/// What kind of input was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValidationKind {
    /// An access point name breaks OSS's naming rules.
    AccessPointName,
    /// A bucket name breaks OSS's naming rules.
    BucketName,
    /// An object key is empty, too long or starts with `/` or `\`.
    ObjectKey,
    /// An ACL value is not one OSS knows.
    Acl,
    /// A network origin / VPC id combination is not allowed.
    NetworkOrigin,
    /// A header name or value cannot be sent or signed faithfully.
    Header,
    /// A presigned URL lifetime is out of range.
    Expires,
    /// The configuration (region, endpoint, product) is unusable.
    Config,
    /// Any other argument.
    Argument,
}

/// Input rejected before a request is built or sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// What kind of input was wrong.
    pub kind: ValidationKind,
    /// The field or parameter name.
    pub field: Cow<'static, str>,
    /// The offending value, when it is safe to show.
    pub value: Option<String>,
    /// Why it was rejected.
    pub reason: Cow<'static, str>,
    /// The operation whose input it was, when known (`CreateAccessPoint`).
    pub operation: Option<&'static str>,
}

impl ValidationError {
    /// A validation error of `kind`.
    pub fn new(
        kind: ValidationKind,
        field: impl Into<Cow<'static, str>>,
        value: Option<&str>,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        ValidationError {
            kind,
            field: field.into(),
            value: value.map(|v| truncate(v, 128)),
            reason: reason.into(),
            operation: None,
        }
    }

    /// The same error, naming the operation whose input it was.
    pub fn in_operation(mut self, operation: &'static str) -> Self {
        self.operation = Some(operation);
        self
    }

    /// A generic invalid argument.
    pub fn invalid(
        field: impl Into<Cow<'static, str>>,
        value: &str,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::new(ValidationKind::Argument, field, Some(value), reason)
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = self.operation {
            write!(f, "{op}: ")?;
        }
        match &self.value {
            Some(v) => write!(f, "invalid {} {:?}: {}", self.field, v, self.reason),
            None => write!(f, "invalid {}: {}", self.field, self.reason),
        }
    }
}

impl std::error::Error for ValidationError {}

/// An error response from OSS (any non-2xx status), with every field the body carried.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ServiceError {
    /// HTTP status.
    pub status: u16,
    /// OSS error code, e.g. `NoSuchBucket`; `BadErrorResponse` when the body was unreadable.
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Request id (`RequestId`, or the `x-oss-request-id` header).
    pub request_id: String,
    /// `HostId`.
    pub host_id: String,
    /// Fine-grained error code (`EC`, or the `x-oss-ec` header).
    pub ec: String,
    /// `RecommendDoc` URL.
    pub recommend_doc: String,
    /// Every other element of the error body (`ArgumentName`, `StringToSign`, ...), in order.
    pub details: Vec<(String, String)>,
}

impl ServiceError {
    /// The `<Error>` document as OSS writes it (the server side of every error response;
    /// [`crate::response::service_error`] reads it back).
    pub fn to_xml(&self) -> String {
        let mut w = crate::xml::Writer::new();
        w.start("Error");
        w.element("Code", &self.code);
        w.element("Message", &self.message);
        w.element("RequestId", &self.request_id);
        w.element("HostId", &self.host_id);
        for (k, v) in &self.details {
            w.element(k, v);
        }
        if !self.ec.is_empty() {
            w.element("EC", &self.ec);
        }
        if !self.recommend_doc.is_empty() {
            w.element("RecommendDoc", &self.recommend_doc);
        }
        w.end("Error");
        w.finish()
    }

    /// The value of an extra element such as `ArgumentName` or `StringToSign`.
    pub fn detail(&self, name: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

// `SignatureDoesNotMatch` echoes the string to sign (and its hex bytes), which carries the
// STS token of the request: mask it whenever the error is shown.
impl fmt::Debug for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let carries_token = self
            .details
            .iter()
            .any(|(_, v)| v.contains("security-token"));
        let details: Vec<(&str, String)> = self
            .details
            .iter()
            .map(|(k, v)| {
                let shown = if k == "StringToSignBytes" && carries_token {
                    "<redacted: carries an STS token>".to_owned()
                } else {
                    crate::credentials::redact_tokens(v)
                };
                (k.as_str(), shown)
            })
            .collect();
        f.debug_struct("ServiceError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("host_id", &self.host_id)
            .field("ec", &self.ec)
            .field("recommend_doc", &self.recommend_doc)
            .field("details", &details)
            .finish()
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if !self.request_id.is_empty() {
            write!(f, " (request id {}", self.request_id)?;
            if !self.ec.is_empty() {
                write!(f, ", ec {}", self.ec)?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

/// A successful response whose body could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// HTTP status of the response.
    pub status: u16,
    /// `x-oss-request-id` of the response, if any.
    pub request_id: Option<String>,
    /// What was wrong (names the missing or bad element).
    pub reason: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot parse the {} response: {}",
            self.status, self.reason
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// Any error the core produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Bad input, rejected before any request was built.
    Validation(ValidationError),
    /// OSS answered with an error.
    Service(Box<ServiceError>),
    /// OSS answered with success but the body made no sense.
    Parse(ParseError),
}

impl Error {
    /// The service error, if this is one.
    pub fn as_service(&self) -> Option<&ServiceError> {
        match self {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The validation error, if this is one.
    pub fn as_validation(&self) -> Option<&ValidationError> {
        match self {
            Error::Validation(e) => Some(e),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(e) => e.fmt(f),
            Error::Service(e) => e.fmt(f),
            Error::Parse(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Validation(e) => Some(e),
            Error::Service(e) => Some(e.as_ref()),
            Error::Parse(e) => Some(e),
        }
    }
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::Validation(e)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(Box::new(e))
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::Parse(e)
    }
}
