//! `ossio.testing`: ossio-server run in-process on Rust threads, with its controls.

use ossio_server::{ServerConfig, ServerHandle, Snapshot};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::time::{Duration, UNIX_EPOCH};

fn os_err(e: std::io::Error) -> PyErr {
    PyOSError::new_err(e.to_string())
}

/// A running local OSS server; stopped by `stop()` or when collected.
#[pyclass(module = "ossio.testing")]
pub struct NativeServer {
    handle: Option<ServerHandle>,
}

impl NativeServer {
    fn handle(&self) -> PyResult<&ServerHandle> {
        self.handle
            .as_ref()
            .ok_or_else(|| PyValueError::new_err("the server is stopped"))
    }
}

/// A copy of a server's whole state.
#[pyclass(frozen, module = "ossio.testing")]
pub struct ServerSnapshot {
    inner: Snapshot,
}

#[pymethods]
impl NativeServer {
    #[new]
    #[pyo3(signature = (*, keys, sts, region, host = "127.0.0.1".to_owned(), port = 0, data_dir = None, domains = Vec::new()))]
    fn new(
        py: Python<'_>,
        keys: Vec<(String, String)>,
        sts: Vec<(String, String, String)>,
        region: String,
        host: String,
        port: u16,
        data_dir: Option<std::path::PathBuf>,
        domains: Vec<String>,
    ) -> PyResult<Self> {
        let ip: std::net::IpAddr = host
            .parse()
            .map_err(|_| PyValueError::new_err(format!("host must be an IP address: {host:?}")))?;
        let mut config = ServerConfig::new()
            .addr(std::net::SocketAddr::new(ip, port))
            .region(&region);
        for (ak, sk) in &keys {
            config = config.key(ak, sk);
        }
        for (ak, sk, token) in &sts {
            config = config.sts(ak, sk, token);
        }
        if let Some(d) = data_dir {
            config = config.data_dir(d);
        }
        for d in &domains {
            config = config.domain(d);
        }
        let handle = py.detach(|| ossio_server::start(config)).map_err(os_err)?;
        Ok(NativeServer {
            handle: Some(handle),
        })
    }

    /// `http://127.0.0.1:<port>`.
    #[getter]
    fn endpoint(&self) -> PyResult<String> {
        Ok(self.handle()?.endpoint())
    }

    /// The region requests must be signed for.
    #[getter]
    fn region(&self) -> PyResult<String> {
        Ok(self.handle()?.region().to_owned())
    }

    fn fail_next(&self, n: usize, status: u16, code: &str) -> PyResult<()> {
        self.handle()?.faults().fail_next(n, status, code);
        Ok(())
    }

    fn drop_next(&self, n: usize) -> PyResult<()> {
        self.handle()?.faults().drop_next(n);
        Ok(())
    }

    fn truncate_next(&self, n: usize) -> PyResult<()> {
        self.handle()?.faults().truncate_next(n);
        Ok(())
    }

    fn delay_next(&self, n: usize, seconds: f64) -> PyResult<()> {
        let d = Duration::try_from_secs_f64(seconds)
            .map_err(|_| PyValueError::new_err(format!("bad delay {seconds}")))?;
        self.handle()?.faults().delay_next(n, d);
        Ok(())
    }

    fn corrupt_crc_next(&self, n: usize) -> PyResult<()> {
        self.handle()?.faults().corrupt_crc_next(n);
        Ok(())
    }

    fn set_clock_skew(&self, seconds: i64) -> PyResult<()> {
        self.handle()?.faults().set_clock_skew(seconds);
        Ok(())
    }

    fn clear_faults(&self) -> PyResult<()> {
        self.handle()?.faults().clear();
        Ok(())
    }

    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        let h = self.handle()?;
        py.detach(|| h.reset()).map_err(os_err)
    }

    fn snapshot(&self, py: Python<'_>) -> PyResult<ServerSnapshot> {
        let h = self.handle()?;
        let inner = py.detach(|| h.snapshot()).map_err(os_err)?;
        Ok(ServerSnapshot { inner })
    }

    fn restore(&self, py: Python<'_>, snapshot: &ServerSnapshot) -> PyResult<()> {
        let h = self.handle()?;
        py.detach(|| h.restore(&snapshot.inner)).map_err(os_err)
    }

    /// Every request served so far, as dicts, oldest first.
    fn requests<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.handle()?
            .requests()
            .into_iter()
            .map(|r| {
                let d = PyDict::new(py);
                d.set_item("operation", r.operation)?;
                d.set_item("method", r.method)?;
                d.set_item("bucket", r.bucket)?;
                d.set_item("key", r.key)?;
                d.set_item("status", r.status)?;
                d.set_item("error_code", r.error_code)?;
                d.set_item("access_key_id", r.access_key_id)?;
                d.set_item("fault", r.fault)?;
                d.set_item("request_id", r.request_id)?;
                let t = r.time.duration_since(UNIX_EPOCH).unwrap_or_default();
                d.set_item("time", t.as_secs_f64())?;
                Ok(d)
            })
            .collect()
    }

    fn clear_requests(&self) -> PyResult<()> {
        self.handle()?.clear_requests();
        Ok(())
    }

    /// Stops the server and joins its threads; idempotent.
    fn stop(&mut self, py: Python<'_>) {
        if let Some(h) = self.handle.take() {
            py.detach(move || drop(h));
        }
    }
}
