//! `ossio.credentials`: the Rust client's credentials providers, for `ossio.Client(
//! credentials=...)`. Every class is a `Provider`; `repr` and errors never show a secret.

use crate::client::client_error;
use crate::errors::{self, guard};
use crate::sansio::Credentials;
use ossio::CredentialsProvider;
use pyo3::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Any credentials provider; subclasses say where the credentials come from.
#[pyclass(subclass, frozen, module = "ossio.credentials")]
pub struct Provider {
    pub(crate) inner: Arc<dyn CredentialsProvider>,
}

impl Provider {
    fn of(p: impl CredentialsProvider + 'static) -> Provider {
        Provider { inner: Arc::new(p) }
    }
}

#[pymethods]
impl Provider {
    /// The credentials the provider hands out now (fetching or refreshing if needed).
    fn credentials(&self, py: Python<'_>) -> PyResult<Credentials> {
        let inner = self.inner.clone();
        match py.detach(move || inner.credentials()) {
            Ok(c) => Ok(Credentials { inner: c }),
            Err(e) => Err(client_error(py, &e)),
        }
    }

    /// What the provider is (never a secret).
    #[getter]
    fn name(&self) -> String {
        self.inner.describe()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let class = slf.get_type().qualname()?;
        Ok(format!("{class}({:?})", slf.get().inner.describe()))
    }
}

/// A duration from optional seconds, or an error naming the field.
fn secs(py: Python<'_>, v: Option<f64>, what: &str) -> PyResult<Option<Duration>> {
    match v {
        None => Ok(None),
        Some(s) if s.is_finite() && s > 0.0 => Ok(Some(Duration::from_secs_f64(s))),
        Some(_) => Err(errors::argument(
            py,
            what,
            "must be a positive number of seconds",
        )),
    }
}

fn built<T>(py: Python<'_>, r: Result<T, ossio::Error>) -> PyResult<T> {
    r.map_err(|e| client_error(py, &e))
}

/// Applies the timing keywords every refreshing provider takes.
macro_rules! tune {
    ($py:expr, $b:expr, $connect:expr, $read:expr, $ahead:expr, $min:expr) => {{
        let mut b = $b;
        if let Some(d) = secs($py, $connect, "connect_timeout")? {
            b = b.connect_timeout(d);
        }
        if let Some(d) = secs($py, $read, "read_timeout")? {
            b = b.read_timeout(d);
        }
        if let Some(d) = secs($py, $min, "min_validity")? {
            b = b.min_validity(d);
        }
        if let Some(d) = secs($py, $ahead, "refresh_ahead")? {
            b = b.refresh_ahead(d);
        }
        b
    }};
}

/// The STS keywords `AssumeRole` and `OidcRoleArn` share.
macro_rules! sts_options {
    ($py:expr, $b:expr, $session:expr, $duration:expr, $policy:expr, $endpoint:expr, $region:expr, $vpc:expr) => {{
        let mut b = $b;
        if let Some(s) = $session {
            b = b.role_session_name(&s);
        }
        if let Some(d) = $duration {
            b = b.duration(Duration::from_secs(d));
        }
        if let Some(p) = $policy {
            b = b.policy(&p);
        }
        if let Some(e) = $endpoint {
            b = b.sts_endpoint(&e);
        }
        if let Some(r) = $region {
            b = b.sts_region(&r);
        }
        if let Some(v) = $vpc {
            b = b.vpc_endpoint(v);
        }
        b
    }};
}

/// Credentials from `OSS_ACCESS_KEY_ID` / `OSS_ACCESS_KEY_SECRET` / `OSS_SESSION_TOKEN` or
/// the `ALIBABA_CLOUD_*` names, read on every request.
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct Environment;

#[pymethods]
impl Environment {
    #[new]
    fn new() -> (Self, Provider) {
        (Environment, Provider::of(ossio::EnvironmentProvider::new()))
    }
}

/// The default chain: environment, OIDC, aliyun CLI profile, ini profile, ECS RAM role,
/// credentials URI. `answered_by` names the step that answered.
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct DefaultChain {
    chain: Arc<ossio::DefaultChain>,
}

#[pymethods]
impl DefaultChain {
    #[new]
    fn new() -> (Self, Provider) {
        let chain = Arc::new(ossio::DefaultChain::new());
        (
            DefaultChain {
                chain: chain.clone(),
            },
            Provider { inner: chain },
        )
    }

