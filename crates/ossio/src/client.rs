//! The client: configuration, the send loop (sign, send, retry, correct the clock) and the
//! streaming object calls.

use crate::Error;
use crate::crc::{self, Crc64};
use crate::credentials::{CredentialsProvider, DefaultChain, StaticProvider};
use crate::object::ObjectReader;
use crate::retry::RetryPolicy;
use ossio_core::credentials::redact_tokens;
use ossio_core::ops::Operation;
use ossio_core::ops::dynamic::{Dyn, ErasedOp};
use ossio_core::response::service_error;
use ossio_core::{
    Addressing, Body, Config, Credentials, Headers, Method, PresignedRequest, Request, Response,
    SignatureVersion, Signer,
};
use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest non-object response body read into memory (listings, ACLs, policies).
const MAX_BUFFERED_BODY: u64 = 64 << 20;
/// A response `Date` further than this from the local clock makes the client sign with the
/// server's clock.
const SKEW_THRESHOLD_MS: i64 = 5 * 60 * 1000;

/// Builds a [`Client`].
///
/// ```
/// use ossio::{Client, RetryPolicy};
/// use ossio_core::Credentials;
/// use std::time::Duration;
///
/// let client = Client::builder("cn-hangzhou")
///     .endpoint("http://127.0.0.1:9000")
///     .credentials(Credentials::new("ak", "very-secret"))
///     .read_timeout(Duration::from_secs(30))
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()
///     .unwrap();
/// assert!(!format!("{client:?}").contains("very-secret"));
/// ```
pub struct ClientBuilder {
    region: String,
    endpoint: Option<String>,
    addressing: Option<Addressing>,
    signature_version: Option<SignatureVersion>,
    additional_headers: Vec<String>,
    provider: Option<Arc<dyn CredentialsProvider>>,
    connect_timeout: Duration,
    read_timeout: Duration,
    write_timeout: Duration,
    proxy: Option<String>,
    retry: RetryPolicy,
    crc_check: bool,
    user_agent: String,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("addressing", &self.addressing)
            .field("signature_version", &self.signature_version)
            .field("credentials", &self.provider.as_ref().map(|p| p.describe()))
            .field("connect_timeout", &self.connect_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("write_timeout", &self.write_timeout)
            .field("proxy", &self.proxy.as_deref().map(redact_proxy))
            .field("retry", &self.retry)
            .field("crc_check", &self.crc_check)
            .finish()
    }
}

/// A proxy URL with any password masked.
fn redact_proxy(p: &str) -> String {
    match (p.find("://"), p.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &p[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{}:***{}", &p[..s + 3], user, &p[at..])
        }
        _ => p.to_owned(),
    }
}

