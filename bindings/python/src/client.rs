//! The native side of `ossio.Client`: the Rust `ossio::Client`, with the GIL released
//! while it waits on the network.

use crate::bridge::NativeOp;
use crate::errors::{self, guard};
use crate::sansio::{PresignedRequest, Request, seconds_of};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

/// A client error as the matching `ossio` exception.
pub fn client_error(py: Python<'_>, e: &ossio::Error) -> PyErr {
    let set = |err: PyErr, attrs: &[(&str, Py<PyAny>)]| {
        let value = err.value(py);
        for (k, v) in attrs {
            let _ = value.setattr(*k, v);
        }
        err
    };
    let obj = |v: &dyn Fn(Python<'_>) -> PyResult<Bound<'_, PyAny>>| -> Py<PyAny> {
        v(py).map(Bound::unbind).unwrap_or_else(|_| py.None())
    };
    match e {
        ossio::Error::Validation(v) => errors::validation(py, v),
        ossio::Error::Service {
            operation,
            error,
            string_to_sign,
        } => errors::service(py, error, Some(operation), string_to_sign.as_deref()),
        ossio::Error::Parse { operation, error } => errors::parse(py, error, Some(operation)),
        ossio::Error::Transport {
            operation,
            retryable,
            ..
        } => set(
            named(py, "TransportError", e.to_string()),
            &[
                (
                    "operation",
                    obj(&|py| Ok(operation.into_pyobject(py)?.into_any())),
                ),
                (
                    "retryable",
                    obj(&|py| Ok(retryable.into_pyobject(py)?.to_owned().into_any())),
                ),
            ],
        ),
        ossio::Error::Crc {
            operation,
            expected,
            actual,
        } => set(
            named(py, "ChecksumError", e.to_string()),
            &[
                (
                    "operation",
                    obj(&|py| Ok(operation.into_pyobject(py)?.into_any())),
                ),
                (
                    "expected",
                    obj(&|py| Ok(expected.into_pyobject(py)?.into_any())),
                ),
                (
                    "actual",
                    obj(&|py| Ok(actual.into_pyobject(py)?.into_any())),
                ),
            ],
        ),
        ossio::Error::Config(_) => named(py, "ConfigError", e.to_string()),
        ossio::Error::Credentials(_) => named(py, "CredentialsError", e.to_string()),
        ossio::Error::CredentialsExpired(_) => named(py, "CredentialsExpiredError", e.to_string()),
        ossio::Error::Io { operation, .. } => set(
            named(py, "LocalIoError", e.to_string()),
            &[(
                "operation",
                obj(&|py| Ok(operation.into_pyobject(py)?.into_any())),
            )],
        ),
        _ => errors::oss_error(py, e.to_string()),
    }
}

fn named(py: Python<'_>, class: &str, message: String) -> PyErr {
    match py
        .import("ossio.exceptions")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.call1((message,)))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// Reads from a Python binary file object, taking the GIL only for each `read` call.
struct PyReader(Py<PyAny>);

impl Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Python::attach(|py| {
            let chunk = self
                .0
                .call_method1(py, "read", (buf.len(),))
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            let chunk = chunk.bind(py);
            let bytes = chunk
                .cast::<PyBytes>()
                .map_err(|_| std::io::Error::other("read() must return bytes"))?
                .as_bytes();
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            Ok(n)
        })
    }
}

