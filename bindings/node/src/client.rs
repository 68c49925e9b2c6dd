//! The ready client: every call runs `ossio::Client` on the libuv thread pool (`AsyncTask`),
//! so the event loop never blocks on the network or the disk.

use crate::credentials::{NativeCredentials, NativeProvider};
use crate::error::{self, ErrorInfo, guard};
use crate::ops::{self, Out};
use crate::signer::{HeaderPair, RequestData, headers_to, request_from};
use napi::bindgen_prelude::{AsyncTask, Buffer, Object, ToNapiValue, Unknown};
use napi::{Env, Task, sys};
use napi_derive::napi;
use ossio::ObjectReader;
use ossio::{Addressing, Client, RetryPolicy, SignatureVersion};
use ossio_core::ops::decl::OpSchema;
use ossio_core::ops::dynamic::{Dyn, ErasedOp};
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Client options, as `index.js` normalises them.
#[napi(object)]
pub struct ClientOptions {
    /// Region id.
    pub region: String,
    /// Endpoint URL or host.
    pub endpoint: Option<String>,
    /// `virtual`, `path` or `cname`.
    pub addressing: Option<String>,
    /// `v1` or `v4`.
    pub signature_version: Option<String>,
    /// Connect and per-read/write timeout in milliseconds.
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt (0 disables retrying).
    pub retries: Option<u32>,
}

impl From<&ossio::Error> for ErrorInfo {
    fn from(e: &ossio::Error) -> Self {
        let message = e.to_string();
        let op = e.operation().map(str::to_owned);
        let mut info = match e {
            ossio::Error::Validation(v) => ErrorInfo::from(v),
            ossio::Error::Service {
                error: s,
                string_to_sign,
                ..
            } => {
                let mut info = ErrorInfo::from(&ossio_core::Error::Service(s.clone()));
                info.string_to_sign = string_to_sign.clone();
                info
            }
            ossio::Error::Transport { retryable, .. } => ErrorInfo {
                retryable: *retryable,
                ..ErrorInfo::new("RequestError", "")
            },
            ossio::Error::Parse { error: p, .. } => {
                ErrorInfo::from(&ossio_core::Error::Parse(p.clone()))
            }
            ossio::Error::Crc { .. } => ErrorInfo::new("CrcMismatch", ""),
            ossio::Error::Config(_) => ErrorInfo::new("InvalidConfig", ""),
            ossio::Error::Credentials(_) => ErrorInfo::new("CredentialsError", ""),
            ossio::Error::CredentialsExpired(_) => ErrorInfo::new("CredentialsExpired", ""),
            ossio::Error::Io { .. } => ErrorInfo::new("IoError", ""),
            _ => ErrorInfo::new("ClientError", ""),
        };
        info.message = message;
        info.operation = op;
        info
    }
}

pub(crate) fn client_err(e: ossio::Error) -> napi::Error {
    match e {
        // Named the JavaScript way, like the errors of building the input.
        ossio::Error::Validation(v) => ops::core_in_js(ossio_core::Error::Validation(v)),
        e => ErrorInfo::from(&e).into_napi(),
    }
}

/// Where a call's bodies come from and go to.
pub enum Job {
    /// The request body (if any) is in the input; the response is parsed whole.
    Send,
    /// The request body is the file at this path, streamed.
    FromFile(String),
    /// The response body is read into memory (CRC-64 checked) and handed back as `body`.
    ToBuffer,
    /// The response body is streamed into a new file at this path (CRC-64 checked).
    ToFile(String),
}

/// One client call, run by libuv's thread pool.
pub struct CallTask {
    client: Client,
    schema: &'static OpSchema,
    op: Box<dyn ErasedOp>,
    job: Option<Job>,
}

/// The `io::Error` of a body read as the client's error (a CRC mismatch, a service error).
fn read_err(name: &'static str, e: std::io::Error) -> napi::Error {
    let inner = e
        .get_ref()
        .and_then(|r| r.downcast_ref::<ossio::Error>())
        .cloned();
    match inner {
        Some(err) => client_err(err),
        None => ErrorInfo {
            operation: Some(name.into()),
            ..ErrorInfo::new(
                "RequestError",
                format!("{name}: reading the body failed: {e}"),
            )
        }
        .into_napi(),
    }
}

fn run(client: &Client, op: &dyn ErasedOp, job: Job) -> napi::Result<(Dyn, Option<Vec<u8>>)> {
    let name = op.schema().name;
    match job {
        Job::Send => Ok((client.send_dyn(op).map_err(client_err)?, None)),
        Job::FromFile(path) => Ok((
            client.send_dyn_from_file(op, &path).map_err(client_err)?,
            None,
        )),
        Job::ToBuffer => {
            let mut reader = client.send_dyn_for_reader(op).map_err(client_err)?;
            let mut data = Vec::new();
            if let Some(Dyn::Int(n)) = reader.meta().get("content_length") {
                data.reserve(usize::try_from(*n).unwrap_or(0));
            }
            // The reader verifies the CRC-64 at the end; its error comes back as io::Error.
            reader
                .read_to_end(&mut data)
                .map_err(|e| read_err(name, e))?;
            Ok((reader.into_meta(), Some(data)))
        }
        // A download cut short starts over, as the retry policy allows (Client::send_to_file).
        Job::ToFile(path) => Ok((
            client.send_dyn_to_file(op, &path).map_err(client_err)?,
            None,
        )),
    }
}