impl ClientBuilder {
    fn new(region: &str) -> Self {
        ClientBuilder {
            region: region.to_owned(),
            endpoint: None,
            addressing: None,
            signature_version: None,
            additional_headers: Vec::new(),
            provider: None,
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(20),
            write_timeout: Duration::from_secs(20),
            proxy: None,
            retry: RetryPolicy::default(),
            crc_check: true,
            user_agent: format!("ossio/{}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Sends to `e` (`https://host[:port]`, `http://...` or a bare host) instead of the
    /// region's public endpoint.
    pub fn endpoint(mut self, e: &str) -> Self {
        self.endpoint = Some(e.to_owned());
        self
    }

    /// Signs with these fixed credentials.
    pub fn credentials(mut self, c: Credentials) -> Self {
        self.provider = Some(Arc::new(StaticProvider::new(c)));
        self
    }

    /// Asks `p` for credentials before every request attempt.
    pub fn credentials_provider(mut self, p: impl CredentialsProvider + 'static) -> Self {
        self.provider = Some(Arc::new(p));
        self
    }

    /// URL style (virtual-hosted by default; IP endpoints always use path style).
    pub fn addressing(mut self, a: Addressing) -> Self {
        self.addressing = Some(a);
        self
    }

    /// Signature version (V4 by default).
    pub fn signature_version(mut self, v: SignatureVersion) -> Self {
        self.signature_version = Some(v);
        self
    }

    /// Extra header names to sign with V4 when a request carries them.
    pub fn additional_headers<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.additional_headers = names.into_iter().map(Into::into).collect();
        self
    }

    /// Limit on establishing a connection (default 5 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// Limit on each wait for response bytes (default 20 s); a stalled response fails after
    /// this long without data, however long the whole transfer takes.
    pub fn read_timeout(mut self, d: Duration) -> Self {
        self.read_timeout = d;
        self
    }

    /// Limit on each wait to send request bytes (default 20 s).
    pub fn write_timeout(mut self, d: Duration) -> Self {
        self.write_timeout = d;
        self
    }

    /// Sends every request through this HTTP proxy (`http://[user:password@]host:port`).
    pub fn proxy(mut self, url: &str) -> Self {
        self.proxy = Some(url.to_owned());
        self
    }

    /// Replaces the retry policy ([`RetryPolicy::default`], [`RetryPolicy::none`], ...).
    pub fn retry_policy(mut self, p: RetryPolicy) -> Self {
        self.retry = p;
        self
    }

    /// Turns the CRC-64 check of uploads and whole-object downloads on or off (on by
    /// default).
    pub fn crc_check(mut self, on: bool) -> Self {
        self.crc_check = on;
        self
    }

    /// Sets the `User-Agent` header.
    pub fn user_agent(mut self, ua: &str) -> Self {
        self.user_agent = ua.to_owned();
        self
    }

    /// Checks the configuration and builds the client. Without credentials, the default
    /// chain is used ([`DefaultChain`]).
    pub fn build(self) -> Result<Client, Error> {
        if self.region.is_empty() {
            return Err(Error::Config(
                "no region (set OSS_REGION or pass one)".into(),
            ));
        }
        let mut config = Config::new(&self.region)?;
        if let Some(e) = &self.endpoint {
            config = config.with_endpoint(e)?;
        }
        if let Some(a) = self.addressing {
            config = config.with_addressing(a);
        }
        if let Some(v) = self.signature_version {
            config = config.with_signature_version(v);
        }
        if !self.additional_headers.is_empty() {
            config = config.with_additional_headers(self.additional_headers.clone());
        }
        let proxy = match &self.proxy {
            None => None,
            Some(p) => Some(
                ureq::Proxy::new(p)
                    .map_err(|e| Error::Config(format!("bad proxy {}: {e}", redact_proxy(p))))?,
            ),
        };
        let agent_config = ureq::Agent::config_builder()
            // Error statuses are answers the core parses, not transport failures.
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(proxy)
            .timeout_connect(Some(self.connect_timeout))
            .timeout_per_read(Some(self.read_timeout))
            .timeout_per_write(Some(self.write_timeout))
            .user_agent(self.user_agent.as_str())
            .accept(ureq::config::AutoHeaderValue::None)
            .accept_encoding(ureq::config::AutoHeaderValue::None)
            .build();
        let provider = self
            .provider
            .unwrap_or_else(|| Arc::new(DefaultChain::new()));
        Ok(Client {
            inner: Arc::new(Inner {
                signer: Signer::new(config),
                agent: ureq::Agent::new_with_config(agent_config),
                provider,
                retry: self.retry,
                crc_check: self.crc_check,
                clock_offset_ms: AtomicI64::new(0),
                connect_timeout: self.connect_timeout,
                read_timeout: self.read_timeout,
                write_timeout: self.write_timeout,
                proxy: self.proxy.as_deref().map(redact_proxy),
            }),
        })
    }
}

/// A blocking OSS client. Cheap to clone (clones share one connection pool, credentials
/// provider and clock correction) and safe to use from many threads at once.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    signer: Signer,
    agent: ureq::Agent,
    provider: Arc<dyn CredentialsProvider>,
    retry: RetryPolicy,
    crc_check: bool,
    /// Server clock minus local clock, learnt from responses.
    clock_offset_ms: AtomicI64,
    connect_timeout: Duration,
    read_timeout: Duration,
    write_timeout: Duration,
    proxy: Option<String>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        let c = i.signer.config();
        f.debug_struct("Client")
            .field("region", &c.region)
            .field(
                "endpoint",
                &format!("{}://{}", c.endpoint.scheme.as_str(), c.endpoint.host),
            )
            .field("addressing", &c.addressing)
            .field("signature_version", &c.signature_version)
            .field("credentials", &i.provider.describe())
            .field("connect_timeout", &i.connect_timeout)
            .field("read_timeout", &i.read_timeout)
            .field("write_timeout", &i.write_timeout)
            .field("proxy", &i.proxy)
            .field("retry", &i.retry)
            .field("crc_check", &i.crc_check)
            .finish()
    }
}