    /// The step and provider that answered, once credentials were asked for.
    #[getter]
    fn answered_by(&self) -> Option<String> {
        self.chain.answered_by()
    }
}

/// One profile of the aliyun CLI's `~/.aliyun/config.json`.
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct CliProfile;

#[pymethods]
impl CliProfile {
    #[new]
    #[pyo3(signature = (profile = None, *, path = None))]
    fn new(
        py: Python<'_>,
        profile: Option<String>,
        path: Option<String>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let p = built(
                py,
                ossio::ProfileProvider::aliyun_cli(path.as_deref(), profile.as_deref()),
            )?;
            Ok((CliProfile, Provider::of(p)))
        })
    }
}

/// One section of the ini file `~/.alibabacloud/credentials`.
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct ProfileFile;

#[pymethods]
impl ProfileFile {
    #[new]
    #[pyo3(signature = (profile = None, *, path = None))]
    fn new(
        py: Python<'_>,
        profile: Option<String>,
        path: Option<String>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let p = built(
                py,
                ossio::ProfileProvider::ini(path.as_deref(), profile.as_deref()),
            )?;
            Ok((ProfileFile, Provider::of(p)))
        })
    }
}

/// The ECS instance's RAM role from the metadata service (IMDSv2, IMDSv1 fallback).
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct EcsRamRole;

#[pymethods]
impl EcsRamRole {
    #[new]
    #[pyo3(signature = (role_name = None, *, endpoint = None, disable_imds_v1 = None, connect_timeout = None, read_timeout = None, refresh_ahead = None, min_validity = None))]
    fn new(
        py: Python<'_>,
        role_name: Option<String>,
        endpoint: Option<String>,
        disable_imds_v1: Option<bool>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        refresh_ahead: Option<f64>,
        min_validity: Option<f64>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let mut b = ossio::EcsRamRoleProvider::builder();
            if let Some(r) = role_name {
                b = b.role_name(&r);
            }
            if let Some(e) = endpoint {
                b = b.endpoint(&e);
            }
            if let Some(d) = disable_imds_v1 {
                b = b.disable_imds_v1(d);
            }
            let b = tune!(
                py,
                b,
                connect_timeout,
                read_timeout,
                refresh_ahead,
                min_validity
            );
            Ok((EcsRamRole, Provider::of(built(py, b.build())?)))
        })
    }
}

/// `AssumeRoleWithOIDC` with a token file re-read on each refresh (Kubernetes RRSA, CI).
/// Without arguments: `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
/// `ALIBABA_CLOUD_OIDC_TOKEN_FILE`.
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct OidcRoleArn;

#[pymethods]
impl OidcRoleArn {
    #[new]
    #[pyo3(signature = (role_arn = None, oidc_provider_arn = None, oidc_token_file = None, *, role_session_name = None, duration_seconds = None, policy = None, sts_endpoint = None, sts_region = None, vpc_endpoint = None, connect_timeout = None, read_timeout = None, refresh_ahead = None, min_validity = None))]
    fn new(
        py: Python<'_>,
        role_arn: Option<String>,
        oidc_provider_arn: Option<String>,
        oidc_token_file: Option<String>,
        role_session_name: Option<String>,
        duration_seconds: Option<u64>,
        policy: Option<String>,
        sts_endpoint: Option<String>,
        sts_region: Option<String>,
        vpc_endpoint: Option<bool>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        refresh_ahead: Option<f64>,
        min_validity: Option<f64>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
            let pick = |v: Option<String>, name: &str| v.or_else(|| env(name)).unwrap_or_default();
            let b = ossio::OidcProvider::builder(
                &pick(role_arn, "ALIBABA_CLOUD_ROLE_ARN"),
                &pick(oidc_provider_arn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
                &pick(oidc_token_file, "ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
            );
            let b = sts_options!(
                py,
                b,
                role_session_name,
                duration_seconds,
                policy,
                sts_endpoint,
                sts_region,
                vpc_endpoint
            );
            let b = tune!(
                py,
                b,
                connect_timeout,
                read_timeout,
                refresh_ahead,
                min_validity
            );
            Ok((OidcRoleArn, Provider::of(built(py, b.build())?)))
        })
    }
}

/// `AssumeRole` of a RAM role with the credentials of `source` (a `Credentials` or any
/// provider, so it chains).
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct AssumeRole;

