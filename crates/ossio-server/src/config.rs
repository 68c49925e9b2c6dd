//! Bucket configurations, served generically from the declarations: no operation is named
//! here. The registry is read once and its bucket-level operations are grouped by the
//! sub-resources that name them; a group is a configuration family when
//!
//! - one operation is a `PUT` (or `POST`) whose input carries a document: a nested XML
//!   document (`#[oss(document)]`), XML fields at the input's own root, or a raw body (a
//!   policy's JSON); its output says nothing but headers;
//! - one is a `GET` whose output reads that very document back: the same XML shape (the
//!   same elements and types, whatever the fields are called), or a raw body;
//! - optionally one is a `DELETE` whose output says nothing but headers;
//! - the `GET` and `DELETE` take nothing but the bucket and the query parameters that name
//!   one configuration among several (`inventoryId`), which the `PUT` requires too.
//!
//! A family is stored, validated and returned exactly: the `PUT` is read with the core's
//! inverse mapping (a request it cannot read is `400 MalformedXML`), checked against the
//! declared rules (`400 InvalidArgument` naming the field) and its canonical document (the
//! request the core rebuilds from the value read) is kept per bucket and configuration; the
//! `GET` answers it; the `DELETE` drops it (`204`). A `GET` of a configuration never set
//! answers as OSS does ([`ossio_core::subresources::unset_configuration`]). Families whose
//! `GET` answers something else than the document (server-computed fields, a different
//! shape) are not generic and stay `501` until a handler is written for them.

use crate::error::{OssError, Result};
use crate::http::{BodyReader, Response, ResponseBody};
use crate::service::{Service, io_err, read_doc, xml_response};
use crate::state::StoredConfig;
use ossio_core::ops::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::{OPERATIONS, dynamic};
use ossio_core::subresources::{Unset, unset_configuration};
use ossio_core::{Body, Headers, Method, Request, names};
use std::sync::LazyLock;

/// How a family's document travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// An XML document with this root element.
    Xml(&'static str),
    /// A raw body (a policy's JSON), answered with the content type it was sent with.
    Raw,
}

/// A bucket configuration served generically: the operations that set, read and remove it.
#[derive(Debug, Clone)]
pub struct ConfigFamily {
    /// The sub-resources that name its operations (`["cors"]`).
    pub sub_resources: &'static [&'static str],
    /// Sets it (`PUT` or `POST`, with the document).
    pub put: &'static OpSchema,
    /// Reads it.
    pub get: &'static OpSchema,
    /// Removes it, when the API can.
    pub delete: Option<&'static OpSchema>,
    /// Query parameters naming one configuration among several (`inventoryId`).
    pub identity: Vec<&'static str>,
    /// How the document travels.
    pub document: Document,
}

impl ConfigFamily {
    /// Its operations: the `PUT`, the `GET` and the `DELETE` if any.
    pub fn ops(&self) -> impl Iterator<Item = &'static OpSchema> + '_ {
        [Some(self.put), Some(self.get), self.delete]
            .into_iter()
            .flatten()
    }

    /// What a `GET` answers before any `PUT` (or after a `DELETE`): the core's fact for the
    /// first of its sub-resources that has one, else the fallback for the first.
    pub fn unset(&self) -> Unset {
        self.sub_resources
            .iter()
            .find(|s| {
                ossio_core::subresources::UNSET_CONFIGURATIONS
                    .iter()
                    .any(|(u, _)| u == *s)
            })
            .or(self.sub_resources.first())
            .map_or_else(|| unset_configuration(""), |s| unset_configuration(s))
    }

    /// Where a configuration is kept in its bucket: the sub-resources, then the identity
    /// parameters' values.
    pub(crate) fn storage_key(&self, query: &[(String, Option<String>)]) -> String {
        let mut key = self.sub_resources.join("&");
        for id in &self.identity {
            let v = query
                .iter()
                .find(|(k, _)| k == id)
                .and_then(|(_, v)| v.as_deref())
                .unwrap_or("");
            key.push_str(&format!("&{id}={v}"));
        }
        key
    }
}

static FAMILIES: LazyLock<Vec<ConfigFamily>> = LazyLock::new(|| {
    classify(&OPERATIONS)
        .into_iter()
        .filter(|f| !f.ops().any(|o| crate::service::has_handler(o.name)))
        .collect()
});