/// A request body as the send loop sees it.
pub(crate) enum Payload<'a> {
    /// Whatever the request carries in memory (or nothing).
    Request,
    /// A stream that cannot be rewound: re-sent only while what was read of it still fits
    /// in its replay buffer.
    Reader(Replay<'a>),
    /// A file, rewound to `start` for each attempt.
    File { file: &'a mut File, start: u64 },
}

/// How much of a non-rewindable stream is kept so the request can still be retried when it
/// fails early (a stale pooled connection fails within the first bytes).
const REPLAY_LIMIT: usize = 256 << 10;

/// A stream that remembers its first [`REPLAY_LIMIT`] bytes, so it can start over as long
/// as no more than that was read.
pub(crate) struct Replay<'a> {
    inner: &'a mut dyn Read,
    prefix: Vec<u8>,
    pos: usize,
    overflowed: bool,
}

impl<'a> Replay<'a> {
    pub(crate) fn new(inner: &'a mut dyn Read) -> Self {
        Replay {
            inner,
            prefix: Vec::new(),
            pos: 0,
            overflowed: false,
        }
    }

    fn can_rewind(&self) -> bool {
        !self.overflowed
    }

    fn rewind(&mut self) {
        debug_assert!(!self.overflowed);
        self.pos = 0;
    }
}

impl Read for Replay<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.prefix.len() {
            let n = buf.len().min(self.prefix.len() - self.pos);
            buf[..n].copy_from_slice(&self.prefix[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        let n = self.inner.read(buf)?;
        if !self.overflowed {
            if self.prefix.len() + n <= REPLAY_LIMIT {
                self.prefix.extend_from_slice(&buf[..n]);
                self.pos = self.prefix.len();
            } else {
                self.overflowed = true;
                self.prefix = Vec::new();
            }
        }
        Ok(n)
    }
}

/// Counts and checksums the bytes ureq reads from the body.
struct Tracked<'a> {
    inner: &'a mut dyn Read,
    crc: Crc64,
    sent: u64,
}

impl Read for Tracked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.crc.update(&buf[..n]);
        self.sent += n as u64;
        Ok(n)
    }
}

/// The response body: read into memory, or left on the wire for the caller.
pub(crate) enum ResponseBody {
    Buffered(Vec<u8>),
    Streaming(ureq::Body),
}

/// One finished exchange: a 2xx, or the final error answer.
pub(crate) struct Exchange {
    pub(crate) status: u16,
    pub(crate) headers: Headers,
    pub(crate) body: ResponseBody,
    /// CRC-64 of the request body bytes sent.
    pub(crate) sent_crc: u64,
    pub(crate) string_to_sign: String,
}

impl Exchange {
    fn bytes(&self) -> &[u8] {
        match &self.body {
            ResponseBody::Buffered(b) => b,
            ResponseBody::Streaming(_) => &[],
        }
    }
}

/// What one attempt produced.
enum Attempt {
    /// A 2xx.
    Done(Exchange),
    /// An error answer: returned as is if no retry follows; `skewed` when the server
    /// refused our clock and the offset was corrected.
    Answer {
        ex: Box<Exchange>,
        retryable: bool,
        skewed: bool,
    },
    /// No usable answer.
    Failed { error: Error, retryable: bool },
}

impl Client {
    /// A builder for `region` (e.g. `cn-hangzhou`).
    pub fn builder(region: &str) -> ClientBuilder {
        ClientBuilder::new(region)
    }

    /// A client from the environment: `OSS_REGION` (required), `OSS_ENDPOINT` (optional)
    /// and credentials from the default chain ([`DefaultChain`]).
    pub fn from_env() -> Result<Client, Error> {
        let region = std::env::var("OSS_REGION")
            .ok()
            .filter(|r| !r.is_empty())
            .ok_or_else(|| Error::Config("OSS_REGION is not set".into()))?;
        let mut b = Client::builder(&region).credentials_provider(DefaultChain::new());
        if let Some(e) = std::env::var("OSS_ENDPOINT").ok().filter(|e| !e.is_empty()) {
            b = b.endpoint(&e);
        }
        b.build()
    }

    /// The signing and addressing configuration.
    pub fn config(&self) -> &Config {
        self.inner.signer.config()
    }

    /// Sends any core operation whose request and response fit in memory.
    pub fn send<O: Operation>(&self, op: &O) -> Result<O::Output, Error> {
        self.call(op)
    }

