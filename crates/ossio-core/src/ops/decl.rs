//! The declaration mechanism: an operation is one struct with `#[derive(Oss)]`, and this
//! module is the one generic marshaller that every declaration drives (the role Go v2's
//! `marshalInput` / `unmarshalOutput` play for its `input:"..."` / `output:"..."` tags).
//!
//! ```
//! use ossio_core::ops::decl::{Declared, Fields, Location};
//! use ossio_core::ops::{GetBucketAcl, Operation};
//!
//! let op = GetBucketAcl::new("examplebucket");
//! let req = op.to_request()?;                         // built from the declaration
//! assert_eq!(GetBucketAcl::from_request(&req)?, op);  // and read back (the server side)
//! assert!(GetBucketAcl::from_request(&req)?.validate().is_ok());
//! let schema = GetBucketAcl::OP;
//! assert_eq!((schema.snake, schema.kebab), ("get_bucket_acl", "get-bucket-acl"));
//! assert!(matches!(GetBucketAcl::SCHEMA.fields[0].location, Location::Bucket));
//! # Ok::<(), ossio_core::Error>(())
//! ```
//!
//! # Attributes
//!
//! On the struct:
//!
//! | attribute | meaning |
//! |---|---|
//! | `op = "GetBucketCors"` | this struct is an operation's input, with that API name |
//! | `method = "PUT"` | its HTTP method |
//! | `sub_resource = "acl"` | a valueless query parameter that names the operation (repeatable) |
//! | `fixed_query = "list-type=2"` | a constant query parameter (repeatable) |
//! | `output = Type` | the output struct (itself `#[derive(Oss)]`) |
//! | `xml = "Root"` | the XML document the struct's `xml` fields live in |
//! | `check = path` | a cross-field rule, `fn(&Self) -> Result<(), ValidationError>`, run after the field rules |
//! | `manual` | the `Operation` impl is written by hand (it still calls the declared parts) |
//! | `url_encoding = "EncodingType"` | the element that says keys in the document are URL-encoded |
//! | `body_optional` | an empty response body is an empty document, not an error |
//! | `custom_xml` | no generated `to_xml` / `from_xml` methods (the struct has its own) |
//!
//! On each field, exactly one location:
//!
//! | attribute | where the field travels |
//! |---|---|
//! | `bucket` | the bucket (host) |
//! | `key` | the object key (path) |
//! | `query = "max-keys"` | a query parameter |
//! | `header = "x-oss-acl"` | a header (in a response: read from it) |
//! | `header_prefix = "x-oss-meta-"` | every header with that prefix, as (name, value) pairs |
//! | `xml = "Owner>ID"` | an element of the struct's document, by path (`>` separates levels, as in Go v2) |
//! | `body` | the whole body (a `String` document or a streamed [`Body`]) |
//! | `document` | the whole body as the XML document of a declared struct (its `xml` root), as `alibabacloud-oss-v2` nests a configuration (`cors_configuration`) |
//! | `status` | the response status |
//! | `flatten` | the fields of another declared struct, inline |
//! | `copy_source = "bucket"` | a part (`bucket`, `key`, `version_id`) of the `x-oss-copy-source` header, `/<bucket>/<url-encoded key>[?versionId=<id>]`; the bucket defaults to the request's |
//!
//! and any of: `empty_none` (an empty element, or a valueless query parameter, reads as `None`, not `Some("")`), `each` (a list at `A>B` whose items each have their own `A`), `rename = "access_point_name"` (the field's name in the registry, as
//! `alibabacloud-oss-v2` names it, when the Rust name differs), `required` (must be present;
//! for strings, non-blank), `validate = path` (a rule, `fn(&T) -> Result<(), ValidationError>`,
//! repeatable), `min = N` / `max = N` (a number's range, or a list's length), `when_true = "url"`
//! (a `bool` sent as that query value when true, absent when false), `default_true` (a `bool`
//! that a plain value leaving it out sets, as the constructor does), `url_encoded` (decoded
//! when the document says `encoding-type=url`), `md5` and `content_type = "..."` (for `body`).

use crate::acl::{Acl, ObjectAcl};
use crate::error::{Error, ValidationError, ValidationKind};
use crate::names;
use crate::request::{Body, Headers, Method, Request};
use crate::response::Response;
use crate::xml::{self, Element, Writer};
use std::borrow::Cow;
use std::fmt;

pub use ossio_macros::Oss;

