//! A valid example value of an operation, made from its schema alone: what tests and docs
//! use to exercise every registered operation without an example written by hand.
//!
//! Each field gets a candidate of its type (text, a number, the first value of an
//! enumeration, a nested struct, a one-item list, ...). When a declared rule refuses the
//! value, the refusal names the field, and that field moves to its next candidate; the
//! first value every rule accepts is the sample.
//!
//! ```
//! use ossio_core::ops::{operation, sample};
//! let op = operation("PutBucketAcl").unwrap();
//! let (value, erased, request) = sample::input(op)?;
//! assert_eq!(request.method, op.method);
//! assert_eq!(erased.input(), value);
//! assert!(value.get("acl").is_some());
//! // An output value, ready to be written as a response and parsed back.
//! let out = sample::output(ossio_core::ops::operation("GetBucketAcl").unwrap());
//! assert!(out.get("request_id").is_some());
//! # Ok::<(), ossio_core::Error>(())
//! ```

use super::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use super::dynamic::{self, Dyn, ErasedOp};
use crate::error::{Error, ValidationError, ValidationKind};
use crate::request::Request;
use std::collections::HashMap;

/// Text candidates; a field whose rule refuses one gets the next.
const TEXTS: &[&str] = &[
    "sample-01",
    "2025-01-02T03:04:05.000Z",
    "https://example.com/a",
    "ap-01",
    "abc",
    "1",
    "Mon, 02 Jan 2006 15:04:05 GMT",
    "vpc-01",
    "{\"Version\":\"1\",\"Statement\":[]}",
    "playlist.m3u8",
];
/// Number candidates.
const NUMBERS: &[i128] = &[1, 100, 1000, 102400, 0, 365, 10000, 1_700_000_000, 819200];
/// The request id an output sample carries.
const REQUEST_ID: &str = "5C3D9778CC1C2AEDF85BC6AA";
/// How many refusals are followed before giving up.
const ATTEMPTS: usize = 64;

/// Which candidate each field (by name) takes, and which fields a minimal value includes.
#[derive(Default)]
struct Picks {
    pick: HashMap<&'static str, usize>,
    include: Vec<&'static str>,
}

fn flat_fields(s: &'static StructSchema, out: &mut Vec<&'static FieldSchema>) {
    for f in s.fields {
        match (f.location, f.ty) {
            (Location::Flatten, TypeRef::Struct(inner)) => flat_fields(inner, out),
            _ => out.push(f),
        }
    }
}

fn value(ty: &TypeRef, f: &FieldSchema, p: &Picks, output: bool, minimal: bool) -> Dyn {
    let n = p.pick.get(f.name).copied().unwrap_or(0);
    match ty {
        // A copy source's bucket that is the request's own reads back as left out (the
        // header says the same either way): another one round-trips.
        TypeRef::String if f.location == Location::CopySource("bucket") => {
            Dyn::from(TEXTS[(n + 3) % TEXTS.len()])
        }
        TypeRef::String => Dyn::from(TEXTS[n % TEXTS.len()]),
        TypeRef::Bool => Dyn::Bool(true),
        TypeRef::U16 | TypeRef::U32 | TypeRef::U64 => {
            if f.location == Location::Status {
                Dyn::Int(200)
            } else {
                Dyn::Int(NUMBERS[n % NUMBERS.len()])
            }
        }
        TypeRef::ByteRange => Dyn::from(if n % 2 == 0 { "bytes=0-9" } else { "bytes=5-" }),
        TypeRef::Map => Dyn::map([("team", Dyn::from("storage"))]),
        TypeRef::Body => Dyn::Bytes(b"hello".to_vec()),
        TypeRef::Enum(e) => Dyn::from(e.values[n % e.values.len()]),
        TypeRef::Struct(s) => map_of(s, p, output, minimal),
        TypeRef::List(inner) => Dyn::List(
            (0..if output { 2 } else { 1 + n % 2 })
                .map(|_| value(inner, f, p, output, minimal))
                .collect(),
        ),
    }
}

