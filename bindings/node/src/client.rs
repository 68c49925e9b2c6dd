//! The ready client: every call runs `ossio::Client` on the libuv thread pool (`AsyncTask`),
//! so the event loop never blocks on the network or the disk.

use crate::credentials::{NativeCredentials, NativeProvider};
use crate::error::{self, ErrorInfo, guard};
use crate::ops::{FromInput, Input, ToJson};
use crate::signer::{HeaderPair, RequestData, headers_to, request_from};
use crate::{dispatch, each_operation};
use napi::bindgen_prelude::{AsyncTask, Buffer};
use napi::{Env, Task};
use napi_derive::napi;
use ossio::ops::{GetObject, PutObject};
use ossio::{Addressing, Client, RetryPolicy, SignatureVersion};
use serde_json::Value;
use std::io::Read;
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
    ErrorInfo::from(&e).into_napi()
}

/// What a finished call hands back to JavaScript: the JSON output and, for downloads into
/// memory, the bytes.
#[napi(object)]
pub struct CallResult {
    /// The operation output as JSON text.
    pub output: String,
    /// Downloaded bytes (`getObject` into memory).
    pub data: Option<Buffer>,
}

/// What a call does once it is on a pool thread.
pub enum Job {
    /// `Client::send` of any operation.
    Send {
        /// Operation name.
        name: String,
        /// JSON input.
        input: String,
        /// In-memory body (PutObject).
        body: Option<Vec<u8>>,
    },
    /// Upload from a file, streamed.
    PutFile {
        /// JSON input.
        input: String,
        /// File path.
        path: String,
    },
    /// Download into memory.
    GetBuffer {
        /// JSON input.
        input: String,
    },
    /// Download into a file, streamed.
    GetFile {
        /// JSON input.
        input: String,
        /// File path.
        path: String,
    },
}

/// One client call, run by libuv's thread pool.
pub struct CallTask {
    client: Client,
    job: Option<Job>,
}

fn run(client: &Client, job: Job) -> napi::Result<(Value, Option<Vec<u8>>)> {
    match job {
        Job::Send { name, input, body } => {
            let i = Input::parse(&input)?;
            let out: napi::Result<Value> =
                each_operation!(dispatch, name.as_str(), &i, body, |op| client
                    .send(&op)
                    .map(|o| o.to_json())
                    .map_err(client_err));
            Ok((out?, None))
        }
        Job::PutFile { input, path } => {
            let op = PutObject::from_input(&Input::parse(&input)?, None)?;
            let out = client
                .put_object_from_file(&op, &path)
                .map_err(client_err)?;
            Ok((out.to_json(), None))
        }
        Job::GetBuffer { input } => {
            let op = GetObject::from_input(&Input::parse(&input)?, None)?;
            let mut reader = client.get_object(&op).map_err(client_err)?;
            let mut data = Vec::new();
            if let Some(n) = reader.meta().meta.content_length {
                data.reserve(usize::try_from(n).unwrap_or(0));
            }
            // The reader verifies the CRC-64 at the end; its error comes back as io::Error.
            reader.read_to_end(&mut data).map_err(|e| {
                let inner = e
                    .get_ref()
                    .and_then(|r| r.downcast_ref::<ossio::Error>())
                    .cloned();
                match inner {
                    Some(err) => client_err(err),
                    None => ErrorInfo {
                        operation: Some("GetObject".into()),
                        ..ErrorInfo::new(
                            "RequestError",
                            format!("GetObject: reading the body failed: {e}"),
                        )
                    }
                    .into_napi(),
                }
            })?;
            Ok((reader.into_meta().to_json(), Some(data)))
        }
        Job::GetFile { input, path } => {
            let op = GetObject::from_input(&Input::parse(&input)?, None)?;
            let out = client.get_object_to_file(&op, &path).map_err(client_err)?;
            Ok((out.to_json(), None))
        }
    }
}

impl Task for CallTask {
    type Output = (String, Option<Vec<u8>>);
    type JsValue = CallResult;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let job = self.job.take().ok_or_else(|| {
            ErrorInfo::new("InternalError", "a client call ran twice").into_napi()
        })?;
        // A panic on a pool thread must not abort Node: it becomes an InternalError.
        guard(|| run(&self.client, job).map(|(v, d)| (v.to_string(), d)))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<CallResult> {
        Ok(CallResult {
            output: output.0,
            data: output.1.map(Buffer::from),
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

    /// Sends operation `name` with its JSON input (and in-memory body for PutObject).
    #[napi(ts_return_type = "Promise<CallResult>")]
    pub fn call(&self, name: String, input: String, body: Option<Buffer>) -> AsyncTask<CallTask> {
        self.task(Job::Send {
            name,
            input,
            body: body.map(|b| b.to_vec()),
        })
    }

    /// Uploads a file, streamed.
    #[napi(ts_return_type = "Promise<CallResult>")]
    pub fn put_object_file(&self, input: String, path: String) -> AsyncTask<CallTask> {
        self.task(Job::PutFile { input, path })
    }

    /// Downloads an object into memory.
    #[napi(ts_return_type = "Promise<CallResult>")]
    pub fn get_object_buffer(&self, input: String) -> AsyncTask<CallTask> {
        self.task(Job::GetBuffer { input })
    }

    /// Downloads an object into a file, streamed.
    #[napi(ts_return_type = "Promise<CallResult>")]
    pub fn get_object_file(&self, input: String, path: String) -> AsyncTask<CallTask> {
        self.task(Job::GetFile { input, path })
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

impl NativeClient {
    fn task(&self, job: Job) -> AsyncTask<CallTask> {
        AsyncTask::new(CallTask {
            client: self.client.clone(),
            job: Some(job),
        })
    }
}