/// Where a field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The bucket (virtual host or first path segment).
    Bucket,
    /// The object key.
    Key,
    /// A query parameter of this name.
    Query(&'static str),
    /// A header of this name.
    Header(&'static str),
    /// Every header with this prefix; the field is a map of the rest of the name to the value.
    HeaderPrefix(&'static str),
    /// An element of the struct's XML document, by path (`A>B`).
    Xml(&'static str),
    /// The whole body.
    Body,
    /// The whole body, as the XML document of a nested declared struct.
    Document,
    /// The response status.
    Status,
    /// The fields of a nested struct, inline.
    Flatten,
    /// A part of the `x-oss-copy-source` header: `bucket`, `key` or `version_id`.
    CopySource(&'static str),
}

/// The header a [`Location::CopySource`] field travels in.
pub const COPY_SOURCE: &str = "x-oss-copy-source";

/// An enumeration's wire values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumSchema {
    /// The Rust type name.
    pub name: &'static str,
    /// Every accepted wire value.
    pub values: &'static [&'static str],
}

/// A field's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeRef {
    /// Text.
    String,
    /// `true` / `false`.
    Bool,
    /// An unsigned 16-bit number.
    U16,
    /// An unsigned 32-bit number.
    U32,
    /// An unsigned 64-bit number.
    U64,
    /// A byte range, `bytes=<first>-[<last>]` on the wire.
    ByteRange,
    /// Name/value pairs (user metadata).
    Map,
    /// A request or response body: bytes, or a stream of declared length.
    Body,
    /// One of a fixed set of values.
    Enum(&'static EnumSchema),
    /// A nested declared struct.
    Struct(&'static StructSchema),
    /// A list of values.
    List(&'static TypeRef),
}

/// One field of a declared struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSchema {
    /// The name bindings use: `alibabacloud-oss-v2`'s snake_case name for the same field.
    pub name: &'static str,
    /// The Rust field name.
    pub rust_name: &'static str,
    /// The doc text.
    pub doc: &'static str,
    /// The type (of one element, for `optional` fields).
    pub ty: TypeRef,
    /// Whether the field may be absent (`Option`).
    pub optional: bool,
    /// Whether the declaration requires it (present; for strings non-blank).
    pub required: bool,
    /// Where it travels.
    pub location: Location,
    /// Whether its text is URL-decoded when the document says `EncodingType` is `url`.
    pub url_encoded: bool,
    /// For a `bool` query flag: the value sent when true.
    pub when_true: Option<&'static str>,
    /// For a list at `A>B`: each item has its own `A` (`<A><B>1</B></A><A><B>2</B></A>`).
    pub each: bool,
    /// Whether an empty element reads as absent (OSS writes `<VpcId></VpcId>` for none).
    pub empty_none: bool,
}

/// A declared struct: an operation's input or output, or a nested document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructSchema {
    /// The Rust type name.
    pub name: &'static str,
    /// The doc text.
    pub doc: &'static str,
    /// The root element of its XML document, if it has one.
    pub xml: Option<&'static str>,
    /// The element that says the document's keys are URL-encoded.
    pub url_encoding: Option<&'static str>,
    /// Whether an empty response body is accepted as an empty document.
    pub body_optional: bool,
    /// The fields in declaration order.
    pub fields: &'static [FieldSchema],
}

impl StructSchema {
    /// The field named `name` (binding name or Rust name).
    pub fn field(&self, name: &str) -> Option<&'static FieldSchema> {
        self.fields
            .iter()
            .find(|f| f.name == name || f.rust_name == name)
    }
}

/// One operation in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpSchema {
    /// The API name, e.g. `GetBucketCors`.
    pub name: &'static str,
    /// `get_bucket_cors`.
    pub snake: &'static str,
    /// `getBucketCors`.
    pub camel: &'static str,
    /// `get-bucket-cors`.
    pub kebab: &'static str,
    /// The doc text.
    pub doc: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The valueless query parameters that name the operation.
    pub sub_resources: &'static [&'static str],
    /// Constant query parameters.
    pub fixed_query: &'static [(&'static str, &'static str)],
    /// The input.
    pub input: &'static StructSchema,
    /// The output.
    pub output: &'static StructSchema,
}

impl OpSchema {
    /// Whether `name` is any spelling of this operation (API, snake, camel or kebab).
    pub fn is_named(&self, name: &str) -> bool {
        [self.name, self.snake, self.camel, self.kebab].contains(&name)
    }

    /// The input field carried in query parameter `name`, if any.
    pub fn query_field(&self, name: &str) -> Option<&'static FieldSchema> {
        fn find(s: &'static StructSchema, name: &str) -> Option<&'static FieldSchema> {
            s.fields.iter().find_map(|f| match (f.location, f.ty) {
                (Location::Query(q), _) if q == name => Some(f),
                (Location::Flatten, TypeRef::Struct(inner)) => find(inner, name),
                _ => None,
            })
        }
        find(self.input, name)
    }

    /// Whether every header and query parameter the input requires is in `req`: what tells
    /// GetAccessPoint (`x-oss-access-point-name`) from ListAccessPoints on the same path.
    pub fn has_required_fields(&self, req: &Request) -> bool {
        self.input.fields.iter().all(|f| match f.location {
            _ if f.optional || f.when_true.is_some() => true,
            Location::Header(h) => req.headers.contains(h),
            Location::Query(q) => req.query_value(q).is_some(),
            Location::CopySource(_) => req.headers.contains(COPY_SOURCE),
            _ => true,
        })
    }

    /// Whether `req` is a request for this operation: the method, the level (service,
    /// bucket, object: from the input's bucket and key fields), exactly the declared
    /// sub-resources among the query's (see [`crate::subresources`]) and, for an operation
    /// no sub-resource names, the fixed query values. Other query parameters refine an
    /// operation and never change it.
    pub fn matches(&self, req: &Request) -> bool {
        let field = |l: Location| self.input.fields.iter().find(|f| f.location == l);
        let level_ok = |given: bool, l: Location| match field(l) {
            None => !given,
            Some(f) => given || f.optional,
        };
        let is_sub = |k: &str| crate::subresources::is_sub_resource(k);
        // A sub-resource with a value is the operation's when it is a constant of the
        // declaration (`comp=add`) or one of its query fields (`wormId=<id>`).
        let declared_query = |k: &str| {
            self.fixed_query.iter().any(|(n, _)| *n == k)
                || self
                    .input
                    .fields
                    .iter()
                    .any(|f| matches!(f.location, Location::Query(q) if q == k))
        };
        req.method == self.method
            && level_ok(req.bucket.is_some(), Location::Bucket)
            && level_ok(req.key.is_some(), Location::Key)
            && req
                .query
                .iter()
                .filter(|(k, _)| is_sub(k))
                .all(|(k, _)| self.sub_resources.contains(&k.as_str()) || declared_query(k))
            // A sub-resource is sent bare: with a value it is another operation's field
            // (`?x-oss-process` is ProcessObject, `?x-oss-process=csv/select` SelectObject),
            // unless it is also this operation's own field (`?tagging=k1,k2`).
            && self.sub_resources.iter().all(|s| match req.query_value(s) {
                None => false,
                Some(None | Some("")) => true,
                Some(Some(_)) => self.query_field(s).is_some(),
            })
            // A required query field that is itself a sub-resource names the operation
            // (`POST /?wormId=<id>` is CompleteBucketWorm).
            && self.input.fields.iter().all(|f| match f.location {
                Location::Query(q) if is_sub(q) && !f.optional => req.query_value(q).is_some(),
                _ => true,
            })
            // A required query value of a closed set names the operation among those on
            // the same path (`csv/select` is SelectObject, `csv/meta` CreateSelectObjectMeta).
            && self.input.fields.iter().all(|f| match (f.location, f.ty) {
                (Location::Query(q), TypeRef::Enum(e)) if !f.optional => req
                    .query_value(q)
                    .flatten()
                    .is_some_and(|v| e.values.contains(&v)),
                _ => true,
            })
            // Constant parameters name an operation when no sub-resource does
            // (`list-type=2`), or when they are sub-resources themselves (`comp=add` tells
            // PutCname from DeleteCname); others, with a sub-resource, are what the SDK sends
            // and may be left out (`?delete` without `encoding-type=url`).
            && self.fixed_query.iter().all(|(k, v)| {
                (!self.sub_resources.is_empty() && !is_sub(k))
                    || req.query_value(k) == Some(Some(v))
            })
    }
}

