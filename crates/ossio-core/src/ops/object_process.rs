//! Data processing that saves its result: ProcessObject (`POST /<key>?x-oss-process`) and
//! AsyncProcessObject (`POST /<key>?x-oss-async-process`). The processing instruction
//! travels as a form body, `x-oss-process=<instruction>` (as the official SDKs send it);
//! the answer is a small JSON document.

use super::decl::{BodyRef, FieldError, Oss, RawBody, Sink, TypeRef};
use super::dynamic::DynBody;
use crate::error::ValidationError;

macro_rules! form_body {
    ($(#[$m:meta])* $name:ident, $param:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
        pub struct $name(pub String);

        impl $name {
            /// The form parameter the instruction is sent as.
            pub const PARAMETER: &'static str = $param;

            /// The body as sent.
            pub fn form(&self) -> String {
                format!("{}={}", $param, self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl RawBody for $name {
            const TYPE: TypeRef = TypeRef::String;

            fn write_body(&self, s: &mut Sink<'_>, md5: bool, content_type: Option<&str>) {
                self.form().write_body(s, md5, content_type);
            }

            fn read_body(b: &BodyRef<'_>, field: &'static str) -> Result<Self, FieldError> {
                let form = String::read_body(b, field)?;
                let prefix = concat!($param, "=");
                match form.strip_prefix(prefix) {
                    Some(v) => Ok($name(v.to_owned())),
                    None if form.is_empty() => Ok($name(String::new())),
                    None => Err(FieldError::new(
                        field,
                        concat!("the body is not a ", $param, "=... form"),
                    )),
                }
            }

            fn check_present(&self, field: &'static str) -> Result<(), ValidationError> {
                self.0.check_present(field)
            }
        }

        impl DynBody for $name {
            fn body_dyn(&self) -> super::dynamic::Dyn {
                self.0.body_dyn()
            }
            fn body_from_dyn(
                v: &super::dynamic::Dyn,
                field: &'static str,
            ) -> Result<Self, FieldError> {
                String::body_from_dyn(v, field).map($name)
            }
        }
    };
}

form_body!(
    /// A processing instruction sent as `x-oss-process=<instruction>`, e.g.
    /// `image/resize,w_100|sys/saveas,o_<base64 key>,b_<base64 bucket>`.
    ProcessAction,
    "x-oss-process"
);

form_body!(
    /// An asynchronous processing instruction sent as `x-oss-async-process=<instruction>`,
    /// e.g. `video/convert,f_mp4|sys/saveas,o_<base64 key>/notify,topic_<base64 topic>`.
    AsyncProcessAction,
    "x-oss-async-process"
);

fn json_field(body: &str, name: &str) -> Option<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()?
        .get(name)
        .cloned()
}

fn json_text(body: &str, name: &str) -> Option<String> {
    json_field(body, name).map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

/// Processes an object (image, document, ...) and saves the result as another object.
///
/// ```
/// use ossio_core::ops::{Operation, ProcessObject};
/// let req = ProcessObject::new("examplebucket", "a.jpg", "image/resize,w_100")
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("x-oss-process"), Some(None));
/// assert_eq!(req.body.as_bytes().unwrap(), b"x-oss-process=image/resize,w_100");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ProcessObject", method = "POST", sub_resource = "x-oss-process", output = ProcessObjectOutput)]
pub struct ProcessObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// The source object's key.
    #[oss(key)]
    pub key: String,
    /// The instruction, with a `sys/saveas` step naming where the result goes.
    #[oss(body, required, md5)]
    pub process: ProcessAction,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl ProcessObject {
    /// Applies `process` to `bucket`/`key`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        process: impl Into<String>,
    ) -> Self {
        ProcessObject {
            bucket: bucket.into(),
            key: key.into(),
            process: ProcessAction(process.into()),
            request_payer: None,
        }
    }
}

/// The result of [`ProcessObject`]: OSS's JSON answer, with accessors for its fields.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ProcessObjectOutput {
    /// The JSON answer (`{"bucket": ..., "fileSize": ..., "object": ..., "status": ...}`).
    #[oss(body)]
    pub body: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl ProcessObjectOutput {
    /// The bucket the result was saved in.
    pub fn bucket(&self) -> Option<String> {
        json_text(&self.body, "bucket")
    }

    /// The result's size in bytes.
    pub fn file_size(&self) -> Option<u64> {
        json_field(&self.body, "fileSize").and_then(|v| v.as_u64())
    }

    /// The result's key.
    pub fn key(&self) -> Option<String> {
        json_text(&self.body, "object")
    }

    /// `OK` on success.
    pub fn process_status(&self) -> Option<String> {
        json_text(&self.body, "status")
    }
}

/// Starts an asynchronous processing task (video, document conversion, ...) that saves
/// its result as another object.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "AsyncProcessObject", method = "POST", sub_resource = "x-oss-async-process", output = AsyncProcessObjectOutput)]
pub struct AsyncProcessObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// The source object's key.
    #[oss(key)]
    pub key: String,
    /// The instruction.
    #[oss(body, required, md5)]
    pub process: AsyncProcessAction,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl AsyncProcessObject {
    /// Starts `process` on `bucket`/`key`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        process: impl Into<String>,
    ) -> Self {
        AsyncProcessObject {
            bucket: bucket.into(),
            key: key.into(),
            process: AsyncProcessAction(process.into()),
            request_payer: None,
        }
    }
}

/// The result of [`AsyncProcessObject`]: OSS's JSON answer, with accessors for its fields.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct AsyncProcessObjectOutput {
    /// The JSON answer (`{"EventId": ..., "RequestId": ..., "TaskId": ...}`).
    #[oss(body)]
    pub body: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl AsyncProcessObjectOutput {
    /// The event id.
    pub fn event_id(&self) -> Option<String> {
        json_text(&self.body, "EventId")
    }

    /// The task id.
    pub fn task_id(&self) -> Option<String> {
        json_text(&self.body, "TaskId")
    }

    /// The processing service's request id.
    pub fn process_request_id(&self) -> Option<String> {
        json_text(&self.body, "RequestId")
    }
}
