//! # ossio-server
//!
//! A local server that speaks Alibaba Cloud OSS's HTTP API closely enough for the official
//! SDKs, and that checks what OSS checks: V1 and V4 signatures (header and presigned URL),
//! STS tokens, clock skew, bucket and object ACLs, access point rules. State lives in memory,
//! or durably in a data directory. Faults (errors, dropped connections, truncated bodies,
//! delays, wrong checksums, a skewed clock) can be injected through [`Faults`]. Bucket
//! configurations (versioning, and whatever families the core declares) are served
//! generically from the declarations: see [`config`].
//!
//! ```
//! use ossio_server::{start, ServerConfig};
//! let server = start(ServerConfig::new()).unwrap();
//! assert!(server.endpoint().starts_with("http://127.0.0.1:"));
//! assert_eq!(server.region(), "cn-hangzhou");
//! server.faults().fail_next(1, 503, "ServiceUnavailable");
//! // Dropping the handle stops the server and joins its threads.
//! ```

mod auth;
pub mod config;
mod cors;
mod error;
mod faults;
mod http;
mod log;
mod routes;
mod service;
mod state;

pub use faults::Faults;
pub use log::RequestRecord;
pub use service::serves;

use auth::{KeyPair, KeyRing};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The default access key id.
pub const DEFAULT_ACCESS_KEY_ID: &str = "test-access-key-id";
/// The default access key secret.
pub const DEFAULT_ACCESS_KEY_SECRET: &str = "test-access-key-secret";
/// The default account id (owner of every bucket).
pub const DEFAULT_ACCOUNT_ID: &str = "1234567890123456";
/// How long the server waits for the next bytes of a request by default: a client that
/// announces a body and does not send it gets `400 RequestTimeout` after this.
pub const DEFAULT_BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);
/// The default largest request body: 5 GiB, OSS's limit for a single PutObject.
pub const DEFAULT_MAX_BODY: u64 = 5 * 1024 * 1024 * 1024;

/// How to run a server.
#[derive(Clone)]
pub struct ServerConfig {
    addr: SocketAddr,
    region: String,
    account_id: String,
    keys: Vec<KeyPair>,
    default_key: bool,
    data_dir: Option<PathBuf>,
    domains: Vec<String>,
    max_body: u64,
    body_timeout: std::time::Duration,
}

impl fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("addr", &self.addr)
            .field("region", &self.region)
            .field("account_id", &self.account_id)
            .field(
                "access_key_ids",
                &self
                    .keys
                    .iter()
                    .map(|k| k.access_key_id.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("data_dir", &self.data_dir)
            .field("domains", &self.domains)
            .field("max_body", &self.max_body)
            .field("body_timeout", &self.body_timeout)
            .finish()
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig::new()
    }
}

impl ServerConfig {
    /// `127.0.0.1:0`, region `cn-hangzhou`, account `1234567890123456`, the key pair
    /// (`test-access-key-id`, `test-access-key-secret`), state in memory.
    pub fn new() -> Self {
        ServerConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            region: "cn-hangzhou".to_owned(),
            account_id: DEFAULT_ACCOUNT_ID.to_owned(),
            keys: vec![KeyPair {
                access_key_id: DEFAULT_ACCESS_KEY_ID.to_owned(),
                secret: DEFAULT_ACCESS_KEY_SECRET.to_owned(),
                token: None,
                ring: None,
            }],
            default_key: true,
            data_dir: None,
            domains: Vec::new(),
            max_body: DEFAULT_MAX_BODY,
            body_timeout: DEFAULT_BODY_TIMEOUT,
        }
    }

    /// Listens on `a` (port 0: any free port).
    pub fn addr(mut self, a: SocketAddr) -> Self {
        self.addr = a;
        self
    }

    fn add_key(&mut self, k: KeyPair) {
        if self.default_key {
            self.keys.clear();
            self.default_key = false;
        }
        self.keys.retain(|e| e.access_key_id != k.access_key_id);
        self.keys.push(k);
    }

    /// Accepts this key pair. The first call replaces the default pair.
    pub fn key(mut self, access_key_id: &str, secret: &str) -> Self {
        self.add_key(KeyPair {
            access_key_id: access_key_id.to_owned(),
            secret: secret.to_owned(),
            token: None,
            ring: None,
        });
        self
    }

    /// Accepts this STS triple: the key works only together with `token`. The first call
    /// of `key`/`sts` replaces the default pair.
    pub fn sts(mut self, access_key_id: &str, secret: &str, token: &str) -> Self {
        self.add_key(KeyPair {
            access_key_id: access_key_id.to_owned(),
            secret: secret.to_owned(),
            token: Some(token.to_owned()),
            ring: None,
        });
        self
    }

    /// Keeps the default key pair and adds this one (for tests that need both).
    pub fn also_key(mut self, access_key_id: &str, secret: &str) -> Self {
        self.default_key = false;
        self.add_key(KeyPair {
            access_key_id: access_key_id.to_owned(),
            secret: secret.to_owned(),
            token: None,
            ring: None,
        });
        self
    }

    /// The region (V4 scopes must name it; a leading `oss-` is stripped).
    pub fn region(mut self, r: &str) -> Self {
        self.region = r.strip_prefix("oss-").unwrap_or(r).to_owned();
        self
    }

    /// The account id that owns every bucket and access point.
    pub fn account_id(mut self, id: &str) -> Self {
        self.account_id = id.to_owned();
        self
    }

    /// Keeps state durably in `dir` (created if missing) and loads what is there.
    pub fn data_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.data_dir = Some(dir.into());
        self
    }

    /// A domain the server is reached at: `Host: <bucket>.<domain>` is virtual-hosted and
    /// any other `Host` is service- or path-style. `localhost` and the listening address
    /// are always known.
    pub fn domain(mut self, d: &str) -> Self {
        self.domains.push(d.to_ascii_lowercase());
        self
    }

    /// Largest request body accepted (larger ones get `EntityTooLarge`).
    pub fn max_body(mut self, bytes: u64) -> Self {
        self.max_body = bytes;
        self
    }

    /// How long to wait for the next bytes of a request body before answering
    /// `400 RequestTimeout` (default [`DEFAULT_BODY_TIMEOUT`]).
    pub fn body_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.body_timeout = timeout;
        self
    }
}