/// A field that could not be read from a request, a response or a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's registry name.
    pub field: &'static str,
    /// What was wrong.
    pub reason: String,
    /// The typed error when a value was refused by its type (an unknown ACL, ...).
    pub validation: Option<Box<ValidationError>>,
}

impl FieldError {
    pub(crate) fn new(field: &'static str, reason: impl Into<String>) -> Self {
        FieldError {
            field,
            reason: reason.into(),
            validation: None,
        }
    }

    /// As the error a server answers a bad request with.
    pub fn into_validation(self) -> ValidationError {
        self.validation.map(|v| *v).unwrap_or_else(|| {
            ValidationError::new(ValidationKind::Argument, self.field, None, self.reason)
        })
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// The context of an XML value: whether the document URL-encodes, and whether this field is
/// one of those encoded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cx {
    /// The document says `EncodingType` is `url`.
    pub url: bool,
    /// This field is URL-encoded in such a document.
    pub encoded: bool,
}

/// A text value: what a query parameter, a header or a leaf element carries.
pub trait Scalar: Sized {
    /// Its type in the registry.
    const TYPE: TypeRef;
    /// The wire text.
    fn to_text(&self) -> Cow<'_, str>;
    /// Reads the wire text.
    fn from_text(s: &str) -> Result<Self, ValidationError>;
    /// What an empty optional element means: absent, except for text.
    fn from_empty() -> Option<Self> {
        None
    }
}

/// A value an XML element carries: a [`Scalar`], or a declared struct.
pub trait Value: Sized {
    /// Its type in the registry.
    const TYPE: TypeRef;
    /// Writes `<name>...</name>`.
    fn write_xml(&self, w: &mut Writer, name: &str, cx: Cx);
    /// Reads an element.
    fn read_xml(e: &Element<'_>, cx: Cx) -> Result<Self, String>;
    /// Reads an element of an optional field.
    fn read_opt(e: &Element<'_>, cx: Cx) -> Result<Option<Self>, String> {
        Self::read_xml(e, cx).map(Some)
    }
    /// The rules of a nested struct.
    fn validate_value(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl<T: Scalar> Value for T {
    const TYPE: TypeRef = <T as Scalar>::TYPE;

    fn write_xml(&self, w: &mut Writer, name: &str, cx: Cx) {
        let text = self.to_text();
        if cx.url && cx.encoded {
            w.element(name, &crate::encoding::encode_component(&text));
        } else {
            w.element(name, &text);
        }
    }

    fn read_xml(e: &Element<'_>, cx: Cx) -> Result<Self, String> {
        let decoded;
        let text = if cx.url && cx.encoded {
            decoded = crate::encoding::decode(&e.text, true)
                .map_err(|_| format!("bad URL encoding in <{}>: {:?}", e.name, e.text))?;
            decoded.as_str()
        } else {
            e.text.as_ref()
        };
        T::from_text(text).map_err(|err| format!("<{}> {:?}: {}", e.name, text, err.reason))
    }

    fn read_opt(e: &Element<'_>, cx: Cx) -> Result<Option<Self>, String> {
        if e.text.is_empty() && e.children.is_empty() {
            return Ok(T::from_empty());
        }
        Self::read_xml(e, cx).map(Some)
    }
}

/// A declared struct: what `#[derive(Oss)]` implements.
pub trait Fields: Sized {
    /// The struct's schema.
    const SCHEMA: StructSchema;
    /// Checks the declared rules, field by field, then the struct's own rule.
    fn validate(&self) -> Result<(), ValidationError>;
    /// Writes every field to its location.
    fn write(&self, s: &mut Sink<'_>);
    /// Reads every field from its location.
    fn read(src: &Source<'_>) -> Result<Self, FieldError>;
    /// Whether the document is to be written URL-encoded.
    fn url_encoded(&self) -> bool {
        false
    }

    /// Reads a response (after turning an error status into the typed service error).
    fn from_response(resp: &Response<'_>) -> Result<Self, Error> {
        parse_response(resp)
    }

    /// The response that carries this value (the server side of an output).
    fn to_response(&self) -> ResponseParts {
        build_response(self)
    }
}

/// A declared operation input.
pub trait Declared: Fields {
    /// The output.
    type Out: Fields;
    /// The registry entry.
    const OP: OpSchema;

    /// Validates and builds the request from the declaration.
    fn declared_request(&self) -> Result<Request, Error> {
        build_request(self)
    }

    /// Reads the input back from a request: the inverse of [`Declared::declared_request`],
    /// for the server. The rules are not checked here: a server answers a request it cannot
    /// read (`MalformedXML`) apart from a readable one that breaks a rule
    /// (`InvalidArgument`), which [`Fields::validate`] finds.
    fn from_request(req: &Request) -> Result<Self, ValidationError> {
        read_request(req)
    }
}

/// The parts of a request or response the fields write.
#[derive(Debug, Default)]
pub struct Wire {
    /// The bucket.
    pub bucket: Option<String>,
    /// The key.
    pub key: Option<String>,
    /// Query parameters in order.
    pub query: Vec<(String, Option<String>)>,
    /// Headers in order.
    pub headers: Headers,
    /// The status (responses).
    pub status: Option<u16>,
    /// A raw body.
    pub body: Option<Body>,
    /// The parts of `x-oss-copy-source`: bucket, key, version id.
    pub copy_source: [Option<String>; 3],
}

/// Where fields are written: the wire parts and the XML document, with the elements of
/// nested paths opened and closed as consecutive fields need them.
pub struct Sink<'w> {
    /// The wire parts.
    pub wire: Wire,
    w: &'w mut Writer,
    open: Vec<&'static str>,
    wrote: bool,
    url: bool,
}

impl<'w> Sink<'w> {
    /// A sink writing XML into `w`; `url` URL-encodes the encoded fields.
    pub fn new(w: &'w mut Writer, url: bool) -> Self {
        Sink {
            wire: Wire::default(),
            w,
            open: Vec::new(),
            wrote: false,
            url,
        }
    }

    /// Adds a query parameter.
    pub fn query(&mut self, name: &str, value: &str) {
        self.wire
            .query
            .push((name.to_owned(), Some(value.to_owned())));
    }

    /// Sets a header.
    pub fn header(&mut self, name: &str, value: &str) {
        self.wire.headers.insert(name, value);
    }

    /// The context for a field.
    pub fn cx(&self, encoded: bool) -> Cx {
        Cx {
            url: self.url,
            encoded,
        }
    }

    /// The writer, positioned inside `parents`.
    pub fn xml_at(&mut self, parents: &[&'static str]) -> &mut Writer {
        let common = self
            .open
            .iter()
            .zip(parents)
            .take_while(|(a, b)| a == b)
            .count();
        while self.open.len() > common {
            let name = self.open.pop().unwrap_or_default();
            self.w.end(name);
        }
        for p in &parents[common..] {
            self.w.start(p);
            self.open.push(p);
        }
        self.wrote = true;
        self.w
    }

    /// Closes what is open; the wire parts, and whether any element was written.
    pub fn finish(mut self) -> (Wire, bool) {
        while let Some(name) = self.open.pop() {
            self.w.end(name);
        }
        (self.wire, self.wrote)
    }
}

/// A body as a request or a response holds it.
#[derive(Debug, Clone, Copy)]
pub enum BodyRef<'a> {
    /// Response bytes.
    Bytes(&'a [u8]),
    /// A request body.
    Body(&'a Body),
}

/// Where fields are read from: a request, a response, or one element of a document.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The bucket.
    pub bucket: Option<&'a str>,
    /// The key.
    pub key: Option<&'a str>,
    /// Query parameters.
    pub query: &'a [(String, Option<String>)],
    /// Headers.
    pub headers: &'a Headers,
    /// The status.
    pub status: u16,
    /// The body.
    pub body: BodyRef<'a>,
    /// The document element the `xml` paths start from.
    pub xml: Option<&'a Element<'a>>,
    /// Whether the document URL-encodes its keys.
    pub url: bool,
}

static NO_HEADERS: std::sync::LazyLock<Headers> = std::sync::LazyLock::new(Headers::new);

impl<'a> Source<'a> {
    /// One element of a document, and nothing else.
    pub fn element(e: &'a Element<'a>, url: bool) -> Self {
        Source {
            bucket: None,
            key: None,
            query: &[],
            headers: &NO_HEADERS,
            status: 0,
            body: BodyRef::Bytes(&[]),
            xml: Some(e),
            url,
        }
    }

    /// The value of query parameter `name` (`""` when it has none).
    pub fn query_value(&self, name: &str) -> Option<&'a str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// The first value given to query parameter `name`: a bare `?name` gives none (it is
    /// the sub-resource flag when an operation's field shares the flag's name, as
    /// DeleteBucketTags's `?tagging=k1,k2` does).
    pub fn query_given(&self, name: &str) -> Option<&'a str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .find_map(|(_, v)| v.as_deref())
    }

    /// Every value of query parameter `name`.
    pub fn query_values<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'a str> + 's {
        self.query
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }
}

/// A response as the server side writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseParts {
    /// The status.
    pub status: u16,
    /// The headers.
    pub headers: Headers,
    /// The body.
    pub body: Vec<u8>,
}

impl ResponseParts {
    /// A view to parse.
    pub fn as_response(&self) -> Response<'_> {
        Response::new(self.status, &self.headers, &self.body)
    }
}

// ---- the generic marshaller ------------------------------------------------------------

/// Validates `op` and builds its request.
pub fn build_request<T: Declared>(op: &T) -> Result<Request, Error> {
    op.validate()?;
    let mut w = Writer::new();
    let root = T::SCHEMA.xml;
    if let Some(r) = root {
        w.start(r);
    }
    let mut s = Sink::new(&mut w, false);
    op.write(&mut s);
    let (wire, wrote) = s.finish();
    let mut req = Request::new(T::OP.method);
    req.bucket = wire.bucket;
    req.key = wire.key;
    for sub in T::OP.sub_resources {
        req = req.query_flag(*sub);
        // Built-in sub-resources are signed anyway; declaring them again changes nothing.
        if !crate::signer::v1::BUILTIN_SUB_RESOURCES.contains(sub)
            && !crate::signer::v1::UNSIGNED_SUB_RESOURCES.contains(sub)
        {
            req = req.sub_resource(sub);
        }
    }
    for (k, v) in T::OP.fixed_query {
        req = req.query(*k, *v);
        // A constant that is itself a sub-resource (`comp=query`) is signed as one.
        if crate::subresources::is_sub_resource(k)
            && !crate::signer::v1::BUILTIN_SUB_RESOURCES.contains(k)
        {
            req = req.sub_resource(k);
        }
    }
    // A sub-resource that carries a value (`uploadId=...`) is sent once, by its field.
    req.query
        .retain(|(k, v)| v.is_some() || !wire.query.iter().any(|(q, _)| q == k));
    req.query.extend(wire.query);
    // Constants and fields that some operation signs as sub-resources (`comp=add`,
    // `inventoryId=<id>`, `wormId=<id>`), as the SDKs declare them.
    req = req.with_known_sub_resources();
    req.headers = wire.headers;
    if let Some(h) = copy_source_header(&wire.copy_source, req.bucket.as_deref()) {
        req.headers.insert(COPY_SOURCE, h);
    }
    // An input whose document would be empty sends no body (PutBucket with defaults).
    if let (Some(r), true) = (root, wrote) {
        w.end(r);
        req = super::with_xml_body(req, w.finish());
    }
    if let Some(b) = wire.body {
        req.body = b;
    }
    Ok(req)
}

fn is_blank(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_whitespace)
}

fn check_root(e: &Element<'_>, root: &str) -> Result<(), String> {
    if e.is(root) {
        Ok(())
    } else {
        Err(format!("expected <{root}>, found <{}>", e.name))
    }
}

/// Reads an input back from its request (without checking its rules).
pub fn read_request<T: Declared>(req: &Request) -> Result<T, ValidationError> {
    let bad_doc =
        |reason: String| ValidationError::new(ValidationKind::Argument, "body", None, reason);
    let doc = match (T::SCHEMA.xml, req.body.as_bytes()) {
        (Some(root), Some(bytes)) if !is_blank(bytes) => {
            let e = xml::parse(bytes).map_err(bad_doc)?;
            check_root(&e, root).map_err(bad_doc)?;
            Some(e)
        }
        _ => None,
    };
    let src = Source {
        bucket: req.bucket.as_deref(),
        key: req.key.as_deref(),
        query: &req.query,
        headers: &req.headers,
        status: 0,
        body: BodyRef::Body(&req.body),
        xml: doc.as_ref(),
        url: false,
    };
    T::read(&src).map_err(FieldError::into_validation)
}

/// Reads an input from its XML body alone (with the bucket from the host).
pub fn input_from_xml<T: Declared>(bucket: &str, body: &[u8]) -> Result<T, String> {
    let req = Request::new(T::OP.method)
        .bucket(bucket)
        .body(Body::Bytes(body.to_vec()));
    read_request(&req).map_err(|e| e.to_string())
}

/// The XML document of an input (what its request body carries), if it has one.
pub fn input_xml<T: Declared>(op: &T) -> Option<String> {
    let root = T::SCHEMA.xml?;
    let mut w = Writer::new();
    w.start(root);
    let mut s = Sink::new(&mut w, false);
    op.write(&mut s);
    let (_, wrote) = s.finish();
    w.end(root);
    wrote.then(|| w.finish())
}

/// Reads an output from a response.
pub fn parse_response<O: Fields>(resp: &Response<'_>) -> Result<O, Error> {
    resp.check()?;
    let schema = &O::SCHEMA;
    let doc = match schema.xml {
        Some(_) if schema.body_optional && is_blank(resp.body) => None,
        Some(root) => {
            let e = xml::parse(resp.body).map_err(|r| resp.parse_error(r))?;
            check_root(&e, root).map_err(|r| resp.parse_error(r))?;
            Some(e)
        }
        None => None,
    };
    let url = match (schema.url_encoding, &doc) {
        (Some(n), Some(e)) => e.text_of(n) == Some("url"),
        _ => false,
    };
    let src = Source {
        bucket: None,
        key: None,
        query: &[],
        headers: resp.headers,
        status: resp.status,
        body: BodyRef::Bytes(resp.body),
        xml: doc.as_ref(),
        url,
    };
    O::read(&src).map_err(|e| resp.parse_error(e.reason))
}

/// Writes an output as its response: status 200 unless a field says otherwise.
pub fn build_response<O: Fields>(out: &O) -> ResponseParts {
    let mut w = Writer::new();
    let root = O::SCHEMA.xml;
    if let Some(r) = root {
        w.start(r);
    }
    let mut s = Sink::new(&mut w, out.url_encoded());
    out.write(&mut s);
    let (wire, _) = s.finish();
    let body = match root {
        Some(r) => {
            w.end(r);
            w.finish().into_bytes()
        }
        None => match wire.body {
            Some(Body::Bytes(b)) => b,
            _ => Vec::new(),
        },
    };
    ResponseParts {
        status: wire.status.unwrap_or(200),
        headers: wire.headers,
        body,
    }
}

/// The XML document of a declared struct with a root.
pub fn to_xml<T: Fields>(v: &T) -> String {
    let root = T::SCHEMA.xml.unwrap_or(T::SCHEMA.name);
    let mut w = Writer::new();
    w.start(root);
    let mut s = Sink::new(&mut w, v.url_encoded());
    v.write(&mut s);
    s.finish();
    w.end(root);
    w.finish()
}

/// Reads the XML document of a declared struct with a root.
pub fn from_xml<T: Fields>(body: &[u8]) -> Result<T, String> {
    let e = xml::parse(body)?;
    if let Some(root) = T::SCHEMA.xml {
        check_root(&e, root)?;
    }
    let url = T::SCHEMA
        .url_encoding
        .is_some_and(|n| e.text_of(n) == Some("url"));
    T::read(&Source::element(&e, url)).map_err(|e| e.reason)
}

/// Reads the declared header fields of `T` from `headers` alone.
pub fn from_headers<T: Fields>(headers: &Headers) -> Result<T, FieldError> {
    T::read(&Source {
        bucket: None,
        key: None,
        query: &[],
        headers,
        status: 0,
        body: BodyRef::Bytes(&[]),
        xml: None,
        url: false,
    })
}

// ---- helpers the derive calls ------------------------------------------------------------

/// Writes `v` as the whole body: its XML document, with `Content-Type` and `Content-MD5`.
pub fn write_document<T: Fields>(v: &T, s: &mut Sink<'_>) {
    let doc = to_xml(v);
    s.header(names::CONTENT_TYPE, names::APPLICATION_XML);
    s.header(names::CONTENT_MD5, &super::content_md5(doc.as_bytes()));
    s.wire.body = Some(Body::Bytes(doc.into_bytes()));
}

fn body_bytes<'a>(b: &BodyRef<'a>, field: &'static str) -> Result<&'a [u8], FieldError> {
    match b {
        BodyRef::Bytes(b) => Ok(b),
        BodyRef::Body(b) => b
            .as_bytes()
            .ok_or_else(|| FieldError::new(field, "a streamed body")),
    }
}

/// Reads the whole body as the XML document of `T`.
pub fn read_document<T: Fields>(src: &Source<'_>, field: &'static str) -> Result<T, FieldError> {
    let bytes = body_bytes(&src.body, field)?;
    if is_blank(bytes) {
        return Err(FieldError::new(
            field,
            format!("the {field} document is missing"),
        ));
    }
    from_xml(bytes).map_err(|e| FieldError::new(field, e))
}

/// Reads the whole body as the XML document of `T`, when there is one.
pub fn read_document_opt<T: Fields>(
    src: &Source<'_>,
    field: &'static str,
) -> Result<Option<T>, FieldError> {
    let bytes = body_bytes(&src.body, field)?;
    if is_blank(bytes) {
        return Ok(None);
    }
    from_xml(bytes)
        .map(Some)
        .map_err(|e| FieldError::new(field, e))
}

/// Writes a nested struct as `<name>...</name>`.
pub fn write_element<T: Fields>(v: &T, w: &mut Writer, name: &str, cx: Cx) {
    w.start(name);
    let mut s = Sink::new(w, cx.url);
    v.write(&mut s);
    s.finish();
    w.end(name);
}

/// Reads a nested struct from its element.
pub fn read_element<T: Fields>(e: &Element<'_>, cx: Cx) -> Result<T, String> {
    T::read(&Source::element(e, cx.url)).map_err(|e| e.reason)
}

fn text_value<T: Scalar>(s: &str, field: &'static str) -> Result<T, FieldError> {
    T::from_text(s).map_err(|e| FieldError {
        field,
        reason: format!("{field} {s:?}: {}", e.reason),
        validation: Some(Box::new(e)),
    })
}

/// A required text value.
pub fn text_req<T: Scalar>(v: Option<&str>, field: &'static str) -> Result<T, FieldError> {
    match v {
        Some(s) => text_value(s, field),
        None => Err(FieldError::new(field, format!("missing {field}"))),
    }
}

/// An optional text value.
pub fn text_opt<T: Scalar>(v: Option<&str>, field: &'static str) -> Result<Option<T>, FieldError> {
    v.map(|s| text_value(s, field)).transpose()
}

/// A text value that defaults when absent.
pub fn text_or_default<T: Scalar + Default>(
    v: Option<&str>,
    field: &'static str,
) -> Result<T, FieldError> {
    Ok(text_opt(v, field)?.unwrap_or_default())
}

/// Every occurrence of a text value.
pub fn text_list<'a, T: Scalar>(
    v: impl Iterator<Item = &'a str>,
    field: &'static str,
) -> Result<Vec<T>, FieldError> {
    v.map(|s| text_value(s, field)).collect()
}

/// Where an `xml` field sits: the path to its parent, its element name, the field's name
/// and whether its text is URL-encoded.
#[derive(Debug, Clone, Copy)]
pub struct At {
    /// The elements from the document element down to the field's parent.
    pub parents: &'static [&'static str],
    /// For an `each` list: the element each item is wrapped in.
    pub wrapper: Option<&'static str>,
    /// The field's own element.
    pub last: &'static str,
    /// The field's registry name.
    pub field: &'static str,
    /// Whether its text is URL-encoded in a `url` document.
    pub enc: bool,
    /// Whether an empty element reads as absent.
    pub empty_none: bool,
}

