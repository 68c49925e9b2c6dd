//! The request value every operation builds and every signer reads.

use crate::error::ValidationError;
use crate::validate;
use std::borrow::Cow;
use std::fmt;

/// An HTTP method OSS accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `PUT`
    Put,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
    /// `HEAD`
    Head,
    /// `OPTIONS` (a CORS preflight)
    Options,
}

impl Method {
    /// The upper-case verb.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }
}

impl std::str::FromStr for Method {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "PUT" => Method::Put,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            "HEAD" => Method::Head,
            "OPTIONS" => Method::Options,
            _ => {
                return Err(ValidationError::invalid(
                    "method",
                    s,
                    "must be GET, PUT, POST, DELETE, HEAD or OPTIONS",
                ));
            }
        })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Headers whose values are credentials and are redacted in `Debug`.
const REDACTED: [&str; 2] = ["x-oss-security-token", "security-token"];

/// An ordered list of headers with case-insensitive lookup; names keep the case they were
/// given.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Headers {
    entries: Vec<(String, String)>,
}

impl Headers {
    /// An empty header list.
    pub fn new() -> Self {
        Headers::default()
    }

    /// The first value of `name`, compared case-insensitively.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets `name` to `value`, replacing every earlier value.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        self.remove(&name);
        self.entries.push((name, value.into()));
    }

    /// Adds a value for `name`, keeping earlier ones.
    pub fn append(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.entries.push((name.into(), value.into()));
    }

    /// Removes every value of `name`.
    pub fn remove(&mut self, name: &str) {
        self.entries.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }

    /// All (name, value) pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (k, v) in &self.entries {
            if REDACTED.iter().any(|r| k.eq_ignore_ascii_case(r)) {
                m.entry(k, &"***");
            } else {
                m.entry(k, v);
            }
        }
        m.finish()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Headers {
    fn from_iter<T: IntoIterator<Item = (K, V)>>(iter: T) -> Self {
        Headers {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

/// A request body.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// The whole body in memory.
    Bytes(Vec<u8>),
    /// A body of a declared length that the caller streams itself.
    Stream {
        /// Number of bytes the caller will send.
        length: u64,
    },
}

impl Body {
    /// The body length in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Body::Empty => 0,
            Body::Bytes(b) => b.len() as u64,
            Body::Stream { length } => *length,
        }
    }

    /// Whether the body has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes, when they are in memory.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Empty => Some(&[]),
            Body::Bytes(b) => Some(b),
            Body::Stream { .. } => None,
        }
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
            Body::Stream { length } => write!(f, "Stream({length} bytes)"),
        }
    }
}

/// A logical OSS request: the bucket and key are kept apart from the URL so the addressing
/// style can never change what is signed.
///
/// ```
/// use ossio_core::{Method, Request};
/// let req = Request::new(Method::Put)
///     .bucket("examplebucket")
///     .query_flag("acl")
///     .header("x-oss-acl", "public-read");
/// assert_eq!(req.query_value("acl"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// HTTP method.
    pub method: Method,
    /// Bucket name or access point alias; `None` for service-level requests.
    pub bucket: Option<String>,
    /// Raw (unencoded) object key; `None` for bucket- and service-level requests.
    pub key: Option<String>,
    /// Decoded query parameters in order; `None` is a parameter without a value (`?acl`).
    pub query: Vec<(String, Option<String>)>,
    /// Headers to send.
    pub headers: Headers,
    /// The body.
    pub body: Body,
    /// Query parameter names the operation declares as V1 sub-resources (signed in the V1
    /// canonical resource beyond the built-in list).
    pub sub_resources: Vec<Cow<'static, str>>,
}

impl Request {
    /// An empty request with `method`.
    pub fn new(method: Method) -> Self {
        Request {
            method,
            bucket: None,
            key: None,
            query: Vec::new(),
            headers: Headers::new(),
            body: Body::Empty,
            sub_resources: Vec::new(),
        }
    }

    /// Sets the bucket (or access point alias).
    pub fn bucket(mut self, bucket: impl Into<String>) -> Self {
        self.bucket = Some(bucket.into());
        self
    }

    /// Sets the object key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Adds a query parameter with a value.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), Some(value.into())));
        self
    }

    /// Adds a query parameter with a value when `value` is `Some`.
    pub fn query_opt(self, name: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Adds a valueless query parameter such as `acl`.
    pub fn query_flag(mut self, name: impl Into<String>) -> Self {
        self.query.push((name.into(), None));
        self
    }

    /// Sets a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name, value);
        self
    }

    /// Sets a header when `value` is `Some`.
    pub fn header_opt(self, name: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.header(name, v),
            None => self,
        }
    }

    /// Sets the body.
    pub fn body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }

    /// Declares a V1 sub-resource.
    pub fn sub_resource(mut self, name: &'static str) -> Self {
        self.sub_resources.push(Cow::Borrowed(name));
        self
    }

    /// Declares as V1 sub-resources every query parameter that some OSS operation signs
    /// (see [`crate::signer::v1::OPERATION_SUB_RESOURCES`]): what a generic request built by
    /// hand needs to be signed as the server expects.
    pub fn with_known_sub_resources(mut self) -> Self {
        for (name, _) in &self.query {
            if let Some(known) = crate::signer::v1::OPERATION_SUB_RESOURCES
                .iter()
                .find(|k| **k == name.as_str())
            {
                if !self.sub_resources.iter().any(|s| s == known) {
                    self.sub_resources.push(Cow::Borrowed(known));
                }
            }
        }
        self
    }

    /// The value of query parameter `name`: `None` if absent, `Some(None)` if valueless.
    pub fn query_value(&self, name: &str) -> Option<Option<&str>> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref())
    }

    /// Checks the bucket name, object key, header names and values: what must hold before
    /// a request may be signed or sent.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if let Some(b) = &self.bucket {
            validate::bucket_name(b)?;
        }
        if let Some(k) = &self.key {
            if self.bucket.is_none() {
                return Err(ValidationError::invalid(
                    "key",
                    k,
                    "an object key needs a bucket",
                ));
            }
            validate::object_key(k)?;
        }
        for (name, value) in self.headers.iter() {
            validate::header(name, value)?;
        }
        Ok(())
    }
}
