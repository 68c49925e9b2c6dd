//! Operations as plain values, for the bindings and the CLI: any registered operation built
//! from a [`Dyn`] (what a Python dict, a JavaScript object or CLI flags become) and its
//! output given back as one. One bridge serves every operation; nothing here is written per
//! operation.
//!
//! ```
//! use ossio_core::ops::dynamic::{self, Dyn};
//! let input = Dyn::map([("bucket", Dyn::from("examplebucket")), ("acl", Dyn::from("private"))]);
//! let op = dynamic::build("put_bucket_acl", &input)?;
//! let req = op.to_request()?;
//! assert_eq!(req.headers.get("x-oss-acl"), Some("private"));
//!
//! // Mistakes name the operation and the field.
//! let bad = Dyn::map([("bucket", Dyn::from("b")), ("acl", Dyn::from("open"))]);
//! let err = dynamic::build("PutBucketAcl", &bad).unwrap_err().to_string();
//! assert!(err.contains("PutBucketAcl") && err.contains("acl"), "{err}");
//! # Ok::<(), ossio_core::Error>(())
//! ```

use super::Operation;
use super::decl::{EnumSchema, FieldError, Fields, OpSchema, RawBody, Scalar, TypeRef};
use crate::error::{Error, ValidationError, ValidationKind};
use crate::request::{Body, Request};
use crate::response::Response;
use std::fmt;

/// A value as the bindings exchange it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Dyn {
    /// Absent (`None`, `null`, `undefined`).
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// Text.
    Str(String),
    /// Bytes (bodies).
    Bytes(Vec<u8>),
    /// A list.
    List(Vec<Dyn>),
    /// Named values, in order (a struct, or metadata).
    Map(Vec<(String, Dyn)>),
}