/// The field's parent element; on a missing element, its index in the path and its parent.
fn locate<'e, 'a>(src: &'e Source<'a>, at: &At) -> Result<&'e Element<'a>, (usize, String)> {
    let Some(mut e) = src.xml else {
        return Err((0, "the document".to_owned()));
    };
    for (i, p) in at.parents.iter().enumerate() {
        e = e.child(p).ok_or_else(|| (i, e.name.to_string()))?;
    }
    Ok(e)
}

fn read_at<T: Value>(e: &Element<'_>, src: &Source<'_>, at: &At) -> Result<T, FieldError> {
    let cx = Cx {
        url: src.url,
        encoded: at.enc,
    };
    T::read_xml(e, cx).map_err(|r| FieldError::new(at.field, r))
}

/// The child named `name`, or with [`xml::SELF`] the element itself (its own text).
fn child_or_self<'e, 'a>(p: &'e Element<'a>, name: &str) -> Option<&'e Element<'a>> {
    if name == xml::SELF {
        Some(p)
    } else {
        p.child(name)
    }
}

/// A required element.
pub fn xml_req<T: Value>(src: &Source<'_>, at: &At) -> Result<T, FieldError> {
    let missing = |(from, parent): (usize, String)| {
        let path: String = at.parents[from..]
            .iter()
            .chain([&at.last])
            .map(|n| format!("<{n}>"))
            .collect();
        FieldError::new(at.field, format!("missing element {path} in <{parent}>"))
    };
    let p = locate(src, at).map_err(missing)?;
    let e =
        child_or_self(p, at.last).ok_or_else(|| missing((at.parents.len(), p.name.to_string())))?;
    read_at(e, src, at)
}

