#![no_main]
//! Fuzz target `x_oss_err`: see `ossio_props::fuzzing::x_oss_err`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::x_oss_err(data);
});