    /// Sends an operation built from a plain value ([`ossio_core::ops::dynamic`]): what the
    /// bindings and the CLI use for every registered operation. Its output is a value too.
    pub fn send_dyn(&self, op: &dyn ErasedOp) -> Result<Dyn, Error> {
        self.call(&DynCall(op))
    }

    fn call<O: Call>(&self, op: &O) -> Result<O::Out, Error> {
        let req = op
            .request()
            .map_err(|e| Error::from_core(op.name(), e, None))?;
        if let Body::Stream { .. } = req.body {
            return Err(ossio_core::ValidationError::invalid(
                "body",
                "stream",
                "a streamed body is sent with send_from_reader or send_from_file",
            )
            .into());
        }
        let ex = self.execute(op.name(), &req, Payload::Request, false)?;
        let resp = Response::new(ex.status, &ex.headers, ex.bytes());
        let out = op
            .parse(&resp)
            .map_err(|e| Error::from_core(op.name(), e, Some(&ex.string_to_sign)))?;
        if self.inner.crc_check && !req.body.is_empty() {
            // Only object uploads carry the header; everything else skips the check.
            if let Some(expected) = crc::reported(&ex.headers) {
                check_crc(op.name(), expected, ex.sent_crc)?;
            }
        }
        Ok(out)
    }

    /// Sends an operation whose request body streams from `body`: exactly `len` bytes,
    /// never held in memory whole. The stream cannot be rewound: only its first 256 KiB
    /// are kept, so a request that fails after more than that was sent is not retried
    /// (the error says so). With the CRC check on, the CRC-64
    /// of the bytes sent is compared with the one OSS reports.
    pub fn send_from_reader<O: Operation>(
        &self,
        op: &O,
        body: impl Read + Send,
        len: u64,
    ) -> Result<O::Output, Error> {
        self.call_from_reader(op, body, len)
    }

    /// [`Client::send_from_reader`] for an operation built from a plain value.
    pub fn send_dyn_from_reader(
        &self,
        op: &dyn ErasedOp,
        body: impl Read + Send,
        len: u64,
    ) -> Result<Dyn, Error> {
        self.call_from_reader(&DynCall(op), body, len)
    }

    fn call_from_reader<O: Call>(
        &self,
        op: &O,
        mut body: impl Read + Send,
        len: u64,
    ) -> Result<O::Out, Error> {
        let req = op
            .request()
            .map_err(|e| Error::from_core(op.name(), e, None))?
            .body(Body::Stream { length: len });
        let payload = Payload::Reader(Replay::new(&mut body));
        let ex = self.execute(op.name(), &req, payload, false)?;
        self.finish_upload(op, ex)
    }

    /// Sends an operation whose request body is the file at `path`, streamed; the file is
    /// rewound for each retry.
    pub fn send_from_file<O: Operation>(
        &self,
        op: &O,
        path: impl AsRef<Path>,
    ) -> Result<O::Output, Error> {
        self.call_from_file(op, path)
    }

    /// [`Client::send_from_file`] for an operation built from a plain value.
    pub fn send_dyn_from_file(
        &self,
        op: &dyn ErasedOp,
        path: impl AsRef<Path>,
    ) -> Result<Dyn, Error> {
        self.call_from_file(&DynCall(op), path)
    }

    fn call_from_file<O: Call>(&self, op: &O, path: impl AsRef<Path>) -> Result<O::Out, Error> {
        let path = path.as_ref();
        let what = format!("cannot read {}", path.display());
        let mut file = File::open(path).map_err(|e| Error::io(op.name(), &what, &e))?;
        let len = file
            .metadata()
            .map_err(|e| Error::io(op.name(), &what, &e))?
            .len();
        let req = op
            .request()
            .map_err(|e| Error::from_core(op.name(), e, None))?
            .body(Body::Stream { length: len });
        let payload = Payload::File {
            file: &mut file,
            start: 0,
        };
        let ex = self.execute(op.name(), &req, payload, false)?;
        self.finish_upload(op, ex)
    }

    fn finish_upload<O: Call>(&self, op: &O, ex: Exchange) -> Result<O::Out, Error> {
        let resp = Response::new(ex.status, &ex.headers, ex.bytes());
        let out = op
            .parse(&resp)
            .map_err(|e| Error::from_core(op.name(), e, Some(&ex.string_to_sign)))?;
        if self.inner.crc_check {
            if let Some(expected) = crc::reported(&ex.headers) {
                check_crc(op.name(), expected, ex.sent_crc)?;
            }
        }
        Ok(out)
    }