fn map_of(s: &'static StructSchema, p: &Picks, output: bool, minimal: bool) -> Dyn {
    let mut fields = Vec::new();
    flat_fields(s, &mut fields);
    let mut out = Vec::new();
    for f in fields {
        let skip = minimal
            && !p.include.contains(&f.name)
            && (f.optional || matches!(f.ty, TypeRef::Bool | TypeRef::List(_) | TypeRef::Map));
        if skip {
            continue;
        }
        if output && f.location == Location::Header("x-oss-request-id") {
            out.push((f.name.to_owned(), Dyn::from(REQUEST_ID)));
            continue;
        }
        out.push((f.name.to_owned(), value(&f.ty, f, p, output, minimal)));
    }
    Dyn::Map(out)
}

/// Every field name of a struct, nested ones too.
fn names(s: &'static StructSchema, out: &mut Vec<&'static str>) {
    for f in s.fields {
        out.push(f.name);
        let mut t = &f.ty;
        while let TypeRef::List(inner) = t {
            t = inner;
        }
        if let TypeRef::Struct(inner) = t {
            names(inner, out);
        }
    }
}

/// The field of `known` a refusal names: by registry name (alone or as the last part of a
/// dotted path), or in words ("bucket name" for `bucket`).
fn refused_field(known: &[&'static str], ve: &ValidationError) -> Option<&'static str> {
    known
        .iter()
        .copied()
        .find(|n| *n == ve.field || ve.field.ends_with(&format!(".{n}")))
        .or_else(|| {
            let words = ve.field.replace(' ', "_");
            known
                .iter()
                .copied()
                .find(|n| words.starts_with(n) || n.starts_with(&*words))
        })
}

fn valid_input(op: &OpSchema, minimal: bool) -> Result<(Dyn, Box<dyn ErasedOp>, Request), Error> {
    let mut p = Picks::default();
    let mut known = Vec::new();
    names(op.input, &mut known);
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let v = map_of(op.input, &p, false, minimal);
        let built = dynamic::build(op.name, &v).and_then(|e| {
            let req = e.to_request()?;
            Ok((e, req))
        });
        match built {
            Ok((e, req)) => return Ok((v, e, req)),
            Err(Error::Validation(ve)) => {
                let Some(field) = refused_field(&known, &ve) else {
                    return Err(Error::Validation(ve));
                };
                if minimal && !p.include.contains(&field) {
                    p.include.push(field);
                } else {
                    *p.pick.entry(field).or_default() += 1;
                }
                last = Some(ve);
            }
            Err(other) => return Err(other),
        }
    }
    Err(Error::Validation(last.unwrap_or_else(|| {
        ValidationError::new(
            ValidationKind::Argument,
            "input",
            None,
            "no sample value passes the declared rules",
        )
        .in_operation(op.name)
    })))
}

/// A valid input of `op` with every field set: the value, the operation built from it
/// (through [`dynamic::build`]) and the request it sends. The bucket is `sample-01`.
///
/// An error is the last refusal when no candidate satisfies the declared rules (or one
/// that names no field of the input).
pub fn input(op: &OpSchema) -> Result<(Dyn, Box<dyn ErasedOp>, Request), Error> {
    valid_input(op, false)
}

/// A valid input of `op` with only what the rules require: optional fields, booleans,
/// lists and maps are left out unless a rule asks for them.
pub fn minimal_input(op: &OpSchema) -> Result<(Dyn, Box<dyn ErasedOp>, Request), Error> {
    valid_input(op, true)
}

/// An output value of `op` with every field set (lists of two items, status 200), as a
/// response would carry it. Outputs have no rules, so this always succeeds.
pub fn output(op: &OpSchema) -> Dyn {
    map_of(op.output, &Picks::default(), true, false)
}

/// Values that often break a declared rule: blank or overlong text, numbers at the edges of
/// a range, empty or overlong lists.
fn breaking(v: &Dyn) -> Vec<Dyn> {
    match v {
        Dyn::Str(_) => vec![
            Dyn::from(""),
            Dyn::from(" "),
            Dyn::Str("x".repeat(1025)),
            Dyn::Str("x".repeat(70_000)),
        ],
        Dyn::Int(_) => vec![
            Dyn::Int(0),
            Dyn::Int(u16::MAX.into()),
            Dyn::Int(u32::MAX.into()),
        ],
        Dyn::List(items) => {
            let mut out = vec![Dyn::List(Vec::new())];
            if let Some(first) = items.first() {
                out.push(Dyn::List(vec![first.clone(); 1001]));
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Every value of `v` at or below `path`, with the path to it (map keys and list indexes).
fn leaves(v: &Dyn, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    match v {
        Dyn::Map(m) => {
            for (k, x) in m {
                path.push(k.clone());
                leaves(x, path, out);
                path.pop();
            }
        }
        Dyn::List(items) => {
            for (i, x) in items.iter().enumerate() {
                path.push(i.to_string());
                leaves(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `v` with the value at `path` replaced by `new`.
fn replaced(v: &Dyn, path: &[String], new: &Dyn) -> Dyn {
    let Some((first, rest)) = path.split_first() else {
        return new.clone();
    };
    match v {
        Dyn::Map(m) => Dyn::Map(
            m.iter()
                .map(|(k, x)| {
                    if k == first {
                        (k.clone(), replaced(x, rest, new))
                    } else {
                        (k.clone(), x.clone())
                    }
                })
                .collect(),
        ),
        Dyn::List(items) => Dyn::List(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if i.to_string() == *first {
                        replaced(x, rest, new)
                    } else {
                        x.clone()
                    }
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// An input of `op` that every type accepts but a declared rule refuses, broken inside its
/// field `field` (a document, say), with the refusal: what tests of the side that checks
/// the rules (a server) send. `None` when no such value is found (the field has no rule,
/// or none of the usual suspects breaks it).
///
/// ```
/// use ossio_core::ops::{operation, sample};
/// let op = operation("CreateAccessPoint").unwrap();
/// let (bad, refusal) = sample::invalid_input(op, "access_point_name").unwrap();
/// assert!(ossio_core::ops::dynamic::build(op.name, &bad)?.to_request().is_err());
/// assert!(refusal.to_string().contains("access point name"), "{refusal}");
/// # Ok::<(), ossio_core::Error>(())
/// ```
pub fn invalid_input(op: &OpSchema, field: &str) -> Option<(Dyn, ValidationError)> {
    let (valid, _, _) = input(op).ok()?;
    let start = valid.get(field)?;
    let mut paths = Vec::new();
    leaves(start, &mut vec![field.to_owned()], &mut paths);
    for path in paths {
        let mut at = &valid;
        for p in &path {
            at = match at {
                Dyn::Map(_) => at.get(p)?,
                Dyn::List(items) => items.get(p.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        for bad in breaking(at) {
            let v = replaced(&valid, &path, &bad);
            // A value its type refuses is not what this is for.
            let Ok(built) = dynamic::build(op.name, &v) else {
                continue;
            };
            if let Err(Error::Validation(refusal)) = built.to_request() {
                return Some((v, refusal));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_a_valid_sample() {
        for op in super::super::OPERATIONS.iter() {
            let (v, e, req) = input(op).unwrap_or_else(|e| panic!("{}: {e}", op.name));
            assert_eq!(req.method, op.method, "{}", op.name);
            assert_eq!(e.schema().name, op.name);
            assert!(matches!(v, Dyn::Map(_)));
            minimal_input(op).unwrap_or_else(|e| panic!("{}: {e}", op.name));
        }
    }

    #[test]
    fn invalid_inputs_break_a_rule_only() {
        let mut found = 0;
        for op in super::super::OPERATIONS.iter() {
            for f in op.input.fields {
                if let Some((v, refusal)) = invalid_input(op, f.name) {
                    let built = dynamic::build(op.name, &v).expect("types accept it");
                    match built.to_request() {
                        Err(Error::Validation(again)) => assert_eq!(again, refusal),
                        other => panic!("{}: {other:?}", op.name),
                    }
                    found += 1;
                }
            }
        }
        assert!(found > 0);
    }
}