impl Dyn {
    /// A map from pairs.
    pub fn map<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Dyn)>) -> Dyn {
        Dyn::Map(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The value under `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Dyn> {
        match self {
            Dyn::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Dyn::Null => "null",
            Dyn::Bool(_) => "a boolean",
            Dyn::Int(_) => "an integer",
            Dyn::Str(_) => "a string",
            Dyn::Bytes(_) => "bytes",
            Dyn::List(_) => "a list",
            Dyn::Map(_) => "a map",
        }
    }
}

impl From<&str> for Dyn {
    fn from(s: &str) -> Self {
        Dyn::Str(s.to_owned())
    }
}

impl From<String> for Dyn {
    fn from(s: String) -> Self {
        Dyn::Str(s)
    }
}

impl From<bool> for Dyn {
    fn from(b: bool) -> Self {
        Dyn::Bool(b)
    }
}

impl From<u64> for Dyn {
    fn from(n: u64) -> Self {
        Dyn::Int(n.into())
    }
}

fn wrong_type(field: &'static str, want: &str, got: &Dyn) -> FieldError {
    FieldError::new(field, format!("expected {want}, got {}", got.kind()))
}

/// A field's value as a [`Dyn`], and back. `#[derive(Oss)]` implements it for declared
/// structs; scalars, options and lists have it here.
pub trait DynField: Sized {
    /// The value.
    fn to_dyn(&self) -> Dyn;
    /// Reads the value of `field`.
    fn from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError>;
    /// The value of a field the caller left out: an error, unless the type has an obvious
    /// empty value (`None`, `false`, an empty list).
    fn absent(field: &'static str) -> Result<Self, FieldError> {
        Err(FieldError::new(field, "is required"))
    }
}

fn enum_error(e: &EnumSchema, field: &'static str, s: &str) -> FieldError {
    FieldError::new(
        field,
        format!(
            "unknown value {s:?} (expected one of: {})",
            e.values.join(", ")
        ),
    )
}

impl<T: Scalar> DynField for T {
    fn to_dyn(&self) -> Dyn {
        let text = self.to_text();
        match T::TYPE {
            TypeRef::Bool => Dyn::Bool(text == "true"),
            TypeRef::U16 | TypeRef::U32 | TypeRef::U64 => text
                .parse()
                .map_or_else(|_| Dyn::Str(text.into_owned()), Dyn::Int),
            _ => Dyn::Str(text.into_owned()),
        }
    }

    fn from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError> {
        let refused = |e: ValidationError| FieldError {
            field,
            reason: e.reason.to_string(),
            validation: Some(Box::new(ValidationError {
                field: field.into(),
                ..e
            })),
        };
        match (T::TYPE, v) {
            (TypeRef::Bool, Dyn::Bool(b)) => {
                T::from_text(if *b { "true" } else { "false" }).map_err(refused)
            }
            (TypeRef::Bool, other) => Err(wrong_type(field, "a boolean", other)),
            (TypeRef::U16 | TypeRef::U32 | TypeRef::U64, Dyn::Int(n)) => {
                let max: u64 = match T::TYPE {
                    TypeRef::U16 => u16::MAX.into(),
                    TypeRef::U32 => u32::MAX.into(),
                    _ => u64::MAX,
                };
                if *n < 0 || *n > i128::from(max) {
                    return Err(FieldError::new(
                        field,
                        format!("{n} is out of range (0 to {max})"),
                    ));
                }
                T::from_text(&n.to_string()).map_err(refused)
            }
            (TypeRef::U16 | TypeRef::U32 | TypeRef::U64, other) => {
                Err(wrong_type(field, "an integer", other))
            }
            (TypeRef::Enum(e), Dyn::Str(s)) => {
                if !e.values.contains(&s.as_str()) {
                    return Err(enum_error(e, field, s));
                }
                T::from_text(s).map_err(refused)
            }
            (_, Dyn::Str(s)) => T::from_text(s).map_err(refused),
            (_, other) => Err(wrong_type(field, "a string", other)),
        }
    }

    fn absent(field: &'static str) -> Result<Self, FieldError> {
        match T::TYPE {
            TypeRef::Bool => T::from_text("false").map_err(|e| FieldError::new(field, e.reason)),
            _ => Err(FieldError::new(field, "is required")),
        }
    }
}

impl<T: DynField> DynField for Option<T> {
    fn to_dyn(&self) -> Dyn {
        self.as_ref().map_or(Dyn::Null, T::to_dyn)
    }

    fn from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError> {
        match v {
            Dyn::Null => Ok(None),
            v => T::from_dyn(v, field).map(Some),
        }
    }

    fn absent(_field: &'static str) -> Result<Self, FieldError> {
        Ok(None)
    }
}

impl<T: DynField> DynField for Vec<T> {
    fn to_dyn(&self) -> Dyn {
        Dyn::List(self.iter().map(T::to_dyn).collect())
    }

    fn from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError> {
        match v {
            Dyn::Null => Ok(Vec::new()),
            Dyn::List(items) => items.iter().map(|i| T::from_dyn(i, field)).collect(),
            other => Err(wrong_type(field, "a list", other)),
        }
    }

    fn absent(_field: &'static str) -> Result<Self, FieldError> {
        Ok(Vec::new())
    }
}

/// Name/value pairs (user metadata) as a map.
pub fn pairs_to_dyn(pairs: &[(String, String)]) -> Dyn {
    Dyn::Map(
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), Dyn::Str(v.clone())))
            .collect(),
    )
}

/// Name/value pairs from a map of strings.
pub fn pairs_from_dyn(v: &Dyn, field: &'static str) -> Result<Vec<(String, String)>, FieldError> {
    match v {
        Dyn::Null => Ok(Vec::new()),
        Dyn::Map(m) => m
            .iter()
            .map(|(k, v)| match v {
                Dyn::Str(s) => Ok((k.clone(), s.clone())),
                other => Err(wrong_type(field, "a map of strings", other)),
            })
            .collect(),
        other => Err(wrong_type(field, "a map of strings", other)),
    }
}

/// A body field as a value: bytes, or text for documents.
pub fn body_to_dyn<B: RawBody + DynBody>(b: &B) -> Dyn {
    b.body_dyn()
}

/// What a body field is as a value.
pub trait DynBody: Sized {
    /// The value.
    fn body_dyn(&self) -> Dyn;
    /// Reads it.
    fn body_from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError>;
}

impl DynBody for String {
    fn body_dyn(&self) -> Dyn {
        Dyn::Str(self.clone())
    }
    fn body_from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError> {
        match v {
            Dyn::Str(s) => Ok(s.clone()),
            Dyn::Bytes(b) => {
                String::from_utf8(b.clone()).map_err(|_| FieldError::new(field, "is not UTF-8"))
            }
            other => Err(wrong_type(field, "a string", other)),
        }
    }
}

