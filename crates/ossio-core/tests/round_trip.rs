//! Round trips for every registered operation, driven by the registry alone: for each, a
//! value is made from its input schema (every field, then only what is required), built
//! into a request, routed back to the same operation and read back as the same value
//! (`from_request(to_request(x)) == x`); a value made from its output schema is written as
//! a response and parsed back as the same value (`parse(to_response(y)) == y`). A new
//! declaration is covered the moment it is registered, with no example written by hand.

use ossio_core::ops::OPERATIONS;
use ossio_core::ops::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::dynamic::{self, Dyn};
use ossio_core::{Body, Error};
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
];
/// Number candidates.
const NUMBERS: &[i128] = &[1, 100, 1000, 102400, 0, 365, 10000, 819200];

/// Fields the core fills in when the caller leaves them out: read back from the request,
/// they hold the filled-in value (PutObject's `Content-Type`, guessed from the key).
const FILLED_WHEN_BUILT: &[(&str, &str)] = &[("PutObject", "content_type")];

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
            out.push((f.name.to_owned(), Dyn::from("5C3D9778CC1C2AEDF85BC6AA")));
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

/// A valid input of `op`: candidates advance for the field each refusal names.
fn valid_input(
    op: &OpSchema,
    minimal: bool,
) -> (Dyn, Box<dyn dynamic::ErasedOp>, ossio_core::Request) {
    let mut p = Picks::default();
    let mut known = Vec::new();
    names(op.input, &mut known);
    let mut last = String::new();
    for _ in 0..64 {
        let v = map_of(op.input, &p, false, minimal);
        let built = dynamic::build(op.name, &v).and_then(|e| {
            let req = e.to_request()?;
            Ok((e, req))
        });
        match built {
            Ok((e, req)) => return (v, e, req),
            Err(Error::Validation(ve)) => {
                let field = known
                    .iter()
                    .copied()
                    .find(|n| *n == ve.field || ve.field.ends_with(&format!(".{n}")))
                    .or_else(|| {
                        // Rules that name a field in words ("bucket name", "object key").
                        let words = ve.field.replace(' ', "_");
                        known
                            .iter()
                            .copied()
                            .find(|n| words.starts_with(n) || n.starts_with(&*words))
                    })
                    .unwrap_or_else(|| {
                        panic!("{}: a refusal names no field of the input: {ve}", op.name)
                    });
                if minimal && !p.include.contains(&field) {
                    p.include.push(field);
                } else {
                    *p.pick.entry(field).or_default() += 1;
                }
                last = ve.to_string();
            }
            Err(other) => panic!("{}: {other}", op.name),
        }
    }
    panic!(
        "{}: no sample input passes the rules; last: {last}",
        op.name
    )
}

fn check_input(op: &OpSchema, minimal: bool) {
    let (_, erased, req) = valid_input(op, minimal);
    assert_eq!(req.method, op.method, "{}", op.name);
    assert_eq!(
        ossio_core::ops::route(&req).map(|o| o.name),
        Some(op.name),
        "{}: the request routes back to its operation",
        op.name
    );
    let mut back = erased
        .read_request(&req)
        .unwrap_or_else(|e| panic!("{}: {e}", op.name));
    let given = erased.input();
    if let (Dyn::Map(back), Dyn::Map(given)) = (&mut back, &given) {
        for (_, field) in FILLED_WHEN_BUILT.iter().filter(|(o, _)| *o == op.name) {
            let left_out = given
                .iter()
                .find(|(k, _)| k == field)
                .is_none_or(|(_, v)| *v == Dyn::Null);
            if let (true, Some(slot)) = (left_out, back.iter_mut().find(|(k, _)| k == field)) {
                assert_ne!(slot.1, Dyn::Null, "{}: {field} is filled in", op.name);
                slot.1 = Dyn::Null;
            }
        }
    }
    assert_eq!(back, given, "{}: read back from its request", op.name);
    // And the value read back builds the very same request.
    let again = dynamic::build(op.name, &back)
        .and_then(|e| e.to_request())
        .unwrap_or_else(|e| panic!("{}: {e}", op.name));
    let mut expected = req.clone();
    if matches!(req.body, Body::Stream { .. }) {
        expected.body = again.body.clone();
    }
    assert_eq!(again, expected, "{}", op.name);
}

#[test]
fn every_input_round_trips_through_its_request() {
    for op in OPERATIONS.iter() {
        check_input(op, false);
        check_input(op, true);
    }
}

#[test]
fn every_output_round_trips_through_its_response() {
    for op in OPERATIONS.iter() {
        let (_, erased, _) = valid_input(op, false);
        let y = map_of(op.output, &Picks::default(), true, false);
        let parts = erased
            .response_for(&y)
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        let back = erased
            .parse_response(&parts.as_response())
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(back, y, "{}: parsed back from its response", op.name);
    }
}
