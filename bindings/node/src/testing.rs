//! `ossio/testing`: ossio-server run in-process on Rust threads, with its controls.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use ossio_server::{ServerConfig, ServerHandle, Snapshot};
use std::time::{Duration, UNIX_EPOCH};

fn io_err(e: std::io::Error) -> Error {
    Error::from_reason(e.to_string())
}

/// Options of a local server (shaped by `testing.js`).
#[napi(object)]
pub struct NativeServerOptions {
    /// `[accessKeyId, accessKeySecret]` pairs.
    pub keys: Vec<Vec<String>>,
    /// `[accessKeyId, accessKeySecret, securityToken]` triples.
    pub sts: Vec<Vec<String>>,
    /// The region to sign for.
    pub region: String,
    /// Port on 127.0.0.1 (0: any free port).
    pub port: Option<u32>,
    /// Keep state durably in this directory.
    pub data_dir: Option<String>,
    /// Domains for virtual-hosted addressing.
    pub domains: Option<Vec<String>>,
}

/// One logged request.
#[napi(object)]
pub struct NativeRequestRecord {
    /// API name, or null when no served operation matched.
    pub operation: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Bucket (or alias).
    pub bucket: Option<String>,
    /// Object key.
    pub key: Option<String>,
    /// Status answered.
    pub status: u32,
    /// OSS error code of an error answer.
    pub error_code: Option<String>,
    /// Access key id the request was signed with.
    pub access_key_id: Option<String>,
    /// The injected fault's name, if any.
    pub fault: Option<String>,
    /// `x-oss-request-id`.
    pub request_id: String,
    /// Arrival, in milliseconds since the epoch.
    pub time: f64,
}

/// A copy of a server's whole state.
#[napi]
pub struct NativeServerSnapshot {
    inner: Snapshot,
}

/// A running local OSS server.
#[napi]
pub struct NativeServer {
    handle: Option<ServerHandle>,
}

impl NativeServer {
    fn handle(&self) -> Result<&ServerHandle> {
        self.handle
            .as_ref()
            .ok_or_else(|| Error::from_reason("the server is closed"))
    }
}

fn pair<const N: usize>(v: &[String], what: &str) -> Result<[String; N]> {
    <[String; N]>::try_from(v.to_vec())
        .map_err(|_| Error::from_reason(format!("{what} must have {N} strings")))
}

#[napi]
impl NativeServer {
    /// Starts a server on 127.0.0.1.
    #[napi(constructor)]
    pub fn new(options: NativeServerOptions) -> Result<Self> {
        let port = u16::try_from(options.port.unwrap_or(0))
            .map_err(|_| Error::from_reason("port must be 0 to 65535"))?;
        let mut config = ServerConfig::new()
            .addr(std::net::SocketAddr::from(([127, 0, 0, 1], port)))
            .region(&options.region);
        for k in &options.keys {
            let [ak, sk] = pair::<2>(k, "a key")?;
            config = config.key(&ak, &sk);
        }
        for k in &options.sts {
            let [ak, sk, token] = pair::<3>(k, "an STS key")?;
            config = config.sts(&ak, &sk, &token);
        }
        if let Some(d) = options.data_dir {
            config = config.data_dir(d);
        }
        for d in options.domains.unwrap_or_default() {
            config = config.domain(&d);
        }
        let handle = ossio_server::start(config).map_err(io_err)?;
        Ok(NativeServer {
            handle: Some(handle),
        })
    }

    /// `http://127.0.0.1:<port>`.
    #[napi(getter)]
    pub fn endpoint(&self) -> Result<String> {
        Ok(self.handle()?.endpoint())
    }

    /// The region.
    #[napi(getter)]
    pub fn region(&self) -> Result<String> {
        Ok(self.handle()?.region().to_owned())
    }

    /// The next `n` requests fail with `status` and `code`.
    #[napi]
    pub fn fail_next(&self, n: u32, status: u32, code: String) -> Result<()> {
        let status = u16::try_from(status).map_err(|_| Error::from_reason("bad status"))?;
        self.handle()?.faults().fail_next(n as usize, status, &code);
        Ok(())
    }

    /// The next `n` connections close without an answer.
    #[napi]
    pub fn drop_next(&self, n: u32) -> Result<()> {
        self.handle()?.faults().drop_next(n as usize);
        Ok(())
    }

    /// The next `n` answers stop half-way.
    #[napi]
    pub fn truncate_next(&self, n: u32) -> Result<()> {
        self.handle()?.faults().truncate_next(n as usize);
        Ok(())
    }

    /// The next `n` requests wait `ms` milliseconds.
    #[napi]
    pub fn delay_next(&self, n: u32, ms: u32) -> Result<()> {
        self.handle()?
            .faults()
            .delay_next(n as usize, Duration::from_millis(ms.into()));
        Ok(())
    }

    /// The next `n` answers carry a wrong CRC-64.
    #[napi]
    pub fn corrupt_crc_next(&self, n: u32) -> Result<()> {
        self.handle()?.faults().corrupt_crc_next(n as usize);
        Ok(())
    }

    /// Moves the server's clock by `seconds`.
    #[napi]
    pub fn set_clock_skew(&self, seconds: i64) -> Result<()> {
        self.handle()?.faults().set_clock_skew(seconds);
        Ok(())
    }

    /// Drops queued faults and the clock skew.
    #[napi]
    pub fn clear_faults(&self) -> Result<()> {
        self.handle()?.faults().clear();
        Ok(())
    }

    /// Drops every bucket, object and access point.
    #[napi]
    pub fn reset(&self) -> Result<()> {
        self.handle()?.reset().map_err(io_err)
    }

    /// A copy of the whole state.
    #[napi]
    pub fn snapshot(&self) -> Result<NativeServerSnapshot> {
        let inner = self.handle()?.snapshot().map_err(io_err)?;
        Ok(NativeServerSnapshot { inner })
    }

    /// Puts a snapshot back.
    #[napi]
    pub fn restore(&self, snapshot: &NativeServerSnapshot) -> Result<()> {
        self.handle()?.restore(&snapshot.inner).map_err(io_err)
    }

    /// Every request served so far, oldest first.
    #[napi]
    pub fn requests(&self) -> Result<Vec<NativeRequestRecord>> {
        Ok(self
            .handle()?
            .requests()
            .into_iter()
            .map(|r| NativeRequestRecord {
                operation: r.operation.map(str::to_owned),
                method: r.method,
                bucket: r.bucket,
                key: r.key,
                status: r.status.into(),
                error_code: r.error_code,
                access_key_id: r.access_key_id,
                fault: r.fault.map(str::to_owned),
                request_id: r.request_id,
                time: r
                    .time
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_secs_f64()
                    * 1000.0,
            })
            .collect())
    }

    /// Forgets the logged requests.
    #[napi]
    pub fn clear_requests(&self) -> Result<()> {
        self.handle()?.clear_requests();
        Ok(())
    }

    /// Stops the server; idempotent.
    #[napi]
    pub fn close(&mut self) {
        self.handle.take();
    }
}
