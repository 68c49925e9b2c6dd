#![no_main]
//! Fuzz target `encoding`: see `ossio_props::fuzzing::encoding`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::encoding(data);
});