/// An optional element. An empty one is empty text for a string, absent for other
/// values, and absent for any field declared `empty_none`.
pub fn xml_opt<T: Value>(src: &Source<'_>, at: &At) -> Result<Option<T>, FieldError> {
    match locate(src, at).ok().and_then(|p| child_or_self(p, at.last)) {
        None => Ok(None),
        Some(e) if at.empty_none && e.text.is_empty() && e.children.is_empty() => Ok(None),
        Some(e) => {
            let cx = Cx {
                url: src.url,
                encoded: at.enc,
            };
            T::read_opt(e, cx).map_err(|r| FieldError::new(at.field, r))
        }
    }
}

/// An element that defaults when absent.
pub fn xml_or_default<T: Value + Default>(src: &Source<'_>, at: &At) -> Result<T, FieldError> {
    match locate(src, at).ok().and_then(|p| child_or_self(p, at.last)) {
        None => Ok(T::default()),
        Some(e) => read_at(e, src, at),
    }
}

/// Every element of the name; with a wrapper, the element inside each wrapper.
pub fn xml_list<T: Value>(src: &Source<'_>, at: &At) -> Result<Vec<T>, FieldError> {
    let Ok(p) = locate(src, at) else {
        return Ok(Vec::new());
    };
    match at.wrapper {
        Some(w) => p
            .children_named(w)
            .filter_map(|w| w.child(at.last))
            .map(|e| read_at(e, src, at))
            .collect(),
        None => p
            .children_named(at.last)
            .map(|e| read_at(e, src, at))
            .collect(),
    }
}

