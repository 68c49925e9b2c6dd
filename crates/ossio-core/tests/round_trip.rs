//! Round trips for every registered operation, driven by the registry alone: for each, a
//! value is made from its input schema by [`ossio_core::ops::sample`] (every field, then
//! only what is required), built into a request, routed back to the same operation and read
//! back as the same value (`from_request(to_request(x)) == x`); a value made from its output
//! schema is written as a response and parsed back as the same value
//! (`parse(to_response(y)) == y`). A new declaration is covered the moment it is
//! registered, with no example written by hand.

use ossio_core::Body;
use ossio_core::ops::decl::OpSchema;
use ossio_core::ops::dynamic::{self, Dyn};
use ossio_core::ops::{OPERATIONS, sample};

/// Fields the core fills in when the caller leaves them out: read back from the request,
/// they hold the filled-in value (PutObject's `Content-Type`, guessed from the key).
const FILLED_WHEN_BUILT: &[(&str, &str)] = &[("PutObject", "content_type")];

fn check_input(op: &OpSchema, minimal: bool) {
    let made = if minimal {
        sample::minimal_input(op)
    } else {
        sample::input(op)
    };
    let (_, erased, req) = made.unwrap_or_else(|e| panic!("{}: {e}", op.name));
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
    let as_read = back.clone();
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
    // The registry's reader gives the same operation back.
    let read = dynamic::from_request(op.name, &req).unwrap_or_else(|e| panic!("{}: {e}", op.name));
    assert_eq!(read.input(), as_read, "{}", op.name);
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
        let (_, erased, _) = sample::input(op).unwrap_or_else(|e| panic!("{}: {e}", op.name));
        let y = sample::output(op);
        let parts = erased
            .response_for(&y)
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        let back = erased
            .parse_response(&parts.as_response())
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(back, y, "{}: parsed back from its response", op.name);
    }
}
