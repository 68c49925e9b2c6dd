//! Access keys and credentials providers held on the Rust side, so no secret ever sits in a
//! JavaScript object.

use crate::client::client_err;
use crate::error::{ErrorInfo, guard};
use napi::bindgen_prelude::AsyncTask;
use napi::{Env, Task};
use napi_derive::napi;
use ossio::CredentialsProvider;
use ossio_core::Credentials;
use std::sync::Arc;
use std::time::Duration;

/// An access key pair with an optional STS token (wrapped by `Credentials` in `index.js`).
#[napi]
pub struct NativeCredentials {
    pub(crate) inner: Credentials,
}

#[napi]
impl NativeCredentials {
    /// Credentials from an access key id, secret and optional STS token.
    #[napi(constructor)]
    pub fn new(
        access_key_id: String,
        access_key_secret: String,
        security_token: Option<String>,
    ) -> Self {
        let c = Credentials::new(access_key_id, access_key_secret);
        NativeCredentials {
            inner: match security_token {
                Some(t) => c.with_security_token(t),
                None => c,
            },
        }
    }

    /// The access key id (not secret).
    #[napi(getter)]
    pub fn access_key_id(&self) -> String {
        self.inner.access_key_id().to_owned()
    }

    /// Whether an STS token is present (the token itself is never returned).
    #[napi(getter)]
    pub fn has_security_token(&self) -> bool {
        self.inner.security_token().is_some()
    }
}

/// Options of every provider kind; `index.js` checks which apply to which kind.
#[napi(object)]
#[derive(Default)]
pub struct ProviderOptions {
    /// The RAM role to assume (`oidcRoleArn`, `assumeRole`).
    pub role_arn: Option<String>,
    /// The OIDC identity provider (`oidcRoleArn`).
    pub oidc_provider_arn: Option<String>,
    /// The OIDC token file, re-read on each refresh (`oidcRoleArn`).
    pub oidc_token_file: Option<String>,
    /// The session name.
    pub role_session_name: Option<String>,
    /// Session duration in seconds (900 to 43200).
    pub duration_seconds: Option<u32>,
    /// A policy (JSON) narrowing the role.
    pub policy: Option<String>,
    /// The external id of the role's trust policy (`assumeRole`).
    pub external_id: Option<String>,
    /// An explicit STS endpoint.
    pub sts_endpoint: Option<String>,
    /// The region whose STS endpoint to use.
    pub sts_region: Option<String>,
    /// Use the region's VPC STS endpoint.
    pub vpc_endpoint: Option<bool>,
    /// The ECS instance's role (`ecsRamRole`).
    pub role_name: Option<String>,
    /// The metadata service (`ecsRamRole`).
    pub endpoint: Option<String>,
    /// Never call the metadata service without a session token (`ecsRamRole`).
    pub disable_imds_v1: Option<bool>,
    /// The credentials URI (`credentialsUri`).
    pub uri: Option<String>,
    /// The command printing credentials (`process`).
    pub command: Option<String>,
    /// The profile name (`cliProfile`, `profileFile`).
    pub profile: Option<String>,
    /// The profile file (`cliProfile`, `profileFile`).
    pub path: Option<String>,
    /// How long the command may run, in milliseconds (`process`).
    pub timeout_ms: Option<f64>,
    /// Connect timeout in milliseconds.
    pub connect_timeout_ms: Option<f64>,
    /// Read timeout in milliseconds.
    pub read_timeout_ms: Option<f64>,
    /// Refresh when less than this is left, in milliseconds.
    pub refresh_ahead_ms: Option<f64>,
    /// Never hand out credentials with less than this left, in milliseconds.
    pub min_validity_ms: Option<f64>,
}

/// A credentials provider held on the Rust side (wrapped by the `credentials` classes).
#[napi]
pub struct NativeProvider {
    pub(crate) inner: Arc<dyn CredentialsProvider>,
    chain: Option<Arc<ossio::DefaultChain>>,
}

fn ms(v: Option<f64>, field: &str) -> napi::Result<Option<Duration>> {
    match v {
        None => Ok(None),
        Some(m) if m.is_finite() && m > 0.0 => Ok(Some(Duration::from_secs_f64(m / 1000.0))),
        Some(_) => {
            Err(ErrorInfo::argument(field, "must be a positive number of milliseconds").into_napi())
        }
    }
}

macro_rules! tune {
    ($b:expr, $o:expr) => {{
        let mut b = $b;
        if let Some(d) = ms($o.connect_timeout_ms, "connectTimeout")? {
            b = b.connect_timeout(d);
        }
        if let Some(d) = ms($o.read_timeout_ms, "readTimeout")? {
            b = b.read_timeout(d);
        }
        if let Some(d) = ms($o.min_validity_ms, "minValidity")? {
            b = b.min_validity(d);
        }
        if let Some(d) = ms($o.refresh_ahead_ms, "refreshAhead")? {
            b = b.refresh_ahead(d);
        }
        b
    }};
}