impl DynBody for Body {
    fn body_dyn(&self) -> Dyn {
        match self.as_bytes() {
            Some(b) => Dyn::Bytes(b.to_vec()),
            None => Dyn::Null,
        }
    }
    fn body_from_dyn(v: &Dyn, field: &'static str) -> Result<Self, FieldError> {
        match v {
            Dyn::Null => Ok(Body::Empty),
            Dyn::Bytes(b) if b.is_empty() => Ok(Body::Empty),
            Dyn::Bytes(b) => Ok(Body::Bytes(b.clone())),
            Dyn::Str(s) if s.is_empty() => Ok(Body::Empty),
            Dyn::Str(s) => Ok(Body::Bytes(s.clone().into_bytes())),
            other => Err(wrong_type(field, "bytes", other)),
        }
    }
}

/// Reads a declared struct's fields from a map, refusing names it does not declare (what
/// `#[derive(Oss)]` calls for [`DynField::from_dyn`]).
pub fn struct_from_dyn<T: DynStruct>(v: &Dyn, field: &'static str) -> Result<T, FieldError> {
    let Dyn::Map(m) = v else {
        return Err(wrong_type(field, "a map", v));
    };
    let mut used = Vec::new();
    let out = T::from_dyn_map(m, &mut used)?;
    if let Some((k, _)) = m.iter().find(|(k, _)| !used.contains(&k.as_str())) {
        let known: Vec<&str> = T::SCHEMA.fields.iter().map(|f| f.name).collect();
        let prefix = if field.is_empty() {
            String::new()
        } else {
            format!("{field}.")
        };
        return Err(FieldError::new(
            field,
            format!("unknown field {prefix}{k} (known: {})", known.join(", ")),
        ));
    }
    Ok(out)
}

/// The map-shaped half of [`DynField`] for declared structs, which `#[derive(Oss)]`
/// implements (it lets a flattened struct share its parent's map).
pub trait DynStruct: Fields {
    /// Appends every field as (registry name, value).
    fn dyn_fields(&self, out: &mut Vec<(String, Dyn)>);
    /// Reads every field from `m`, recording the names it used.
    fn from_dyn_map(m: &[(String, Dyn)], used: &mut Vec<&'static str>) -> Result<Self, FieldError>;
}

/// The value of `name` in a map, recording that it was used.
pub fn take<'m>(
    m: &'m [(String, Dyn)],
    name: &'static str,
    used: &mut Vec<&'static str>,
) -> Option<&'m Dyn> {
    let v = m.iter().find(|(k, _)| k == name).map(|(_, v)| v)?;
    used.push(name);
    Some(v)
}

/// An operation built from a value: sends like any other, and answers with a value.
pub trait ErasedOp: fmt::Debug + Send + Sync {
    /// Its registry entry.
    fn schema(&self) -> &'static OpSchema;
    /// The request (validated).
    fn to_request(&self) -> Result<Request, Error>;
    /// The output of a response, as a value.
    fn parse_response(&self, resp: &Response<'_>) -> Result<Dyn, Error>;
    /// The input, as a value (what it was built from, with defaults filled in).
    fn input(&self) -> Dyn;
    /// Reads an input of this operation back from `req` (the server's inverse mapping), as
    /// a value; the rules are not checked.
    fn read_request(&self, req: &Request) -> Result<Dyn, ValidationError>;
    /// The response that carries `output`, a value of this operation's output (the server
    /// side of a result).
    fn response_for(&self, output: &Dyn) -> Result<super::decl::ResponseParts, FieldError>;
}

/// The erased form of a declared operation.
#[derive(Debug)]
pub struct Erased<T>(pub T);

impl<T> ErasedOp for Erased<T>
where
    T: super::decl::Declared + DynStruct + Operation + fmt::Debug + Send + Sync,
    T::Output: DynStruct,
{
    fn schema(&self) -> &'static OpSchema {
        operation_schema::<T>()
    }

