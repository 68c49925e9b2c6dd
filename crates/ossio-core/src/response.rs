//! Responses as the core sees them, and OSS error bodies turned into [`ServiceError`]s.

use crate::error::{Error, ParseError, ServiceError};
use crate::request::Headers;
use crate::xml;
use base64::Engine as _;

use crate::names::{
    X_OSS_EC as ERROR_EC, X_OSS_ERR as ERROR_HEADER, X_OSS_REQUEST_ID as REQUEST_ID,
};

/// A response: status, headers and the body bytes (empty for streamed bodies).
#[derive(Debug, Clone, Copy)]
pub struct Response<'a> {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: &'a Headers,
    /// Response body.
    pub body: &'a [u8],
}

impl<'a> Response<'a> {
    /// A response view.
    pub fn new(status: u16, headers: &'a Headers, body: &'a [u8]) -> Self {
        Response {
            status,
            headers,
            body,
        }
    }

    /// The `x-oss-request-id` header, or the empty string.
    pub fn request_id(&self) -> String {
        self.headers.get(REQUEST_ID).unwrap_or_default().to_owned()
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `Ok` for 2xx; the typed service error otherwise.
    pub fn check(&self) -> Result<(), Error> {
        if self.is_success() {
            Ok(())
        } else {
            Err(service_error(self).into())
        }
    }

    /// Parses a 2xx XML body into its root, after [`Response::check`].
    pub fn xml(&self) -> Result<xml::Element<'a>, Error> {
        self.check()?;
        xml::parse(self.body).map_err(|reason| self.parse_error(reason))
    }

    /// A [`ParseError`] for this response.
    pub fn parse_error(&self, reason: impl Into<String>) -> Error {
        Error::Parse(ParseError {
            status: self.status,
            request_id: self.headers.get(REQUEST_ID).map(str::to_owned),
            reason: reason.into(),
        })
    }
}

fn excerpt(body: &[u8]) -> String {
    let end = body.len().min(256);
    String::from_utf8_lossy(&body[..end]).trim().to_owned()
}

/// Turns any non-2xx response into a [`ServiceError`]; never fails. The body is read as OSS
/// error XML (or its JSON form); an empty body falls back to the `x-oss-err` header; an
/// unreadable body yields code `BadErrorResponse` with an excerpt of the body as message.
/// The status and request id are never lost.
pub fn service_error(resp: &Response<'_>) -> ServiceError {
    let mut err = ServiceError {
        status: resp.status,
        request_id: resp.request_id(),
        ec: resp.headers.get(ERROR_EC).unwrap_or_default().to_owned(),
        ..ServiceError::default()
    };
    let decoded;
    let mut body = resp.body;
    if body.iter().all(u8::is_ascii_whitespace) {
        if let Some(b64) = resp.headers.get(ERROR_HEADER) {
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64.trim()) {
                decoded = bytes;
                body = &decoded;
            }
        }
    }
    let filled = if body.iter().all(u8::is_ascii_whitespace) {
        false
    } else if body.trim_ascii_start().starts_with(b"{") {
        fill_from_json(&mut err, body)
    } else {
        match xml::parse(body) {
            Ok(root) if root.is("Error") => {
                fill_from_xml(&mut err, &root);
                true
            }
            _ => false,
        }
    };
    if !filled {
        err.code = if body.iter().all(u8::is_ascii_whitespace) {
            default_code(resp.status).to_owned()
        } else {
            "BadErrorResponse".to_owned()
        };
        if err.message.is_empty() {
            err.message = if body.is_empty() {
                format!("HTTP {} with no error body", resp.status)
            } else {
                format!("unreadable error body: {}", excerpt(body))
            };
        }
    }
    err
}

fn default_code(status: u16) -> &'static str {
    match status {
        304 => "NotModified",
        400 => "BadRequest",
        403 => "AccessDenied",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        416 => "InvalidRange",
        429 => "TooManyRequests",
        500 => "InternalError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "UnknownError",
    }
}

fn fill_from_xml(err: &mut ServiceError, root: &xml::Element) {
    for child in &root.children {
        let v = child.text.trim().to_owned();
        match &*child.name {
            "Code" => err.code = v,
            "Message" => err.message = v,
            "RequestId" => err.request_id = v,
            "HostId" => err.host_id = v,
            "EC" => err.ec = v,
            "RecommendDoc" => err.recommend_doc = v,
            _ => err.details.push((child.name.to_string(), v)),
        }
    }
}

/// `{"Error":{"Code":..,"Message":..}}`: newer APIs answer errors in JSON. A minimal reader
/// of flat string members keeps the core free of a JSON dependency.
fn fill_from_json(err: &mut ServiceError, body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let Some(start) = text.find("\"Error\"") else {
        return false;
    };
    let mut found = false;
    let mut rest = &text[start + 7..];
    while let Some(q) = rest.find('"') {
        rest = &rest[q + 1..];
        let Some(end) = rest.find('"') else { break };
        let name = &rest[..end];
        rest = &rest[end + 1..];
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix(':') else {
            continue;
        };
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('"') else {
            continue;
        };
        let Some(vend) = after.find('"') else { break };
        let value = after[..vend].to_owned();
        rest = &after[vend + 1..];
        found = true;
        match name {
            "Code" => err.code = value,
            "Message" => err.message = value,
            "RequestId" => err.request_id = value,
            "HostId" => err.host_id = value,
            "EC" => err.ec = value,
            "RecommendDoc" => err.recommend_doc = value,
            _ => err.details.push((name.to_owned(), value)),
        }
    }
    found && !err.code.is_empty()
}