macro_rules! sts_options {
    ($b:expr, $o:expr) => {{
        let mut b = $b;
        if let Some(s) = &$o.role_session_name {
            b = b.role_session_name(s);
        }
        if let Some(d) = $o.duration_seconds {
            b = b.duration(Duration::from_secs(u64::from(d)));
        }
        if let Some(p) = &$o.policy {
            b = b.policy(p);
        }
        if let Some(e) = &$o.sts_endpoint {
            b = b.sts_endpoint(e);
        }
        if let Some(r) = &$o.sts_region {
            b = b.sts_region(r);
        }
        if let Some(v) = $o.vpc_endpoint {
            b = b.vpc_endpoint(v);
        }
        b
    }};
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn built<T>(r: Result<T, ossio::Error>) -> napi::Result<T> {
    r.map_err(client_err)
}

fn wrap(p: impl CredentialsProvider + 'static) -> NativeProvider {
    NativeProvider {
        inner: Arc::new(p),
        chain: None,
    }
}

#[napi]
impl NativeProvider {
    /// A provider of `kind` (`environment`, `defaultChain`, `cliProfile`, `profileFile`,
    /// `ecsRamRole`, `oidcRoleArn`, `assumeRole`, `credentialsUri`, `process`); `assumeRole`
    /// takes `baseProvider` or `baseCredentials`.
    #[napi(factory)]
    pub fn create(
        kind: String,
        options: Option<ProviderOptions>,
        base_provider: Option<&NativeProvider>,
        base_credentials: Option<&NativeCredentials>,
    ) -> napi::Result<NativeProvider> {
        guard(|| {
            let o = options.unwrap_or_default();
            Ok(match kind.as_str() {
                "environment" => wrap(ossio::EnvironmentProvider::new()),
                "defaultChain" => {
                    let chain = Arc::new(ossio::DefaultChain::new());
                    NativeProvider {
                        inner: chain.clone(),
                        chain: Some(chain),
                    }
                }
                "cliProfile" => wrap(built(ossio::ProfileProvider::aliyun_cli(
                    o.path.as_deref(),
                    o.profile.as_deref(),
                ))?),
                "profileFile" => wrap(built(ossio::ProfileProvider::ini(
                    o.path.as_deref(),
                    o.profile.as_deref(),
                ))?),
                "ecsRamRole" => {
                    let mut b = ossio::EcsRamRoleProvider::builder();
                    if let Some(r) = &o.role_name {
                        b = b.role_name(r);
                    }
                    if let Some(e) = &o.endpoint {
                        b = b.endpoint(e);
                    }
                    if let Some(d) = o.disable_imds_v1 {
                        b = b.disable_imds_v1(d);
                    }
                    wrap(built(tune!(b, o).build())?)
                }
                "oidcRoleArn" => {
                    let pick = |v: &Option<String>, name: &str| {
                        v.clone().or_else(|| env(name)).unwrap_or_default()
                    };
                    let b = ossio::OidcProvider::builder(
                        &pick(&o.role_arn, "ALIBABA_CLOUD_ROLE_ARN"),
                        &pick(&o.oidc_provider_arn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
                        &pick(&o.oidc_token_file, "ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
                    );
                    wrap(built(tune!(sts_options!(b, o), o).build())?)
                }
                "assumeRole" => {
                    let base: Arc<dyn CredentialsProvider> = match (base_provider, base_credentials)
                    {
                        (Some(p), _) => p.inner.clone(),
                        (None, Some(c)) => Arc::new(ossio::StaticProvider::new(c.inner.clone())),
                        (None, None) => {
                            return Err(ErrorInfo::argument(
                                "source",
                                "expected a Credentials or a credentials provider",
                            )
                            .into_napi());
                        }
                    };
                    let role = o.role_arn.clone().unwrap_or_default();
                    let mut b =
                        sts_options!(ossio::AssumeRoleProvider::builder_shared(base, &role), o);
                    if let Some(e) = &o.external_id {
                        b = b.external_id(e);
                    }
                    wrap(built(tune!(b, o).build())?)
                }
                "credentialsUri" => {
                    let uri = o
                        .uri
                        .clone()
                        .or_else(|| env("ALIBABA_CLOUD_CREDENTIALS_URI"))
                        .unwrap_or_default();
                    wrap(built(tune!(ossio::UriProvider::builder(&uri), o).build())?)
                }
                "process" => {
                    let mut b =
                        ossio::ProcessProvider::builder(o.command.as_deref().unwrap_or_default());
                    if let Some(d) = ms(o.timeout_ms, "timeout")? {
                        b = b.timeout(d);
                    }
                    if let Some(d) = ms(o.min_validity_ms, "minValidity")? {
                        b = b.min_validity(d);
                    }
                    if let Some(d) = ms(o.refresh_ahead_ms, "refreshAhead")? {
                        b = b.refresh_ahead(d);
                    }
                    wrap(built(b.build())?)
                }
                other => {
                    return Err(
                        ErrorInfo::argument("kind", format!("unknown provider {other:?}"))
                            .into_napi(),
                    );
                }
            })
        })
    }

    /// What the provider is (never a secret).
    #[napi(getter)]
    pub fn name(&self) -> String {
        self.inner.describe()
    }

    /// For the default chain: the step that answered, once credentials were asked for.
    #[napi(getter)]
    pub fn answered_by(&self) -> Option<String> {
        self.chain.as_ref().and_then(|c| c.answered_by())
    }

    /// The credentials the provider hands out now, fetched on the libuv thread pool.
    #[napi(ts_return_type = "Promise<NativeCredentials>")]
    pub fn credentials(&self) -> AsyncTask<FetchTask> {
        AsyncTask::new(FetchTask {
            provider: self.inner.clone(),
        })
    }
}

/// One fetch of a provider's credentials.
pub struct FetchTask {
    provider: Arc<dyn CredentialsProvider>,
}

impl Task for FetchTask {
    type Output = Credentials;
    type JsValue = NativeCredentials;

    fn compute(&mut self) -> napi::Result<Credentials> {
        guard(|| self.provider.credentials().map_err(client_err))
    }

    fn resolve(&mut self, _env: Env, output: Credentials) -> napi::Result<NativeCredentials> {
        Ok(NativeCredentials { inner: output })
    }
}
