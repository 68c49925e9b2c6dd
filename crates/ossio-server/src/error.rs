//! OSS error responses: `<Error>` XML with OSS's codes, statuses and EC numbers.

use crate::http::{Response, ResponseBody};
use base64::Engine as _;
use ossio_core::names;

/// An error to answer with.
#[derive(Debug, Clone)]
pub(crate) struct OssError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub ec: &'static str,
    /// Extra elements (`BucketName`, `ArgumentName`, `StringToSign`, ...), in order.
    pub details: Vec<(String, String)>,
    /// Response headers the error carries (`x-oss-next-append-position`).
    pub headers: Vec<(String, String)>,
}

pub(crate) type Result<T> = std::result::Result<T, OssError>;

impl OssError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        OssError {
            status,
            code: code.to_owned(),
            message: message.into(),
            ec: "",
            details: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn ec(mut self, ec: &'static str) -> Self {
        self.ec = ec;
        self
    }

    pub fn detail(mut self, name: &str, value: impl Into<String>) -> Self {
        self.details.push((name.to_owned(), value.into()));
        self
    }

    pub fn no_such_bucket(bucket: &str) -> Self {
        OssError::new(404, "NoSuchBucket", "The specified bucket does not exist.")
            .ec("0015-00000101")
            .detail("BucketName", bucket)
    }

    pub fn no_such_key(key: &str) -> Self {
        OssError::new(404, "NoSuchKey", "The specified key does not exist.")
            .ec("0026-00000001")
            .detail("Key", key)
    }

    pub fn no_such_access_point(name: &str) -> Self {
        OssError::new(
            404,
            "NoSuchAccessPoint",
            "The specified access point does not exist.",
        )
        .detail("AccessPointName", name)
    }

    pub fn access_denied(message: &str) -> Self {
        OssError::new(403, "AccessDenied", message).ec("0003-00000001")
    }

    pub fn invalid_argument(message: &str, name: &str, value: &str) -> Self {
        OssError::new(400, "InvalidArgument", message)
            .ec("0017-00000001")
            .detail("ArgumentName", name)
            .detail("ArgumentValue", value)
    }

    pub fn malformed_xml(why: &str) -> Self {
        OssError::new(
            400,
            "MalformedXML",
            format!("The XML you provided was not well-formed or did not validate against our published schema: {why}"),
        )
        .ec("0031-00000001")
    }

    pub fn not_implemented(what: &str) -> Self {
        OssError::new(
            501,
            "NotImplemented",
            format!("{what} is not implemented by this server."),
        )
    }

    /// The `<Error>` document.
    pub fn to_xml(&self, request_id: &str, host_id: &str) -> String {
        let doc = ossio_core::ServiceError {
            status: self.status,
            code: self.code.to_string(),
            message: self.message.clone(),
            request_id: request_id.to_owned(),
            host_id: host_id.to_owned(),
            ec: self.ec.to_owned(),
            recommend_doc: if self.ec.is_empty() {
                String::new()
            } else {
                format!("https://api.aliyun.com/troubleshoot?q={}", self.ec)
            },
            details: self.details.clone(),
        }
        .to_xml();
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doc}")
    }

    /// The response; for HEAD the document travels base64-encoded in `x-oss-err`.
    pub fn to_response(&self, request_id: &str, host_id: &str, is_head: bool) -> Response {
        let doc = self.to_xml(request_id, host_id);
        let mut resp =
            Response::new(self.status).header(names::CONTENT_TYPE, names::APPLICATION_XML);
        if !self.ec.is_empty() {
            resp.set_header(names::X_OSS_EC, self.ec);
        }
        for (k, v) in &self.headers {
            resp.set_header(k, v.clone());
        }
        if is_head {
            resp.set_header(
                names::X_OSS_ERR,
                base64::engine::general_purpose::STANDARD.encode(doc.as_bytes()),
            );
            resp.head_length = Some(0);
            resp
        } else {
            resp.body(ResponseBody::Bytes(doc.into_bytes()))
        }
    }
}
