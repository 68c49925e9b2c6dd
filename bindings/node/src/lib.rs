//! Node.js binding of ossio: the native half of the `ossio` npm package.
//!
//! It is thin on purpose: every protocol rule comes from `ossio_core`, every network call
//! from the `ossio` client. The JavaScript wrapper (`index.js`) gives the public API its
//! shape; this crate converts values and errors and keeps Rust panics away from Node.

// The `#[napi]` macros expand to FFI glue that needs `unsafe`; this crate writes none itself.
#![allow(unsafe_code)]

mod client;
mod credentials;
mod error;
mod ops;
mod signer;
mod testing;

pub use client::NativeClient;
pub use credentials::{NativeCredentials, NativeProvider};
pub use ops::NativeOp;
pub use signer::NativeSigner;
pub use testing::{NativeServer, NativeServerSnapshot};