    /// Sends an operation whose response body is streamed to the caller: the output is
    /// parsed from the status and headers, the body is read from the returned reader.
    /// A whole-object (not ranged) `200` body is checked against `x-oss-hash-crc64ecma`
    /// when the CRC check is on.
    pub fn send_for_reader<O: Operation>(&self, op: &O) -> Result<ObjectReader<O::Output>, Error> {
        self.call_for_reader(op)
    }

    /// [`Client::send_for_reader`] for an operation built from a plain value.
    pub fn send_dyn_for_reader(&self, op: &dyn ErasedOp) -> Result<ObjectReader<Dyn>, Error> {
        self.call_for_reader(&DynCall(op))
    }

    fn call_for_reader<O: Call>(&self, op: &O) -> Result<ObjectReader<O::Out>, Error> {
        let req = op
            .request()
            .map_err(|e| Error::from_core(op.name(), e, None))?;
        let ex = self.execute(op.name(), &req, Payload::Request, true)?;
        match ex.body {
            ResponseBody::Streaming(body) => {
                let meta = op
                    .parse(&Response::new(ex.status, &ex.headers, &[]))
                    .map_err(|e| Error::from_core(op.name(), e, Some(&ex.string_to_sign)))?;
                let whole = ex.status == 200 && !req.headers.contains(ossio_core::names::RANGE);
                let expected = if self.inner.crc_check && whole {
                    crc::reported(&ex.headers)
                } else {
                    None
                };
                Ok(ObjectReader::new(op.name(), meta, body, expected))
            }
            ResponseBody::Buffered(ref bytes) => {
                let resp = Response::new(ex.status, &ex.headers, bytes);
                Err(Error::Service {
                    operation: op.name(),
                    error: Box::new(service_error(&resp)),
                    string_to_sign: Some(redact_tokens(&ex.string_to_sign)),
                })
            }
        }
    }

    /// Like [`Client::send_for_reader`], writing the body to a new file at `path`. A
    /// download cut short by the network starts over (as the retry policy allows) with
    /// the file truncated; a CRC mismatch is returned, not retried.
    pub fn send_to_file<O: Operation>(
        &self,
        op: &O,
        path: impl AsRef<Path>,
    ) -> Result<O::Output, Error> {
        self.call_to_file(op, path)
    }

    /// [`Client::send_to_file`] for an operation built from a plain value.
    pub fn send_dyn_to_file(
        &self,
        op: &dyn ErasedOp,
        path: impl AsRef<Path>,
    ) -> Result<Dyn, Error> {
        self.call_to_file(&DynCall(op), path)
    }