const COPY_SOURCE_PARTS: [&str; 3] = ["bucket", "key", "version_id"];

fn copy_source_slot(part: &str) -> usize {
    COPY_SOURCE_PARTS
        .iter()
        .position(|p| *p == part)
        .unwrap_or_else(|| panic!("copy_source part {part:?} is none of bucket, key, version_id"))
}

/// Sets one part of `x-oss-copy-source`.
pub fn write_copy_source(s: &mut Sink<'_>, part: &str, value: &str) {
    s.wire.copy_source[copy_source_slot(part)] = Some(value.to_owned());
}

/// `/<bucket>/<key, path-encoded>[?versionId=<id>]`, as the official SDKs write it, when a
/// key is given; the bucket defaults to the request's.
fn copy_source_header(parts: &[Option<String>; 3], bucket: Option<&str>) -> Option<String> {
    let key = parts[1].as_deref()?;
    let bucket = parts[0].as_deref().or(bucket).unwrap_or("");
    let mut h = format!("/{bucket}/");
    crate::encoding::encode_path_into(&mut h, key);
    if let Some(v) = &parts[2] {
        h.push_str("?versionId=");
        h.push_str(v);
    }
    Some(h)
}

/// The parts of an `x-oss-copy-source` value: bucket, decoded key, version id.
///
/// ```
/// use ossio_core::ops::decl::parse_copy_source;
/// assert_eq!(
///     parse_copy_source("/src/a%20b%3Fc?versionId=v1"),
///     Some(("src".to_owned(), "a b?c".to_owned(), Some("v1".to_owned())))
/// );
/// ```
pub fn parse_copy_source(h: &str) -> Option<(String, String, Option<String>)> {
    let rest = h.strip_prefix('/')?;
    let (path, version) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q.strip_prefix("versionId=")?.to_owned())),
        None => (rest, None),
    };
    let (bucket, key) = path.split_once('/')?;
    let key = crate::encoding::decode(key, false).ok()?;
    (!bucket.is_empty() && !key.is_empty()).then(|| (bucket.to_owned(), key, version))
}