/// A finished call on its way to JavaScript: the output object, plus `body` for downloads
/// into memory (moved into the Buffer, not copied).
pub struct CallOutput {
    schema: &'static OpSchema,
    value: Dyn,
    data: Option<Vec<u8>>,
}

ops::object_type!(CallOutput);

impl ToNapiValue for CallOutput {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let out = unsafe { Out::to_napi_value(env, Out::of(val.schema, &val.value))? };
        if let Some(data) = val.data {
            let mut obj = Object::from_raw(env, out);
            obj.set("body", Buffer::from(data))?;
        }
        Ok(out)
    }
}

impl Task for CallTask {
    type Output = (Dyn, Option<Vec<u8>>);
    type JsValue = CallOutput;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let job = self.job.take().ok_or_else(|| {
            ErrorInfo::new("InternalError", "a client call ran twice").into_napi()
        })?;
        // A panic on a pool thread must not abort Node: it becomes an InternalError.
        guard(|| run(&self.client, self.op.as_ref(), job))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<CallOutput> {
        Ok(CallOutput {
            schema: self.schema,
            value: output.0,
            data: output.1,
        })
    }
}

/// A presigned URL from the client.
#[napi(object)]
pub struct ClientPresigned {
    /// HTTP method.
    pub method: String,
    /// The URL.
    pub url: String,
    /// Headers to send with it.
    pub headers: Vec<HeaderPair>,
    /// Expiry in Unix seconds.
    pub expiration: f64,
}

/// The native client (wrapped by `Client` in `index.js`).
#[napi]
pub struct NativeClient {
    client: Client,
}

#[napi]
impl NativeClient {
    /// A client for `options`: fixed `credentials`, or a `provider`, or else the default chain.
    #[napi(constructor)]
    pub fn new(
        options: ClientOptions,
        credentials: Option<&NativeCredentials>,
        provider: Option<&NativeProvider>,
    ) -> napi::Result<Self> {
        guard(|| {
            let mut b = Client::builder(&options.region);
            if let Some(e) = &options.endpoint {
                b = b.endpoint(e);
            }
            if let Some(a) = &options.addressing {
                b = b.addressing(a.parse::<Addressing>().map_err(error::validation)?);
            }
            if let Some(v) = &options.signature_version {
                b = b.signature_version(v.parse::<SignatureVersion>().map_err(error::validation)?);
            }
            if let Some(ms) = options.timeout_ms {
                if !ms.is_finite() || ms <= 0.0 {
                    return Err(ErrorInfo::argument(
                        "timeout",
                        "must be a positive number of milliseconds",
                    )
                    .into_napi());
                }
                let d = Duration::from_millis(ms as u64);
                b = b.connect_timeout(d).read_timeout(d).write_timeout(d);
            }
            if let Some(r) = options.retries {
                b = b.retry_policy(if r == 0 {
                    RetryPolicy::none()
                } else {
                    RetryPolicy::default().max_attempts(r + 1)
                });
            }
            if let Some(c) = credentials {
                b = b.credentials(c.inner.clone());
            }
            if let Some(p) = provider {
                b = b.credentials_provider(p.inner.clone());
            }
            Ok(NativeClient {
                client: b.build().map_err(client_err)?,
            })
        })
    }

    /// Sends operation `name` (any spelling) built from `input`. `mode` says where bodies
    /// go: `send` (in the input / parsed whole), `fromFile` or `toFile` (at `path`, streamed)
    /// or `toBuffer` (the response body as `body`). The input is checked here, on the
    /// JavaScript thread, so a mistake throws before anything is queued.
    #[napi(ts_return_type = "Promise<Record<string, unknown>>")]
    pub fn call(
        &self,
        name: String,
        input: Option<Unknown<'_>>,
        mode: Option<String>,
        path: Option<String>,
    ) -> napi::Result<AsyncTask<CallTask>> {
        guard(|| {
            let schema = ops::schema(&name)?;
            let op = ops::build(schema, input)?;
            let need_path = |p: Option<String>| {
                p.ok_or_else(|| ErrorInfo::argument("path", "is required").into_napi())
            };
            let job = match mode.as_deref() {
                None | Some("send") => Job::Send,
                Some("fromFile") => Job::FromFile(need_path(path)?),
                Some("toBuffer") => Job::ToBuffer,
                Some("toFile") => Job::ToFile(need_path(path)?),
                Some(other) => {
                    return Err(
                        ErrorInfo::argument("mode", format!("unknown mode {other:?}")).into_napi(),
                    );
                }
            };
            Ok(AsyncTask::new(CallTask {
                client: self.client.clone(),
                schema,
                op,
                job: Some(job),
            }))
        })
    }

