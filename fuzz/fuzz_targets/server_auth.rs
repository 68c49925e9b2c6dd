#![no_main]
//! Fuzz target `server_auth`: see `ossio_props::fuzzing::server_auth`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ossio_props::fuzzing::server_auth(data);
});