/// A running server; stops and joins its threads when dropped.
pub struct ServerHandle {
    http: Mutex<http::HttpServer>,
    added_keys: KeyRing,
    addr: SocketAddr,
    region: String,
    faults: Arc<Faults>,
    service: Arc<service::Service>,
}

/// A copy of a server's whole state (buckets, objects with their bytes, access points),
/// taken by [`ServerHandle::snapshot`] and put back by [`ServerHandle::restore`].
#[derive(Clone, Debug)]
pub struct Snapshot(state::StoreSnapshot);

impl fmt::Debug for ServerHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerHandle")
            .field("addr", &self.addr)
            .field("region", &self.region)
            .finish()
    }
}

impl ServerHandle {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`: use it as the endpoint (IP endpoints use path-style addressing).
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The region requests must be signed for.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// Fault injection for the next requests.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Drops every bucket, object and access point, as if the server had just started
    /// (keys, faults and the request log are kept).
    pub fn reset(&self) -> std::io::Result<()> {
        self.service.store().clear()
    }

    /// A copy of the whole state, for restoring between tests.
    ///
    /// ```
    /// # use ossio_server::{start, ServerConfig};
    /// let server = start(ServerConfig::new()).unwrap();
    /// let clean = server.snapshot().unwrap();
    /// // ... a test changes things ...
    /// server.restore(&clean).unwrap();
    /// ```
    pub fn snapshot(&self) -> std::io::Result<Snapshot> {
        self.service.store().snapshot().map(Snapshot)
    }

    /// Replaces the whole state with `snapshot`.
    pub fn restore(&self, snapshot: &Snapshot) -> std::io::Result<()> {
        self.service.store().restore(&snapshot.0)
    }

    /// Every request served so far, oldest first (the last 100,000).
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.service.log.all()
    }

    /// Forgets the requests logged so far.
    pub fn clear_requests(&self) {
        self.service.log.clear()
    }

    /// Accepts one more STS triple from now on, while the server runs: temporary
    /// credentials an STS (or a test playing STS) just issued. Triples added this way stay
    /// accepted until the server stops; adding an access key id again replaces its secret
    /// and token. Keys given to [`ServerConfig`] win over added ones of the same id.
    pub fn add_sts(&self, access_key_id: &str, secret: &str, token: &str) {
        let mut ring = self.added_keys.write().unwrap_or_else(|p| p.into_inner());
        ring.retain(|k| k.access_key_id != access_key_id);
        ring.push(KeyPair {
            access_key_id: access_key_id.to_owned(),
            secret: secret.to_owned(),
            token: Some(token.to_owned()),
            ring: None,
        });
    }

    /// Stops the server now (dropping the handle does the same).
    pub fn stop(&self) {
        self.http.lock().unwrap_or_else(|p| p.into_inner()).stop();
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts a server in background threads.
pub fn start(config: ServerConfig) -> std::io::Result<ServerHandle> {
    let store = state::Store::open(config.data_dir.clone())?;
    let faults = Arc::new(Faults::default());
    let mut domains = config.domains.clone();
    domains.push(config.addr.ip().to_string());
    let added_keys = KeyRing::default();
    let mut keys = config.keys.clone();
    keys.push(KeyPair {
        access_key_id: String::new(),
        secret: String::new(),
        token: None,
        ring: Some(added_keys.clone()),
    });
    let service = Arc::new(service::Service {
        keys,
        region: config.region.clone(),
        account_id: config.account_id.clone(),
        domains,
        max_body: config.max_body,
        faults: faults.clone(),
        store: Mutex::new(store),
        request_ids: std::sync::atomic::AtomicU64::new(0),
        log: log::RequestLog::default(),
    });
    let timeouts = http::Timeouts {
        body: config.body_timeout,
    };
    let http = http::HttpServer::start(config.addr, service.clone(), timeouts)?;
    Ok(ServerHandle {
        addr: http.addr(),
        added_keys,
        http: Mutex::new(http),
        region: config.region,
        faults,
        service,
    })
}