    fn call_to_file<O: Call>(&self, op: &O, path: impl AsRef<Path>) -> Result<O::Out, Error> {
        let path = path.as_ref();
        let what = format!("cannot write {}", path.display());
        let mut file = File::create(path).map_err(|e| Error::io(op.name(), &what, &e))?;
        let mut buf = vec![0u8; 256 << 10];
        let mut attempt = 0;
        'attempts: loop {
            attempt += 1;
            let mut reader = self.call_for_reader(op)?;
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        if let Some(err) = crate::object::client_error(&e) {
                            return Err(err);
                        }
                        if attempt >= self.inner.retry.attempts() {
                            return Err(Error::Transport {
                                operation: op.name(),
                                message: format!("{e} (gave up after {attempt} attempts)"),
                                retryable: true,
                            });
                        }
                        drop(reader);
                        file.set_len(0)
                            .and_then(|_| file.seek(SeekFrom::Start(0)).map(|_| ()))
                            .map_err(|e| Error::io(op.name(), &what, &e))?;
                        std::thread::sleep(self.inner.retry.backoff(attempt));
                        continue 'attempts;
                    }
                };
                if n == 0 {
                    file.flush().map_err(|e| Error::io(op.name(), &what, &e))?;
                    return Ok(reader.into_meta());
                }
                file.write_all(&buf[..n])
                    .map_err(|e| Error::io(op.name(), &what, &e))?;
            }
        }
    }

    /// Presigns `req` for `expires` from now (V4 by default: at most seven days), with the
    /// credentials the provider returns now.
    pub fn presign(&self, req: &Request, expires: Duration) -> Result<PresignedRequest, Error> {
        let creds = self.inner.provider.credentials()?;
        self.inner
            .signer
            .presign(req, &creds, self.now(), expires)
            .map_err(|e| Error::from_core("Presign", e, None))
    }

    /// Presigns an operation's request (e.g. a `GetObject`) for `expires` from now.
    pub fn presign_operation<O: Operation>(
        &self,
        op: &O,
        expires: Duration,
    ) -> Result<PresignedRequest, Error> {
        let req = op
            .to_request()
            .map_err(|e| Error::from_core(O::NAME, e, None))?;
        self.presign(&req, expires)
    }

    /// The local clock corrected by the offset learnt from the server.
    fn now(&self) -> SystemTime {
        let off = self.inner.clock_offset_ms.load(Ordering::Relaxed);
        if off >= 0 {
            SystemTime::now() + Duration::from_millis(off as u64)
        } else {
            SystemTime::now() - Duration::from_millis(off.unsigned_abs())
        }
    }

    /// The server-minus-local clock offset the client currently signs with.
    pub fn clock_offset(&self) -> Duration {
        Duration::from_millis(
            self.inner
                .clock_offset_ms
                .load(Ordering::Relaxed)
                .unsigned_abs(),
        )
    }

    /// Learns the server's clock from a response: its `Date`, or the `ServerTime` of a
    /// `RequestTimeTooSkewed` body. Returns whether the offset changed.
    fn observe_clock(&self, headers: &Headers, server_time: Option<&str>, force: bool) -> bool {
        let server = server_time.and_then(parse_server_time).or_else(|| {
            headers
                .get(ossio_core::names::DATE)
                .and_then(ossio_core::time::parse_rfc1123)
        });
        let Some(server) = server else { return false };
        let local = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        let diff = server as i64 * 1000 - local;
        let new = if force || diff.abs() > SKEW_THRESHOLD_MS {
            diff
        } else {
            0
        };
        self.inner.clock_offset_ms.swap(new, Ordering::Relaxed) != new
    }

    /// Signs and sends `req`, retrying as the policy allows. Returns the 2xx exchange or
    /// the final error answer (as an exchange, so the operation parses it); transport
    /// failures are errors.
    pub(crate) fn execute(
        &self,
        operation: &'static str,
        req: &Request,
        mut payload: Payload<'_>,
        stream_response: bool,
    ) -> Result<Exchange, Error> {
        let policy = &self.inner.retry;
        let mut attempt = 0u32;
        let mut skew_corrected = false;
        loop {
            attempt += 1;
            let result = self.attempt(operation, req, &mut payload, stream_response)?;
            let (failure, retryable, skewed) = match result {
                Attempt::Done(ex) => return Ok(ex),
                Attempt::Answer {
                    ex,
                    retryable,
                    skewed,
                } => (Err(ex), retryable, skewed),
                Attempt::Failed { error, retryable } => (Ok(error), retryable, false),
            };
            if skewed && !skew_corrected {
                // Signing with the server's clock fixes this at once: no backoff, and it
                // does not use up an attempt.
                skew_corrected = true;
                attempt -= 1;
                continue;
            }
            if !retryable || attempt >= policy.attempts() {
                return match failure {
                    Err(ex) => Ok(*ex),
                    Ok(Error::Transport {
                        operation,
                        message,
                        retryable,
                    }) if attempt > 1 => Err(Error::Transport {
                        operation,
                        message: format!("{message} (gave up after {attempt} attempts)"),
                        retryable,
                    }),
                    Ok(other) => Err(other),
                };
            }
            std::thread::sleep(policy.backoff(attempt));
        }
    }

    fn attempt(
        &self,
        operation: &'static str,
        req: &Request,
        payload: &mut Payload<'_>,
        stream_response: bool,
    ) -> Result<Attempt, Error> {
        let creds = self.inner.provider.credentials()?;
        let signed = self
            .inner
            .signer
            .sign(req, &creds, self.now())
            .map_err(|e| Error::from_core(operation, e, None))?;

        let mut builder = ureq::http::Request::builder()
            .method(signed.method.as_str())
            .uri(&signed.url);
        for (k, v) in signed.headers.iter() {
            builder = builder.header(k, v);
        }
        let has_body =
            !matches!(req.body, Body::Empty) || matches!(req.method, Method::Put | Method::Post);
        if has_body && !signed.headers.contains(ossio_core::names::CONTENT_LENGTH) {
            builder = builder.header(ossio_core::names::CONTENT_LENGTH, req.body.len());
        }

        let mut cursor;
        let source: &mut dyn Read = match payload {
            Payload::Request => {
                cursor = io::Cursor::new(req.body.as_bytes().unwrap_or_default());
                &mut cursor
            }
            Payload::Reader(r) => {
                r.rewind();
                r
            }
            Payload::File { file, start } => {
                file.seek(SeekFrom::Start(*start))
                    .map_err(|e| Error::io(operation, "cannot rewind the file", &e))?;
                &mut **file
            }
        };
        // Never send more than the declared length, whatever the source holds.
        let mut limited = source.take(req.body.len());
        let mut tracked = Tracked {
            inner: &mut limited,
            crc: Crc64::new(),
            sent: 0,
        };
        let build_error = |e: ureq::http::Error| Error::Transport {
            operation,
            message: format!("cannot build the request: {e}"),
            retryable: false,
        };
        let result = if has_body {
            let http_req = builder
                .body(ureq::SendBody::from_reader(&mut tracked))
                .map_err(build_error)?;
            self.inner.agent.run(http_req)
        } else {
            let http_req = builder.body(ureq::SendBody::none()).map_err(build_error)?;
            self.inner.agent.run(http_req)
        };
        let sent = tracked.sent;
        let sent_crc = tracked.crc.value();
        let rewindable = match payload {
            Payload::Reader(r) => r.can_rewind(),
            _ => true,
        };
        let resend_note = |retryable: bool| -> Option<String> {
            (retryable && !rewindable && sent > 0).then(|| {
                format!(
                    "; not retried: the body is a non-rewindable stream and {sent} bytes were already sent (more than the {REPLAY_LIMIT} bytes kept for a retry)"
                )
            })
        };

        let resp = match result {
            Ok(r) => r,
            Err(e) => {
                let (message, retryable) = describe_transport(&e);
                let note = resend_note(retryable);
                return Ok(Attempt::Failed {
                    error: Error::Transport {
                        operation,
                        message: format!("{message}{}", note.as_deref().unwrap_or_default()),
                        retryable,
                    },
                    retryable: retryable && note.is_none(),
                });
            }
        };
        if sent != req.body.len() {
            return Ok(Attempt::Failed {
                error: Error::Io {
                    operation,
                    message: format!(
                        "the body ended after {sent} of the {} bytes declared",
                        req.body.len()
                    ),
                },
                retryable: false,
            });
        }

        let status = resp.status().as_u16();
        let mut headers = Headers::new();
        for (k, v) in resp.headers() {
            headers.append(k.as_str(), String::from_utf8_lossy(v.as_bytes()));
        }
        let mut body = resp.into_body();
        let success = (200..300).contains(&status);

        if success && stream_response {
            self.observe_clock(&headers, None, false);
            return Ok(Attempt::Done(Exchange {
                status,
                headers,
                body: ResponseBody::Streaming(body),
                sent_crc,
                string_to_sign: signed.string_to_sign,
            }));
        }
        let bytes = match body.with_config().limit(MAX_BUFFERED_BODY).read_to_vec() {
            Ok(b) => b,
            Err(e) => {
                let (message, retryable) = describe_transport(&e);
                let note = resend_note(retryable);
                return Ok(Attempt::Failed {
                    error: Error::Transport {
                        operation,
                        message: format!(
                            "reading the {status} response: {message}{}",
                            note.as_deref().unwrap_or_default()
                        ),
                        retryable,
                    },
                    retryable: retryable && note.is_none(),
                });
            }
        };
        let ex = Exchange {
            status,
            headers,
            body: ResponseBody::Buffered(bytes),
            sent_crc,
            string_to_sign: signed.string_to_sign,
        };
        if success {
            self.observe_clock(&ex.headers, None, false);
            return Ok(Attempt::Done(ex));
        }

        let err = service_error(&Response::new(status, &ex.headers, ex.bytes()));
        let skewed = err.code == "RequestTimeTooSkewed"
            && self.observe_clock(&ex.headers, err.detail("ServerTime"), true);
        if !skewed {
            self.observe_clock(&ex.headers, None, false);
        }
        let wanted = self.inner.retry.is_retryable_status(status, &err.code);
        let note = resend_note(wanted);
        Ok(Attempt::Answer {
            ex: Box::new(ex),
            retryable: wanted && note.is_none(),
            skewed: skewed && (rewindable || sent == 0),
        })
    }
}