    /// Presigns `request` for `expires` seconds with the client's credentials and clock.
    #[napi]
    pub fn presign(&self, request: RequestData, expires: f64) -> napi::Result<ClientPresigned> {
        guard(|| {
            if !expires.is_finite() || expires < 0.0 || expires.fract() != 0.0 {
                return Err(ErrorInfo {
                    field: Some("expires".into()),
                    ..ErrorInfo::new(
                        "InvalidExpires",
                        format!("invalid expires {expires}: must be a whole number of seconds"),
                    )
                }
                .into_napi());
            }
            let req = request_from(request)?;
            let p = self
                .client
                .presign(&req, Duration::from_secs(expires as u64))
                .map_err(client_err)?;
            Ok(ClientPresigned {
                method: p.method.as_str().to_owned(),
                url: p.url,
                headers: headers_to(&p.signed_headers),
                expiration: p.expiration as f64,
            })
        })
    }
}

/// A download whose body JavaScript reads as a stream: [`NativeBody::read`] takes the next
/// chunk on the thread pool; the CRC-64 check runs at the end as for the other downloads.
#[napi]
pub struct NativeBody {
    name: &'static str,
    reader: Arc<Mutex<Option<ObjectReader<Dyn>>>>,
}

/// Reads the next chunk of a [`NativeBody`] (none at the end).
pub struct ReadTask {
    name: &'static str,
    reader: Arc<Mutex<Option<ObjectReader<Dyn>>>>,
    size: usize,
}

impl Task for ReadTask {
    type Output = Option<Vec<u8>>;
    type JsValue = Option<Buffer>;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        guard(|| {
            let mut slot = self
                .reader
                .lock()
                .map_err(|_| ErrorInfo::new("InternalError", "a body read failed").into_napi())?;
            let Some(reader) = slot.as_mut() else {
                return Ok(None);
            };
            let mut buf = vec![0u8; self.size];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => {
                        // Done: the connection goes back to the pool now.
                        *slot = None;
                        return Ok(None);
                    }
                    Ok(n) => {
                        buf.truncate(n);
                        return Ok(Some(buf));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        *slot = None;
                        return Err(read_err(self.name, e));
                    }
                }
            }
        })
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Option<Buffer>> {
        Ok(output.map(Buffer::from))
    }
}

#[napi]
impl NativeBody {
    /// The next chunk of at most `size` bytes; `null` at the end.
    #[napi(ts_return_type = "Promise<Buffer | null>")]
    pub fn read(&self, size: u32) -> AsyncTask<ReadTask> {
        AsyncTask::new(ReadTask {
            name: self.name,
            reader: self.reader.clone(),
            size: (size as usize).clamp(1, 4 << 20),
        })
    }

    /// Stops reading (the connection is dropped, not reused).
    #[napi]
    pub fn close(&self) {
        if let Ok(mut slot) = self.reader.lock() {
            *slot = None;
        }
    }
}

/// Starts a download whose body is read as a stream.
pub struct OpenTask {
    client: Client,
    schema: &'static OpSchema,
    op: Box<dyn ErasedOp>,
}

/// An opened download: the output, and the body to read.
pub struct Opened {
    schema: &'static OpSchema,
    value: Dyn,
    body: NativeBody,
}

ops::object_type!(Opened);

impl ToNapiValue for Opened {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let out = unsafe { Out::to_napi_value(env, Out::of(val.schema, &val.value))? };
        let mut obj = Object::from_raw(env, out);
        obj.set("body", val.body)?;
        Ok(out)
    }
}

impl Task for OpenTask {
    type Output = ObjectReader<Dyn>;
    type JsValue = Opened;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        guard(|| {
            self.client
                .send_dyn_for_reader(self.op.as_ref())
                .map_err(client_err)
        })
    }

    fn resolve(&mut self, _env: Env, reader: Self::Output) -> napi::Result<Opened> {
        Ok(Opened {
            schema: self.schema,
            value: reader.meta().clone(),
            body: NativeBody {
                name: self.schema.name,
                reader: Arc::new(Mutex::new(Some(reader))),
            },
        })
    }
}

#[napi]
impl NativeClient {
    /// Sends operation `name` built from `input` and hands back its output with the
    /// response body as a [`NativeBody`] to read (`client.<method>(input, { stream: true })`).
    #[napi(ts_return_type = "Promise<Record<string, unknown>>")]
    pub fn open(
        &self,
        name: String,
        input: Option<Unknown<'_>>,
    ) -> napi::Result<AsyncTask<OpenTask>> {
        guard(|| {
            let schema = ops::schema(&name)?;
            Ok(AsyncTask::new(OpenTask {
                client: self.client.clone(),
                schema,
                op: ops::build(schema, input)?,
            }))
        })
    }
}
