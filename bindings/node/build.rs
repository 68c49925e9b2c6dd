//! Linker setup napi-rs needs on some platforms (macOS dynamic lookup).
fn main() {
    napi_build::setup();
}