/// The blocking client; `ossio.Client` (Python) wraps it with one method per operation,
/// all of them sending through the same few methods here.
#[pyclass(frozen, module = "ossio")]
pub struct NativeClient {
    inner: ossio::Client,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (region = None, *, endpoint = None, credentials = None, addressing = None, signature_version = None, timeout = None, connect_timeout = None, retries = None, additional_headers = Vec::new()))]
    fn new(
        py: Python<'_>,
        region: Option<String>,
        endpoint: Option<String>,
        credentials: Option<&Bound<'_, PyAny>>,
        addressing: Option<&str>,
        signature_version: Option<&str>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        retries: Option<u32>,
        additional_headers: Vec<String>,
    ) -> PyResult<Self> {
        guard(py, || {
            let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
            let region = region.or_else(|| env("OSS_REGION")).ok_or_else(|| {
                named(
                    py,
                    "ConfigError",
                    "no region: pass region= or set OSS_REGION".into(),
                )
            })?;
            let mut b = ossio::Client::builder(&region);
            if let Some(e) = endpoint.or_else(|| env("OSS_ENDPOINT")) {
                b = b.endpoint(&e);
            }
            if let Some(c) = credentials {
                let provider = crate::credentials::provider_of(py, c, "credentials")?;
                b = b.credentials_provider(provider);
            }
            if let Some(a) = addressing {
                b = b.addressing(a.parse().map_err(|e| errors::validation(py, &e))?);
            }
            if let Some(v) = signature_version {
                b = b.signature_version(v.parse().map_err(|e| errors::validation(py, &e))?);
            }
            let secs = |v: f64, what: &str| {
                if v.is_finite() && v > 0.0 {
                    Ok(Duration::from_secs_f64(v))
                } else {
                    Err(errors::argument(
                        py,
                        what,
                        "must be a positive number of seconds",
                    ))
                }
            };
            if let Some(t) = timeout {
                let d = secs(t, "timeout")?;
                b = b.read_timeout(d).write_timeout(d).connect_timeout(d);
            }
            if let Some(t) = connect_timeout {
                b = b.connect_timeout(secs(t, "connect_timeout")?);
            }
            if let Some(n) = retries {
                b = b.retry_policy(if n == 0 {
                    ossio::RetryPolicy::none()
                } else {
                    ossio::RetryPolicy::default().max_attempts(n + 1)
                });
            }
            if !additional_headers.is_empty() {
                b = b.additional_headers(additional_headers);
            }
            let inner = b.build().map_err(|e| client_error(py, &e))?;
            Ok(NativeClient { inner })
        })
    }

    /// Sends an operation and returns its result.
    fn send<'py>(&self, py: Python<'py>, op: &NativeOp) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let out = py
                .detach(|| self.inner.send_dyn(&*op.op))
                .map_err(|e| client_error(py, &e))?;
            op.output(py, &out)
        })
    }

    /// Uploads the file at `path` as the body of `op`, streamed.
    fn send_from_file<'py>(
        &self,
        py: Python<'py>,
        op: &NativeOp,
        path: PathBuf,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let out = py
                .detach(|| self.inner.send_dyn_from_file(&*op.op, &path))
                .map_err(|e| client_error(py, &e))?;
            op.output(py, &out)
        })
    }

    /// Uploads `length` bytes read from a binary file object as the body of `op`, streamed.
    fn send_from_reader<'py>(
        &self,
        py: Python<'py>,
        op: &NativeOp,
        reader: Py<PyAny>,
        length: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let reader = PyReader(reader);
            let out = py
                .detach(|| self.inner.send_dyn_from_reader(&*op.op, reader, length))
                .map_err(|e| client_error(py, &e))?;
            op.output(py, &out)
        })
    }

    /// Downloads into memory: `(data, result)`.
    fn download<'py>(
        &self,
        py: Python<'py>,
        op: &NativeOp,
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyAny>)> {
        guard(py, || {
            let (data, meta) = py
                .detach(|| -> Result<_, ossio::Error> {
                    let mut reader = self.inner.send_dyn_for_reader(&*op.op)?;
                    let mut data = Vec::new();
                    reader
                        .read_to_end(&mut data)
                        .map_err(|e| io_error(&e, op.schema().name))?;
                    Ok((data, reader.into_meta()))
                })
                .map_err(|e| client_error(py, &e))?;
            Ok((PyBytes::new(py, &data), op.output(py, &meta)?))
        })
    }

    /// Downloads into a new file at `path` (started over when a transfer is cut short).
    fn download_to_file<'py>(
        &self,
        py: Python<'py>,
        op: &NativeOp,
        path: PathBuf,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let meta = py
                .detach(|| self.inner.send_dyn_to_file(&*op.op, &path))
                .map_err(|e| client_error(py, &e))?;
            op.output(py, &meta)
        })
    }

    /// Downloads into a binary file object, chunk by chunk.
    fn download_to_writer<'py>(
        &self,
        py: Python<'py>,
        op: &NativeOp,
        writer: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let name = op.schema().name;
            let mut reader = py
                .detach(|| self.inner.send_dyn_for_reader(&*op.op))
                .map_err(|e| client_error(py, &e))?;
            let mut buf = vec![0u8; 256 * 1024];
            loop {
                let n = py
                    .detach(|| reader.read(&mut buf))
                    .map_err(|e| client_error(py, &io_error(&e, name)))?;
                if n == 0 {
                    break;
                }
                writer.call_method1("write", (PyBytes::new(py, &buf[..n]),))?;
            }
            op.output(py, &reader.into_meta())
        })
    }

    /// Presigns `request` for `expires` seconds from now.
    #[pyo3(signature = (request, expires = None))]
    fn presign(
        &self,
        py: Python<'_>,
        request: &Request,
        expires: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PresignedRequest> {
        guard(py, || {
            let secs = match expires.filter(|e| !e.is_none()) {
                Some(e) => seconds_of(py, e, "expires")?,
                None => 3600,
            };
            let inner = py
                .detach(|| {
                    self.inner
                        .presign(&request.inner, Duration::from_secs(secs))
                })
                .map_err(|e| client_error(py, &e))?;
            Ok(PresignedRequest { inner })
        })
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Client(region={:?}, endpoint={:?})",
            c.region,
            format!("{}://{}", c.endpoint.scheme.as_str(), c.endpoint.host)
        )
    }
}

fn io_error(e: &std::io::Error, operation: &'static str) -> ossio::Error {
    // The client's reader reports its own failures (CRC, transport) as io errors that
    // carry the client error inside.
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ossio::Error>()) {
        return inner.clone();
    }
    ossio::Error::Transport {
        operation,
        message: e.to_string(),
        retryable: false,
    }
}