/// `ServerTime` of an error body: ISO 8601, basic or extended (`2023-12-16T16:20:57.000Z`).
/// `ServerTime` of a `RequestTimeTooSkewed` error: OSS writes the extended ISO 8601 form.
fn parse_server_time(s: &str) -> Option<u64> {
    let s = s.trim();
    ossio_core::time::parse_iso8601_extended(s).or_else(|| ossio_core::time::parse_iso8601(s))
}

/// Whether the CRC-64 an operation's response reports may be that of the bytes it sent:
/// not for a document (CompleteMultipartUpload reports the whole object's) nor an append
/// (the whole object so far).
fn crc_covers_body(operation: &str) -> bool {
    use ossio_core::ops::decl::Location;
    operation != "AppendObject"
        && !ossio_core::ops::operation(operation).is_some_and(|op| {
            op.input
                .fields
                .iter()
                .any(|f| f.location == Location::Document)
        })
}

fn check_crc(operation: &'static str, expected: u64, actual: u64) -> Result<(), Error> {
    if expected == actual || !crc_covers_body(operation) {
        Ok(())
    } else {
        Err(Error::Crc {
            operation,
            expected,
            actual,
        })
    }
}

/// A one-line description of a ureq failure, and whether retrying may help.
pub(crate) fn describe_transport(e: &ureq::Error) -> (String, bool) {
    use ureq::Error as U;
    match e {
        U::Timeout(t) => (format!("timed out ({t})"), true),
        U::Io(io) => (format!("connection error: {io}"), true),
        U::ConnectionFailed => ("cannot connect".into(), true),
        U::HostNotFound => ("host not found".into(), true),
        U::Protocol(p) => (format!("HTTP protocol error: {p}"), true),
        U::BodyExceedsLimit(n) => (format!("response body larger than {n} bytes"), false),
        other => (other.to_string(), false),
    }
}

