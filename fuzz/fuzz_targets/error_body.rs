#![no_main]
//! Fuzz target `error_body`: see `ossio_props::fuzzing::error_body`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::error_body(data);
});
