#![no_main]
//! Fuzz target `response_parsers`: see `ossio_props::fuzzing::response_parsers`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::response_parsers(data);
});