#[pymethods]
impl AssumeRole {
    #[new]
    #[pyo3(signature = (source, role_arn, *, role_session_name = None, duration_seconds = None, policy = None, external_id = None, sts_endpoint = None, sts_region = None, vpc_endpoint = None, connect_timeout = None, read_timeout = None, refresh_ahead = None, min_validity = None))]
    fn new(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        role_arn: String,
        role_session_name: Option<String>,
        duration_seconds: Option<u64>,
        policy: Option<String>,
        external_id: Option<String>,
        sts_endpoint: Option<String>,
        sts_region: Option<String>,
        vpc_endpoint: Option<bool>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        refresh_ahead: Option<f64>,
        min_validity: Option<f64>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let base = provider_of(py, source, "source")?;
            let b = ossio::AssumeRoleProvider::builder_shared(base, &role_arn);
            let mut b = sts_options!(
                py,
                b,
                role_session_name,
                duration_seconds,
                policy,
                sts_endpoint,
                sts_region,
                vpc_endpoint
            );
            if let Some(e) = external_id {
                b = b.external_id(&e);
            }
            let b = tune!(
                py,
                b,
                connect_timeout,
                read_timeout,
                refresh_ahead,
                min_validity
            );
            Ok((AssumeRole, Provider::of(built(py, b.build())?)))
        })
    }
}

/// Credentials from a URI (`ALIBABA_CLOUD_CREDENTIALS_URI` when none is given).
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct CredentialsUri;

#[pymethods]
impl CredentialsUri {
    #[new]
    #[pyo3(signature = (uri = None, *, connect_timeout = None, read_timeout = None, refresh_ahead = None, min_validity = None))]
    fn new(
        py: Python<'_>,
        uri: Option<String>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        refresh_ahead: Option<f64>,
        min_validity: Option<f64>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let uri = uri
                .or_else(|| std::env::var("ALIBABA_CLOUD_CREDENTIALS_URI").ok())
                .unwrap_or_default();
            let b = ossio::UriProvider::builder(&uri);
            let b = tune!(
                py,
                b,
                connect_timeout,
                read_timeout,
                refresh_ahead,
                min_validity
            );
            Ok((CredentialsUri, Provider::of(built(py, b.build())?)))
        })
    }
}

/// Credentials printed as JSON by a command (the aliyun CLI's `External` mode).
#[pyclass(extends = Provider, frozen, module = "ossio.credentials")]
pub struct Process;

#[pymethods]
impl Process {
    #[new]
    #[pyo3(signature = (command, *, timeout = None, refresh_ahead = None, min_validity = None))]
    fn new(
        py: Python<'_>,
        command: String,
        timeout: Option<f64>,
        refresh_ahead: Option<f64>,
        min_validity: Option<f64>,
    ) -> PyResult<(Self, Provider)> {
        guard(py, || {
            let mut b = ossio::ProcessProvider::builder(&command);
            if let Some(d) = secs(py, timeout, "timeout")? {
                b = b.timeout(d);
            }
            if let Some(d) = secs(py, min_validity, "min_validity")? {
                b = b.min_validity(d);
            }
            if let Some(d) = secs(py, refresh_ahead, "refresh_ahead")? {
                b = b.refresh_ahead(d);
            }
            Ok((Process, Provider::of(built(py, b.build())?)))
        })
    }
}

/// A provider from a `Credentials` (fixed) or any `Provider`.
pub(crate) fn provider_of(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<Arc<dyn CredentialsProvider>> {
    if let Ok(c) = obj.extract::<PyRef<'_, Credentials>>() {
        return Ok(Arc::new(ossio::StaticProvider::new(c.inner.clone())));
    }
    if let Ok(p) = obj.cast::<Provider>() {
        return Ok(p.get().inner.clone());
    }
    Err(errors::argument(
        py,
        what,
        "must be an ossio.Credentials or an ossio.credentials provider",
    ))
}

/// Adds the classes to the native module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Provider>()?;
    m.add_class::<Environment>()?;
    m.add_class::<DefaultChain>()?;
    m.add_class::<CliProfile>()?;
    m.add_class::<ProfileFile>()?;
    m.add_class::<EcsRamRole>()?;
    m.add_class::<OidcRoleArn>()?;
    m.add_class::<AssumeRole>()?;
    m.add_class::<CredentialsUri>()?;
    m.add_class::<Process>()?;
    Ok(())
}