    fn to_request(&self) -> Result<Request, Error> {
        Operation::to_request(&self.0).map_err(|e| match e {
            Error::Validation(v) => Error::Validation(v.in_operation(T::OP.name)),
            other => other,
        })
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Dyn, Error> {
        let out = Operation::parse_response(&self.0, resp)?;
        let mut fields = Vec::new();
        out.dyn_fields(&mut fields);
        Ok(Dyn::Map(fields))
    }

    fn input(&self) -> Dyn {
        let mut fields = Vec::new();
        self.0.dyn_fields(&mut fields);
        Dyn::Map(fields)
    }

    fn read_request(&self, req: &Request) -> Result<Dyn, ValidationError> {
        let back = T::from_request(req)?;
        let mut fields = Vec::new();
        back.dyn_fields(&mut fields);
        Ok(Dyn::Map(fields))
    }

    fn response_for(&self, output: &Dyn) -> Result<super::decl::ResponseParts, FieldError> {
        let out: T::Output = struct_from_dyn(output, "")?;
        Ok(out.to_response())
    }
}

fn operation_schema<T: super::decl::Declared>() -> &'static OpSchema {
    super::OPERATIONS
        .iter()
        .copied()
        .find(|o| o.name == T::OP.name)
        .expect("every declared operation is registered")
}

/// One registry entry of the erased builders.
pub struct DynEntry {
    /// The operation.
    pub schema: &'static OpSchema,
    /// Builds it from a value.
    pub build: fn(&Dyn) -> Result<Box<dyn ErasedOp>, Error>,
    /// Reads it back from a request, without checking its rules (the server side).
    pub read: fn(&Request) -> Result<Box<dyn ErasedOp>, ValidationError>,
}

/// Builds the operation `T` from `input`: every field read and checked, the operation named
/// in any error.
pub fn build_as<T>(input: &Dyn) -> Result<Box<dyn ErasedOp>, Error>
where
    T: super::decl::Declared + DynStruct + Operation + fmt::Debug + Send + Sync + 'static,
    T::Output: DynStruct,
{
    let name = T::OP.name;
    let op: T = struct_from_dyn(input, "").map_err(|e| {
        let field = if e.field.is_empty() { "input" } else { e.field };
        let v = e.validation.clone().map(|v| *v).unwrap_or_else(|| {
            ValidationError::new(ValidationKind::Argument, field, None, e.reason.clone())
        });
        Error::Validation(
            ValidationError {
                field: field.into(),
                ..v
            }
            .in_operation(name),
        )
    })?;
    Ok(Box::new(Erased(op)))
}

/// Reads the operation `T` back from `req` (the inverse of its request), without checking
/// its rules: a server tells a request it cannot read (this fails) from a readable one that
/// breaks a rule ([`ErasedOp::to_request`] fails).
pub fn read_as<T>(req: &Request) -> Result<Box<dyn ErasedOp>, ValidationError>
where
    T: super::decl::Declared + DynStruct + Operation + fmt::Debug + Send + Sync + 'static,
    T::Output: DynStruct,
{
    Ok(Box::new(Erased(T::from_request(req)?)))
}

/// Reads the registered operation named `name` (any spelling) back from `req`, as a server
/// receives it; the rules are not checked here (see [`read_as`]).
///
/// ```
/// use ossio_core::ops::{dynamic, Operation, PutBucketAcl};
/// use ossio_core::Acl;
/// let req = PutBucketAcl::new("examplebucket", Acl::PublicRead).to_request()?;
/// let op = dynamic::from_request("PutBucketAcl", &req)?;
/// assert_eq!(op.input().get("acl"), Some(&dynamic::Dyn::from("public-read")));
/// assert_eq!(op.to_request()?, req);
/// # Ok::<(), ossio_core::Error>(())
/// ```
pub fn from_request(name: &str, req: &Request) -> Result<Box<dyn ErasedOp>, ValidationError> {
    let entry = super::DYN_OPERATIONS
        .iter()
        .find(|e| e.schema.is_named(name))
        .ok_or_else(|| {
            ValidationError::new(
                ValidationKind::Argument,
                "operation",
                Some(name),
                "is not a registered operation",
            )
        })?;
    (entry.read)(req)
}

/// Builds the registered operation named `name` (any spelling) from `input`.
pub fn build(name: &str, input: &Dyn) -> Result<Box<dyn ErasedOp>, Error> {
    let entry = super::DYN_OPERATIONS
        .iter()
        .find(|e| e.schema.is_named(name))
        .ok_or_else(|| {
            Error::Validation(ValidationError::new(
                ValidationKind::Argument,
                "operation",
                Some(name),
                "is not a registered operation",
            ))
        })?;
    (entry.build)(input)
}