/// One part of `x-oss-copy-source` as sent; the bucket reads as absent when it is the
/// request's own (what leaving it out means).
pub fn read_copy_source(
    src: &Source<'_>,
    part: &str,
    field: &'static str,
) -> Result<Option<String>, FieldError> {
    let Some(h) = src.headers.get(COPY_SOURCE) else {
        return Ok(None);
    };
    let (bucket, key, version) = parse_copy_source(h).ok_or_else(|| {
        FieldError::new(field, format!("{COPY_SOURCE} {h:?} is not /<bucket>/<key>"))
    })?;
    Ok(match copy_source_slot(part) {
        0 => (src.bucket != Some(bucket.as_str())).then_some(bucket),
        1 => Some(key),
        _ => version,
    })
}

/// Writes `(name, value)` pairs as `<prefix><name>` headers.
pub fn write_prefixed(s: &mut Sink<'_>, prefix: &str, pairs: &[(String, String)]) {
    for (k, v) in pairs {
        s.wire.headers.insert(format!("{prefix}{k}"), v.as_str());
    }
}

/// The headers with `prefix`, names without it and lower-cased.
pub fn read_prefixed(h: &Headers, prefix: &str) -> Vec<(String, String)> {
    h.iter()
        .filter_map(|(k, v)| {
            let lower = k.to_ascii_lowercase();
            lower
                .strip_prefix(prefix)
                .map(|n| (n.to_owned(), v.to_owned()))
        })
        .collect()
}

/// `min..=max` for a number.
pub fn check_range(field: &'static str, v: u64, min: u64, max: u64) -> Result<(), ValidationError> {
    if v < min || v > max {
        return Err(ValidationError::invalid(
            field,
            &v.to_string(),
            format!("must be {min} to {max}"),
        ));
    }
    Ok(())
}

/// `min..=max` items in a list.
pub fn check_count(
    field: &'static str,
    n: usize,
    min: u64,
    max: u64,
) -> Result<(), ValidationError> {
    let n = n as u64;
    if n < min || n > max {
        return Err(ValidationError::invalid(
            field,
            &n.to_string(),
            format!("must have {min} to {max} items"),
        ));
    }
    Ok(())
}

/// Whether an `EncodingType` value says `url`.
pub fn is_url(v: &Option<String>) -> bool {
    v.as_deref() == Some("url")
}

