#![no_main]
//! Fuzz target `request_bodies`: see `ossio_props::fuzzing::request_bodies`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::request_bodies(data);
});