/// Every configuration family of the registry this server serves generically (families
/// with an operation of their own handler, like an access point's, are not), in the
/// registry's order of their `PUT`s.
pub fn families() -> &'static [ConfigFamily] {
    &FAMILIES
}

/// The family the operation named `name` belongs to, if it is served generically.
pub fn family_of(name: &str) -> Option<&'static ConfigFamily> {
    families().iter().find(|f| f.ops().any(|o| o.name == name))
}

/// Whether the operation named `name` is served generically as a bucket configuration.
pub fn serves(name: &str) -> bool {
    family_of(name).is_some()
}

// ---------------------------------------------------------------- classification

fn flat(s: &'static StructSchema) -> Vec<&'static FieldSchema> {
    fn walk(s: &'static StructSchema, out: &mut Vec<&'static FieldSchema>) {
        for f in s.fields {
            match (f.location, f.ty) {
                (Location::Flatten, TypeRef::Struct(inner)) => walk(inner, out),
                _ => out.push(f),
            }
        }
    }
    let mut out = Vec::new();
    walk(s, &mut out);
    out
}

fn is_header(f: &FieldSchema) -> bool {
    matches!(f.location, Location::Header(_) | Location::HeaderPrefix(_))
}

/// A header an answer may leave out: the request id (always sent) or an optional one.
fn header_ok(f: &FieldSchema) -> bool {
    match f.location {
        Location::Header(h) => h.eq_ignore_ascii_case(names::X_OSS_REQUEST_ID) || f.optional,
        Location::HeaderPrefix(_) => true,
        _ => false,
    }
}

/// An output of nothing but headers the server may leave out.
fn says_nothing(s: &'static StructSchema) -> bool {
    flat(s).iter().all(|f| header_ok(f))
}

fn bucket_level(op: &OpSchema) -> bool {
    let fields = flat(op.input);
    !op.sub_resources.is_empty()
        && fields.iter().any(|f| f.location == Location::Bucket)
        && !fields.iter().any(|f| f.location == Location::Key)
}

/// A document's shape: its root (`None` for a raw body) and its XML fields in order.
struct Shape {
    root: Option<&'static str>,
    fields: Vec<&'static FieldSchema>,
}

fn xml_fields(s: &'static StructSchema) -> Option<Vec<&'static FieldSchema>> {
    let fields = flat(s);
    fields
        .iter()
        .all(|f| matches!(f.location, Location::Xml(_)))
        .then_some(fields)
}

fn is_raw(t: &TypeRef) -> bool {
    matches!(t, TypeRef::String | TypeRef::Body)
}

/// The document field's shape, for a `document` or `body` field.
fn field_shape(f: &'static FieldSchema) -> Option<Shape> {
    match (f.location, f.ty) {
        (Location::Document, TypeRef::Struct(s)) => Some(Shape {
            root: Some(s.xml?),
            fields: xml_fields(s)?,
        }),
        (Location::Body, t) if is_raw(&t) => Some(Shape {
            root: None,
            fields: Vec::new(),
        }),
        _ => None,
    }
}

/// The document a `PUT` carries (its other input fields address it: bucket, query
/// parameters, headers).
fn put_document(op: &OpSchema) -> Option<Shape> {
    let fields = flat(op.input);
    let (docs, others): (Vec<&'static FieldSchema>, Vec<&'static FieldSchema>) = fields
        .into_iter()
        .partition(|f| matches!(f.location, Location::Document | Location::Body));
    let (shape, others) = match docs.as_slice() {
        [one] => (field_shape(one)?, others),
        [] => {
            let (xml, others): (Vec<&'static FieldSchema>, Vec<&'static FieldSchema>) = others
                .into_iter()
                .partition(|f| matches!(f.location, Location::Xml(_)));
            if xml.is_empty() {
                return None;
            }
            (
                Shape {
                    root: Some(op.input.xml?),
                    fields: xml,
                },
                others,
            )
        }
        _ => return None,
    };
    let plain = others.iter().all(|f| {
        matches!(
            f.location,
            Location::Bucket | Location::Query(_) | Location::Header(_) | Location::HeaderPrefix(_)
        )
    });
    plain.then_some(shape)
}

/// The document a `GET`'s output reads.
fn get_document(op: &OpSchema) -> Option<Shape> {
    let fields = flat(op.output);
    let (headers, body): (Vec<&'static FieldSchema>, Vec<&'static FieldSchema>) =
        fields.into_iter().partition(|f| is_header(f));
    if !headers.iter().all(|f| header_ok(f)) {
        return None;
    }
    match body.as_slice() {
        [one] if matches!(one.location, Location::Document | Location::Body) => field_shape(one),
        _ if !body.is_empty() && body.iter().all(|f| matches!(f.location, Location::Xml(_))) => {
            Some(Shape {
                root: Some(op.output.xml?),
                fields: body,
            })
        }
        _ => None,
    }
}

fn is_scalar(t: &TypeRef) -> bool {
    matches!(
        t,
        TypeRef::String
            | TypeRef::Bool
            | TypeRef::U16
            | TypeRef::U32
            | TypeRef::U64
            | TypeRef::ByteRange
            | TypeRef::Enum(_)
    )
}

/// Whether a value written as `put` reads back as `get`: the same elements and types
/// (text reads any scalar), whatever the fields and structs are called.
fn reads_as(put: &TypeRef, get: &TypeRef) -> bool {
    match (put, get) {
        (TypeRef::Struct(a), TypeRef::Struct(b)) => {
            a.xml == b.xml
                && match (xml_fields(a), xml_fields(b)) {
                    (Some(x), Some(y)) => same_fields(&x, &y),
                    _ => false,
                }
        }
        (TypeRef::List(a), TypeRef::List(b)) => reads_as(a, b),
        (TypeRef::Enum(a), TypeRef::Enum(b)) => a.values == b.values,
        (p, TypeRef::String) => is_scalar(p),
        (p, g) => p == g,
    }
}

fn same_fields(put: &[&'static FieldSchema], get: &[&'static FieldSchema]) -> bool {
    put.len() == get.len()
        && put.iter().zip(get).all(|(p, g)| {
            p.location == g.location
                && p.each == g.each
                && p.url_encoded == g.url_encoded
                && reads_as(&p.ty, &g.ty)
        })
}

fn same_shape(put: &Shape, get: &Shape) -> bool {
    put.root == get.root && same_fields(&put.fields, &get.fields)
}

/// Whether `op` takes nothing but the bucket, the identity parameters (all of them) and
/// optional headers.
fn addressed_by(op: &OpSchema, identity: &[&'static str]) -> bool {
    let fields = flat(op.input);
    let queries: Vec<&str> = fields
        .iter()
        .filter_map(|f| match f.location {
            Location::Query(q) => Some(q),
            _ => None,
        })
        .collect();
    identity.iter().all(|id| queries.contains(id))
        && fields.iter().all(|f| match f.location {
            Location::Bucket => true,
            Location::Query(q) => identity.contains(&q),
            Location::Header(_) | Location::HeaderPrefix(_) => f.optional,
            _ => false,
        })
}

/// Exactly one of `ops` that `keep` accepts.
fn only<'a>(
    ops: &[&'static OpSchema],
    keep: impl Fn(&OpSchema) -> bool + 'a,
) -> Option<&'static OpSchema> {
    let mut found = ops.iter().copied().filter(|o| keep(o));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The query parameters an operation requires: with its sub-resources, they address one
/// configuration (`inventoryId`, an access point's name).
fn required_queries(op: &OpSchema) -> Vec<&'static str> {
    let mut q: Vec<&'static str> = flat(op.input)
        .iter()
        .filter(|f| !f.optional || f.required)
        .filter_map(|f| match f.location {
            Location::Query(q) => Some(q),
            _ => None,
        })
        .collect();
    q.sort_unstable();
    q
}

/// The configuration families among `ops` (see the module docs): operations grouped by
/// their sub-resources and required query parameters.
pub(crate) fn classify(ops: &[&'static OpSchema]) -> Vec<ConfigFamily> {
    type Address = (Vec<&'static str>, Vec<&'static str>);
    let mut groups: Vec<(Address, Vec<&'static OpSchema>)> = Vec::new();
    for op in ops.iter().copied().filter(|o| bucket_level(o)) {
        let mut subs = op.sub_resources.to_vec();
        subs.sort_unstable();
        let address = (subs, required_queries(op));
        match groups.iter_mut().find(|(a, _)| *a == address) {
            Some((_, members)) => members.push(op),
            None => groups.push((address, vec![op])),
        }
    }
    let mut out = Vec::new();
    for ((_, identity), members) in groups {
        let puts: Vec<_> = members
            .iter()
            .copied()
            .filter(|o| matches!(o.method, Method::Put | Method::Post))
            .filter(|o| says_nothing(o.output))
            .filter_map(|o| put_document(o).map(|shape| (o, shape)))
            .collect();
        let [(put, shape)] = puts.as_slice() else {
            continue;
        };
        let Some(get) = only(&members, |o| {
            o.method == Method::Get
                && addressed_by(o, &identity)
                && get_document(o).is_some_and(|g| same_shape(shape, &g))
        }) else {
            continue;
        };
        let delete = only(&members, |o| {
            o.method == Method::Delete && addressed_by(o, &identity) && says_nothing(o.output)
        });
        out.push(ConfigFamily {
            sub_resources: put.sub_resources,
            put,
            get,
            delete,
            identity,
            document: shape.root.map_or(Document::Raw, Document::Xml),
        });
    }
    out
}

// ---------------------------------------------------------------- serving

/// A request the declarations refuse: unreadable is `MalformedXML`, a broken rule is
/// `InvalidArgument` naming the field.
fn refused(e: ossio_core::Error) -> OssError {
    match e {
        ossio_core::Error::Validation(v) => {
            OssError::invalid_argument(&v.to_string(), &v.field, v.value.as_deref().unwrap_or(""))
        }
        other => OssError::malformed_xml(&other.to_string()),
    }
}

impl Service {
    /// Serves `op` of `family` on `bucket` (the caller checked that the caller owns it).
    pub(crate) fn serve_config(
        &self,
        family: &ConfigFamily,
        op: &OpSchema,
        bucket: &str,
        query: &[(String, Option<String>)],
        headers: &Headers,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let bytes = if op.method == family.put.method {
            read_doc(body)?
        } else {
            Vec::new()
        };
        if let Some(expected) = headers.get(names::CONTENT_MD5) {
            if expected.trim() != ossio_core::ops::content_md5(&bytes) {
                return Err(OssError::new(
                    400,
                    "InvalidDigest",
                    "The Content-MD5 you specified is not valid.",
                )
                .ec("0017-00000503"));
            }
        }
        let mut req = Request::new(op.method).bucket(bucket);
        req.query = query.to_vec();
        req.headers = headers.clone();
        if !bytes.is_empty() {
            req.body = Body::Bytes(bytes);
        }
        // Read with the declaration's inverse mapping, then checked by its rules; the
        // request the core rebuilds from what was read is the canonical form.
        let read = dynamic::from_request(op.name, &req)
            .map_err(|e| OssError::malformed_xml(&e.to_string()))?;
        let canonical = read.to_request().map_err(refused)?;
        let key = family.storage_key(query);
        if op.name == family.get.name {
            return self.get_config(family, bucket, &key);
        }
        let mut store = self.store();
        let b = store
            .buckets
            .get_mut(bucket)
            .ok_or_else(|| OssError::no_such_bucket(bucket))?;
        let put = op.name == family.put.name;
        let old = if put {
            let doc = String::from_utf8(canonical.body.as_bytes().unwrap_or(&[]).to_vec())
                .map_err(|_| OssError::malformed_xml("the document is not UTF-8"))?;
            // Versioning, once enabled, can be suspended but never turned off again.
            if key == "versioning"
                && b.versioning() != crate::state::Versioning::Off
                && !doc.contains("<Status>Enabled</Status>")
                && !doc.contains("<Status>Suspended</Status>")
            {
                return Err(OssError::malformed_xml(
                    "the versioning status must be Enabled or Suspended",
                ));
            }
            let content_type = match family.document {
                Document::Xml(_) => names::APPLICATION_XML.to_owned(),
                Document::Raw => canonical
                    .headers
                    .get(names::CONTENT_TYPE)
                    .or_else(|| headers.get(names::CONTENT_TYPE))
                    .unwrap_or("application/octet-stream")
                    .to_owned(),
            };
            b.configs.insert(
                key.clone(),
                StoredConfig {
                    content_type,
                    body: doc,
                },
            )
        } else {
            b.configs.remove(&key)
        };
        if let Err(e) = store.save_meta() {
            if let Some(b) = store.buckets.get_mut(bucket) {
                match old {
                    Some(o) => b.configs.insert(key, o),
                    None => b.configs.remove(&key),
                };
            }
            return Err(io_err(e));
        }
        Ok(Response::new(if put { 200 } else { 204 }))
    }

    fn get_config(&self, family: &ConfigFamily, bucket: &str, key: &str) -> Result<Response> {
        let store = self.store();
        let b = store
            .buckets
            .get(bucket)
            .ok_or_else(|| OssError::no_such_bucket(bucket))?;
        match (b.configs.get(key), family.document) {
            (Some(c), Document::Xml(_)) => Ok(xml_response(c.body.clone())),
            (Some(c), Document::Raw) => Ok(Response::new(200)
                .header(names::CONTENT_TYPE, c.content_type.clone())
                .body(ResponseBody::Bytes(c.body.clone().into_bytes()))),
            (None, _) => {
                match family.unset() {
                    Unset::Document(d) => Ok(xml_response(d.to_owned())),
                    Unset::Error {
                        status,
                        code,
                        message,
                    } => Err(OssError::new(status, &code, message.into_owned())
                        .detail("BucketName", bucket)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> &'static OpSchema {
        ossio_core::ops::operation(name).unwrap()
    }

    #[test]
    fn versioning_is_a_family() {
        let f = family_of("PutBucketVersioning").expect("versioning is classified");
        assert_eq!(f.put.name, "PutBucketVersioning");
        assert_eq!(f.get.name, "GetBucketVersioning");
        assert!(f.delete.is_none());
        assert!(f.identity.is_empty());
        assert_eq!(f.document, Document::Xml("VersioningConfiguration"));
        assert!(serves("GetBucketVersioning"));
        assert!(matches!(f.unset(), Unset::Document(_)));
    }

    #[test]
    fn other_operations_are_not() {
        for name in [
            "PutBucketAcl",
            "GetBucketAcl",
            "PutBucket",
            "PutObject",
            "GetBucketInfo",
            "PutAccessPointPolicy",
            "CreateAccessPoint",
            "DeleteMultipleObjects",
        ] {
            assert!(family_of(name).is_none(), "{name}");
        }
    }

    #[test]
    fn a_get_that_answers_something_else_is_not_generic() {
        // PutBucketVersioning's document, but GetBucketAcl's answer: no family.
        let put = named("PutBucketVersioning");
        let mut get = *named("GetBucketAcl");
        get.sub_resources = put.sub_resources;
        let get: &'static OpSchema = Box::leak(Box::new(get));
        assert!(classify(&[put, get]).is_empty());
        // With its own GET it is one, and a DELETE of the same address joins.
        assert_eq!(classify(&[put, named("GetBucketVersioning")]).len(), 1);
    }

    #[test]
    fn families_with_handlers_of_their_own_are_not_served_generically() {
        // An access point's public access block has the shape (addressed by the access
        // point's name), but its own handler checks the access point exists.
        let all = classify(&OPERATIONS);
        let pab = all
            .iter()
            .find(|f| f.put.name == "PutAccessPointPublicAccessBlock")
            .expect("classified by shape");
        assert_eq!(pab.identity, ["x-oss-access-point-name"]);
        assert_eq!(
            pab.delete.map(|d| d.name),
            Some("DeleteAccessPointPublicAccessBlock")
        );
        assert!(family_of("PutAccessPointPublicAccessBlock").is_none());
    }

    #[test]
    fn every_family_is_consistent() {
        for f in families() {
            for op in f.ops() {
                assert!(bucket_level(op), "{}", op.name);
                let mut a = op.sub_resources.to_vec();
                let mut b = f.sub_resources.to_vec();
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, b, "{}", op.name);
            }
            assert_eq!(f.get.method, Method::Get);
        }
    }
}