/// A whole-body field: a `String` document or a [`Body`].
pub trait RawBody: Sized {
    /// Its type in the registry.
    const TYPE: TypeRef;
    /// Sets the body (and `Content-Type` / `Content-MD5` when declared).
    fn write_body(&self, s: &mut Sink<'_>, md5: bool, content_type: Option<&str>);
    /// Reads the body.
    fn read_body(b: &BodyRef<'_>, field: &'static str) -> Result<Self, FieldError>;
    /// A required body is given.
    fn check_present(&self, field: &'static str) -> Result<(), ValidationError>;
}

impl RawBody for String {
    const TYPE: TypeRef = TypeRef::String;

    fn write_body(&self, s: &mut Sink<'_>, md5: bool, content_type: Option<&str>) {
        if let Some(ct) = content_type {
            s.header(names::CONTENT_TYPE, ct);
        }
        if md5 {
            s.header(names::CONTENT_MD5, &super::content_md5(self.as_bytes()));
        }
        s.wire.body = Some(Body::Bytes(self.clone().into_bytes()));
    }

    fn read_body(b: &BodyRef<'_>, field: &'static str) -> Result<Self, FieldError> {
        let bytes = match b {
            BodyRef::Bytes(b) => *b,
            BodyRef::Body(b) => b
                .as_bytes()
                .ok_or_else(|| FieldError::new(field, "a streamed body"))?,
        };
        String::from_utf8(bytes.to_vec())
            .map_err(|_| FieldError::new(field, format!("the {field} is not UTF-8")))
    }

    fn check_present(&self, field: &'static str) -> Result<(), ValidationError> {
        if self.trim().is_empty() {
            return Err(ValidationError::invalid(field, "", "must not be empty"));
        }
        Ok(())
    }
}

impl RawBody for Body {
    const TYPE: TypeRef = TypeRef::Body;

    fn write_body(&self, s: &mut Sink<'_>, md5: bool, content_type: Option<&str>) {
        if let Some(ct) = content_type {
            s.header(names::CONTENT_TYPE, ct);
        }
        if let (true, Some(b)) = (md5, self.as_bytes()) {
            s.header(names::CONTENT_MD5, &super::content_md5(b));
        }
        s.wire.body = Some(self.clone());
    }

    fn read_body(b: &BodyRef<'_>, _field: &'static str) -> Result<Self, FieldError> {
        Ok(match b {
            BodyRef::Bytes([]) => Body::Empty,
            BodyRef::Bytes(b) => Body::Bytes(b.to_vec()),
            BodyRef::Body(b) => (*b).clone(),
        })
    }

    fn check_present(&self, field: &'static str) -> Result<(), ValidationError> {
        if self.is_empty() {
            return Err(ValidationError::invalid(field, "", "must not be empty"));
        }
        Ok(())
    }
}

// ---- scalars -------------------------------------------------------------------------------

impl Scalar for String {
    const TYPE: TypeRef = TypeRef::String;
    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    fn from_text(s: &str) -> Result<Self, ValidationError> {
        Ok(s.to_owned())
    }
    fn from_empty() -> Option<Self> {
        Some(String::new())
    }
}

impl Scalar for bool {
    const TYPE: TypeRef = TypeRef::Bool;
    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
    fn from_text(s: &str) -> Result<Self, ValidationError> {
        match s.trim() {
            "true" | "True" | "TRUE" => Ok(true),
            "false" | "False" | "FALSE" | "" => Ok(false),
            other => Err(ValidationError::invalid("value", other, "is not a boolean")),
        }
    }
}

macro_rules! number {
    ($t:ty, $ty:expr) => {
        impl Scalar for $t {
            const TYPE: TypeRef = $ty;
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
            fn from_text(s: &str) -> Result<Self, ValidationError> {
                s.trim()
                    .parse()
                    .map_err(|_| ValidationError::invalid("value", s, "is not a number"))
            }
        }
    };
}

number!(u16, TypeRef::U16);
number!(u32, TypeRef::U32);
number!(u64, TypeRef::U64);

/// `bytes=<first>-[<last>]`, the `Range` header.
impl Scalar for (u64, Option<u64>) {
    const TYPE: TypeRef = TypeRef::ByteRange;
    fn to_text(&self) -> Cow<'_, str> {
        Cow::Owned(match self.1 {
            Some(end) => format!("bytes={}-{end}", self.0),
            None => format!("bytes={}-", self.0),
        })
    }
    fn from_text(s: &str) -> Result<Self, ValidationError> {
        let bad = || ValidationError::invalid("range", s, "must be bytes=<first>-[<last>]");
        let spec = s.trim().strip_prefix("bytes=").ok_or_else(bad)?;
        let (a, b) = spec.split_once('-').ok_or_else(bad)?;
        let first = a.trim().parse().map_err(|_| bad())?;
        let last = match b.trim() {
            "" => None,
            b => Some(b.parse().map_err(|_| bad())?),
        };
        Ok((first, last))
    }
}

/// Implements [`Scalar`] for an enumeration with `as_str` and `FromStr`.
macro_rules! enumeration {
    ($t:ty, $name:literal, [$($v:literal),* $(,)?]) => {
        impl Scalar for $t {
            const TYPE: TypeRef = TypeRef::Enum(&EnumSchema { name: $name, values: &[$($v),*] });
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Borrowed(self.as_str())
            }
            fn from_text(s: &str) -> Result<Self, ValidationError> {
                s.parse()
            }
        }
    };
}

enumeration!(Acl, "Acl", ["private", "public-read", "public-read-write"]);
enumeration!(
    ObjectAcl,
    "ObjectAcl",
    ["default", "private", "public-read", "public-read-write"]
);
enumeration!(
    super::StorageClass,
    "StorageClass",
    [
        "Standard",
        "IA",
        "Archive",
        "ColdArchive",
        "DeepColdArchive"
    ]
);
enumeration!(
    super::DataRedundancyType,
    "DataRedundancyType",
    ["LRS", "ZRS"]
);
enumeration!(super::NetworkOrigin, "NetworkOrigin", ["vpc", "internet"]);
