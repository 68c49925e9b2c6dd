//! The native module `ossio._ossio` behind the `ossio` Python package. It is a thin layer:
//! every protocol rule comes from `ossio_core`, every network call from the `ossio` client.

// Python constructors mirror keyword-argument lists, so long signatures are the norm here.
#![allow(clippy::too_many_arguments)]

mod bridge;
mod client;
mod credentials;
mod errors;
mod sansio;
mod testing;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _ossio(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<sansio::Credentials>()?;
    m.add_class::<sansio::Request>()?;
    m.add_class::<sansio::SignedRequest>()?;
    m.add_class::<sansio::PresignedRequest>()?;
    m.add_class::<sansio::Signer>()?;
    credentials::register(m)?;
    m.add_class::<bridge::NativeOp>()?;
    m.add_function(wrap_pyfunction!(bridge::_register, m)?)?;
    m.add_function(wrap_pyfunction!(bridge::_init_op, m)?)?;
    m.add_function(wrap_pyfunction!(bridge::_new_op, m)?)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<testing::NativeServer>()?;
    m.add_class::<testing::ServerSnapshot>()?;
    m.add_function(wrap_pyfunction!(sansio::_v1_signature, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::_v4_canonical_headers, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::_panic_for_test, m)?)?;
    Ok(())
}