/// What the client sends: a typed operation, or one built from a plain value.
trait Call {
    type Out;
    fn name(&self) -> &'static str;
    fn request(&self) -> Result<Request, ossio_core::Error>;
    fn parse(&self, resp: &Response<'_>) -> Result<Self::Out, ossio_core::Error>;
}

impl<O: Operation> Call for O {
    type Out = O::Output;
    fn name(&self) -> &'static str {
        O::NAME
    }
    fn request(&self) -> Result<Request, ossio_core::Error> {
        self.to_request()
    }
    fn parse(&self, resp: &Response<'_>) -> Result<O::Output, ossio_core::Error> {
        self.parse_response(resp)
    }
}

/// An erased operation as a [`Call`].
struct DynCall<'a>(&'a dyn ErasedOp);

impl Call for DynCall<'_> {
    type Out = Dyn;
    fn name(&self) -> &'static str {
        self.0.schema().name
    }
    fn request(&self) -> Result<Request, ossio_core::Error> {
        self.0.to_request()
    }
    fn parse(&self, resp: &Response<'_>) -> Result<Dyn, ossio_core::Error> {
        self.0.parse_response(resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_time_in_both_forms() {
        let t = 1_702_743_657;
        assert_eq!(parse_server_time("20231216T162057Z"), Some(t));
        assert_eq!(parse_server_time("2023-12-16T16:20:57.000Z"), Some(t));
        assert_eq!(parse_server_time("2023-12-16T16:20:57Z"), Some(t));
        assert_eq!(parse_server_time("yesterday"), None);
    }

    #[test]
    fn replay_restarts_until_the_limit() {
        let data: Vec<u8> = (0..REPLAY_LIMIT as u32 + 1000).map(|i| i as u8).collect();
        let mut src = &data[..];
        let mut r = Replay::new(&mut src);
        let mut first = vec![0u8; 1000];
        r.read_exact(&mut first).unwrap();
        assert!(r.can_rewind());
        r.rewind();
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
        assert!(!r.can_rewind());
    }

    #[test]
    fn proxy_passwords_are_masked() {
        assert_eq!(
            redact_proxy("http://user:pw@proxy:3128"),
            "http://user:***@proxy:3128"
        );
        assert_eq!(redact_proxy("http://proxy:3128"), "http://proxy:3128");
    }
}
