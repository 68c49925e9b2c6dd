//! Errors and panics crossing into JavaScript.
//!
//! Every error leaves as a JavaScript `Error` whose message is [`MARKER`] followed by a JSON
//! object; `index.js` turns it into an `OssError` with `.code`, `.status`, `.requestId`, ...

use ossio_core::{Error, ValidationError, ValidationKind};
use serde_json::{Map, Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Prefix of an encoded error message (recognised by `index.js`).
pub const MARKER: &str = "\u{1}ossio-error:";

/// The fields of an `OssError`, before encoding.
#[derive(Debug, Default)]
pub struct ErrorInfo {
    pub code: String,
    pub message: String,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub ec: Option<String>,
    pub host_id: Option<String>,
    pub recommend_doc: Option<String>,
    pub details: Vec<(String, String)>,
    pub field: Option<String>,
    pub value: Option<String>,
    pub operation: Option<String>,
    pub string_to_sign: Option<String>,
    pub retryable: bool,
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

impl ErrorInfo {
    /// An error with `code` and `message` only.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ErrorInfo {
            code: code.to_owned(),
            message: message.into(),
            ..ErrorInfo::default()
        }
    }

    /// An invalid argument of the binding itself (a wrong JavaScript type or shape).
    pub fn argument(field: &str, reason: impl std::fmt::Display) -> Self {
        ErrorInfo {
            field: Some(field.to_owned()),
            ..ErrorInfo::new("InvalidArgument", format!("invalid {field}: {reason}"))
        }
    }

    /// The JavaScript error carrying this information.
    pub fn into_napi(self) -> napi::Error {
        let mut o = Map::new();
        o.insert("code".into(), json!(self.code));
        o.insert("message".into(), json!(self.message));
        o.insert("status".into(), json!(self.status));
        o.insert("requestId".into(), json!(self.request_id));
        o.insert("ec".into(), json!(self.ec));
        o.insert("hostId".into(), json!(self.host_id));
        o.insert("recommendDoc".into(), json!(self.recommend_doc));
        let details: Map<String, Value> = self
            .details
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        o.insert("details".into(), Value::Object(details));
        o.insert("field".into(), json!(self.field));
        o.insert("value".into(), json!(self.value));
        o.insert("operation".into(), json!(self.operation));
        o.insert("stringToSign".into(), json!(self.string_to_sign));
        o.insert("retryable".into(), json!(self.retryable));
        napi::Error::from_reason(format!("{MARKER}{}", Value::Object(o)))
    }
}

/// The `.code` of a validation error: OSS's own code where OSS has one for the same mistake.
pub fn validation_code(kind: ValidationKind) -> &'static str {
    match kind {
        ValidationKind::AccessPointName => "InvalidAccessPointName",
        ValidationKind::BucketName => "InvalidBucketName",
        ValidationKind::ObjectKey => "InvalidObjectName",
        ValidationKind::Acl => "InvalidAcl",
        ValidationKind::NetworkOrigin => "InvalidNetworkOrigin",
        ValidationKind::Header => "InvalidHeader",
        ValidationKind::Expires => "InvalidExpires",
        ValidationKind::Config => "InvalidConfig",
        ValidationKind::Argument => "InvalidArgument",
    }
}

impl From<&ValidationError> for ErrorInfo {
    fn from(e: &ValidationError) -> Self {
        ErrorInfo {
            field: Some(e.field.to_string()),
            value: e.value.clone(),
            ..ErrorInfo::new(validation_code(e.kind), e.to_string())
        }
    }
}

impl From<&Error> for ErrorInfo {
    fn from(e: &Error) -> Self {
        match e {
            Error::Validation(v) => v.into(),
            Error::Service(s) => ErrorInfo {
                status: Some(s.status),
                request_id: non_empty(&s.request_id),
                ec: non_empty(&s.ec),
                host_id: non_empty(&s.host_id),
                recommend_doc: non_empty(&s.recommend_doc),
                details: s.details.clone(),
                ..ErrorInfo::new(&s.code, e.to_string())
            },
            Error::Parse(p) => ErrorInfo {
                status: Some(p.status),
                request_id: p.request_id.clone(),
                ..ErrorInfo::new("InvalidResponse", e.to_string())
            },
        }
    }
}

/// A core error as a JavaScript error.
pub fn core(e: Error) -> napi::Error {
    ErrorInfo::from(&e).into_napi()
}

/// A validation error as a JavaScript error.
pub fn validation(e: ValidationError) -> napi::Error {
    ErrorInfo::from(&e).into_napi()
}

/// Runs `f`, turning a panic into an `OssError` with code `InternalError`: a bug in ossio
/// must never take the Node process down.
pub fn guard<T>(f: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(
                ErrorInfo::new("InternalError", format!("internal error in ossio: {what}"))
                    .into_napi(),
            )
        }
    }
}
