//! Turning Rust errors (and panics) into the exceptions of `ossio.exceptions`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The Python module that defines the exception classes.
const EXCEPTIONS: &str = "ossio.exceptions";

/// An exception instance of class `name` from `ossio.exceptions`, built by calling the class
/// with `args` and then setting `attrs`.
fn build<'py>(
    py: Python<'py>,
    name: &str,
    message: String,
    attrs: &[(&str, Bound<'py, PyAny>)],
) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let cls = py.import(EXCEPTIONS)?.getattr(name)?;
        let exc = cls.call1(PyTuple::new(py, [message])?)?;
        for (k, v) in attrs {
            exc.setattr(*k, v)?;
        }
        Ok(PyErr::from_value(exc))
    })();
    made.unwrap_or_else(|e| e)
}

fn s<'py>(py: Python<'py>, v: &str) -> Bound<'py, PyAny> {
    v.into_pyobject(py).expect("str").into_any()
}

fn opt<'py>(py: Python<'py>, v: Option<&str>) -> Bound<'py, PyAny> {
    match v {
        Some(v) => s(py, v),
        None => py.None().into_bound(py),
    }
}

/// `ossio.OssError(message)`.
pub fn oss_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    build(py, "OssError", message.into(), &[])
}

/// `ossio.ValidationError` for a core validation error.
pub fn validation(py: Python<'_>, e: &ossio_core::ValidationError) -> PyErr {
    build(
        py,
        "ValidationError",
        e.to_string(),
        &[
            ("kind", s(py, &format!("{:?}", e.kind))),
            ("field", s(py, &e.field)),
            ("value", opt(py, e.value.as_deref())),
            ("reason", s(py, &e.reason)),
            ("operation", opt(py, e.operation)),
        ],
    )
}

/// A plain `ossio.ValidationError` for a bad argument of the binding itself (a wrong type
/// or a naive datetime).
pub fn argument(py: Python<'_>, field: &str, reason: &str) -> PyErr {
    build(
        py,
        "ValidationError",
        format!("invalid {field}: {reason}"),
        &[
            ("kind", s(py, "Argument")),
            ("field", s(py, field)),
            ("value", py.None().into_bound(py)),
            ("reason", s(py, reason)),
        ],
    )
}

/// The `ossio.ServiceError` subclass for the error's code.
pub fn service(
    py: Python<'_>,
    e: &ossio_core::ServiceError,
    operation: Option<&str>,
    string_to_sign: Option<&str>,
) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let details = PyDict::new(py);
        for (k, v) in &e.details {
            details.set_item(k, v)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("status", e.status)?;
        kwargs.set_item("code", &e.code)?;
        kwargs.set_item("message", &e.message)?;
        kwargs.set_item("request_id", &e.request_id)?;
        kwargs.set_item("host_id", &e.host_id)?;
        kwargs.set_item("ec", &e.ec)?;
        kwargs.set_item("recommend_doc", &e.recommend_doc)?;
        kwargs.set_item("details", details)?;
        kwargs.set_item("operation", operation)?;
        kwargs.set_item("string_to_sign", string_to_sign)?;
        let exc = py
            .import(EXCEPTIONS)?
            .getattr("_service_error")?
            .call((e.to_string(),), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    })();
    made.unwrap_or_else(|e| e)
}

/// `ossio.ParseError`.
pub fn parse(py: Python<'_>, e: &ossio_core::ParseError, operation: Option<&str>) -> PyErr {
    let status = e.status.into_pyobject(py).expect("int").into_any();
    build(
        py,
        "ParseError",
        match operation {
            Some(op) => format!("{op}: {e}"),
            None => e.to_string(),
        },
        &[
            ("status", status),
            ("request_id", opt(py, e.request_id.as_deref())),
            ("operation", opt(py, operation)),
        ],
    )
}

/// Any core error.
pub fn core(py: Python<'_>, e: &ossio_core::Error, operation: Option<&str>) -> PyErr {
    match e {
        ossio_core::Error::Validation(v) => validation(py, v),
        ossio_core::Error::Service(se) => service(py, se, operation, None),
        ossio_core::Error::Parse(pe) => parse(py, pe, operation),
    }
}

/// Extension: `.map_err(to_py(py))` for core results.
pub trait IntoPyResult<T> {
    /// Converts the error into the matching Python exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, ossio_core::Error> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| core(py, &e, None))
    }
}

impl<T> IntoPyResult<T> for Result<T, ossio_core::ValidationError> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| validation(py, &e))
    }
}

/// Runs `f`, turning a Rust panic into `ossio.OssError` so that `PanicException` (a
/// `BaseException` that `except Exception` misses) never reaches Python.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(oss_error(
                py,
                format!("internal error in ossio (please report it): {what}"),
            ))
        }
    }
}
