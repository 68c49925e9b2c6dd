//! Providers that get credentials from STS: `AssumeRole` (with any other provider's
//! credentials, so it chains) and `AssumeRoleWithOIDC` (Kubernetes RRSA, CI jobs).

use super::http::{Http, scrub};
use super::{CredentialsProvider, ExpiringCredentials, RefreshingProvider, Tuning, expiring};
use crate::Error;
use ossio_core::credentials::chain::Env;
use ossio_core::credentials::sts::{self, AssumeRole, AssumeRoleWithOidc, StsEndpoint};
use ossio_core::credentials::{HttpCall, TemporaryCredentials};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Attempts per STS call: throttling, 5xx and connection failures are retried.
const STS_ATTEMPTS: u32 = 3;

/// Sends STS calls, retrying what may succeed later; secrets are scrubbed from errors.
fn call_sts(
    http: &Http,
    make: &dyn Fn() -> Result<HttpCall, BoxError>,
    secrets: &[&str],
) -> Result<TemporaryCredentials, BoxError> {
    let mut last = String::new();
    for attempt in 0..STS_ATTEMPTS {
        if attempt > 0 {
            let base = 200u64 << (attempt - 1);
            std::thread::sleep(Duration::from_millis(
                base + crate::retry::next_random() % base,
            ));
        }
        let call = make()?;
        match http.send(&call) {
            Ok((status, body)) => match sts::parse_response(status, &body) {
                Ok(c) => return Ok(c),
                Err(e) => {
                    let retry = e.retryable();
                    last = scrub(&e.to_string(), secrets);
                    if !retry {
                        return Err(StsFailure(last).into());
                    }
                }
            },
            Err(e) => {
                last = format!("STS unreachable: {}", e.message);
                if !e.retryable {
                    break;
                }
            }
        }
    }
    Err(StsFailure(format!("{last} (after {STS_ATTEMPTS} attempts)")).into())
}

/// An STS failure, already scrubbed.
#[derive(Debug)]
struct StsFailure(String);

impl std::fmt::Display for StsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StsFailure {}

fn unix_now() -> u64 {
    ossio_core::time::unix_seconds(SystemTime::now())
}

fn nonce() -> String {
    format!(
        "{:016x}{:016x}",
        crate::retry::next_random(),
        crate::retry::next_random()
    )
}

/// The session name used when none is given: `ossio-<unix seconds>`.
pub(crate) fn default_session_name() -> String {
    format!("ossio-{}", unix_now())
}

/// Temporary credentials of a RAM role, assumed with `AssumeRole` using the credentials of
/// another provider (static keys, an ECS role, OIDC, another `AssumeRole`: it chains).
///
/// ```no_run
/// use ossio::{AssumeRoleProvider, Credentials, StaticProvider};
/// let base = StaticProvider::new(Credentials::new("LTAI...", "secret"));
/// let role = AssumeRoleProvider::builder(base, "acs:ram::123456789012:role/reader")
///     .role_session_name("nightly-job")
///     .sts_region("cn-hangzhou")
///     .build()?;
/// # Ok::<(), ossio::Error>(())
/// ```
#[derive(Debug)]
pub struct AssumeRoleProvider {
    inner: RefreshingProvider,
}

/// Options of an [`AssumeRoleProvider`].
pub struct AssumeRoleBuilder {
    base: Arc<dyn CredentialsProvider>,
    request: AssumeRole,
    sts: StsEndpoint,
    tuning: Tuning,
}

impl std::fmt::Debug for AssumeRoleBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumeRoleBuilder")
            .field("base", &self.base.describe())
            .field("role_arn", &self.request.role_arn)
            .field("sts", &self.sts)
            .finish_non_exhaustive()
    }
}

impl AssumeRoleProvider {
    /// Assumes `role_arn` with `base`'s credentials. The session name, STS region and VPC
    /// endpoint default to `ALIBABA_CLOUD_ROLE_SESSION_NAME`, `ALIBABA_CLOUD_STS_REGION`,
    /// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` and `OSSIO_STS_ENDPOINT`.
    pub fn builder(base: impl CredentialsProvider + 'static, role_arn: &str) -> AssumeRoleBuilder {
        Self::builder_shared(Arc::new(base), role_arn)
    }

    /// [`AssumeRoleProvider::builder`] with a provider already shared.
    pub fn builder_shared(base: Arc<dyn CredentialsProvider>, role_arn: &str) -> AssumeRoleBuilder {
        let env = super::chain::process_env();
        AssumeRoleBuilder {
            base,
            request: AssumeRole::new(role_arn, env.session_name()),
            sts: env.sts_endpoint(),
            tuning: Tuning::REMOTE,
        }
    }

    pub(crate) fn from_parts(
        base: Arc<dyn CredentialsProvider>,
        request: AssumeRole,
        sts: StsEndpoint,
        tuning: Tuning,
    ) -> Result<Self, Error> {
        AssumeRoleBuilder {
            base,
            request,
            sts,
            tuning,
        }
        .build()
    }
}

impl AssumeRoleBuilder {
    super::sts_methods!();

    /// The external id the role's trust policy requires.
    pub fn external_id(mut self, id: &str) -> Self {
        self.request.external_id = Some(id.to_owned());
        self
    }

    super::tuning_methods!();

    /// Checks every option (the error names the bad one) and builds the provider. Nothing
    /// is fetched until credentials are first asked for.
    pub fn build(self) -> Result<AssumeRoleProvider, Error> {
        self.request.validate()?;
        let endpoint = self.sts.url()?;
        let http = Http::new(&self.tuning);
        let name = format!(
            "assume_role {} via {}",
            self.request.role_arn,
            self.base.describe()
        );
        let AssumeRoleBuilder { base, request, .. } = self;
        let fetch = move || -> Result<ExpiringCredentials, BoxError> {
            let creds = base.credentials()?;
            let token = creds
                .security_token()
                .map(|t| t.expose().to_owned())
                .unwrap_or_default();
            let make = || -> Result<HttpCall, BoxError> {
                Ok(request.to_call(&endpoint, &creds, unix_now(), &nonce())?)
            };
            call_sts(&http, &make, &[&token]).map(expiring)
        };
        Ok(AssumeRoleProvider {
            inner: self.tuning.wrap(RefreshingProvider::new(fetch).name(name)),
        })
    }
}

super::refreshing_provider!(AssumeRoleProvider);

/// Temporary credentials of a RAM role for the holder of an OIDC token (Kubernetes RRSA,
/// CI jobs), from STS `AssumeRoleWithOIDC`. The token file is read again on every refresh:
/// the platform rotates it.
///
/// ```no_run
/// let provider = ossio::OidcProvider::from_env()?; // ALIBABA_CLOUD_ROLE_ARN, ..._OIDC_*
/// # Ok::<(), ossio::Error>(())
/// ```
#[derive(Debug)]
pub struct OidcProvider {
    inner: RefreshingProvider,
}

/// Options of an [`OidcProvider`].
#[derive(Debug)]
pub struct OidcBuilder {
    request: AssumeRoleWithOidc,
    token_file: String,
    sts: StsEndpoint,
    tuning: Tuning,
}

impl OidcProvider {
    /// Assumes `role_arn` through `oidc_provider_arn` with the token in `token_file`.
    pub fn builder(role_arn: &str, oidc_provider_arn: &str, token_file: &str) -> OidcBuilder {
        let env = super::chain::process_env();
        OidcBuilder {
            request: AssumeRoleWithOidc::new(role_arn, oidc_provider_arn, env.session_name()),
            token_file: token_file.to_owned(),
            sts: env.sts_endpoint(),
            tuning: Tuning::REMOTE,
        }
    }

    /// From `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and
    /// `ALIBABA_CLOUD_OIDC_TOKEN_FILE` (all three, or an error naming the missing ones),
    /// with `ALIBABA_CLOUD_ROLE_SESSION_NAME`, `ALIBABA_CLOUD_STS_REGION`,
    /// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` and `OSSIO_STS_ENDPOINT`.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_env_map(&super::chain::process_env())
    }

    pub(crate) fn from_env_map(env: &Env) -> Result<Self, Error> {
        match env.oidc() {
            Ok(Some(ossio_core::credentials::chain::Source::Oidc {
                request,
                token_file,
                sts,
            })) => OidcBuilder {
                request,
                token_file,
                sts,
                tuning: Tuning::REMOTE,
            }
            .build(),
            Ok(_) => Err(Error::Credentials(
                "OIDC: set ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and \
                 ALIBABA_CLOUD_OIDC_TOKEN_FILE"
                    .into(),
            )),
            Err(e) => Err(Error::Credentials(format!("OIDC: {e}"))),
        }
    }

    pub(crate) fn from_parts(
        request: AssumeRoleWithOidc,
        token_file: String,
        sts: StsEndpoint,
        tuning: Tuning,
    ) -> Result<Self, Error> {
        OidcBuilder {
            request,
            token_file,
            sts,
            tuning,
        }
        .build()
    }
}

impl OidcBuilder {
    super::sts_methods!();

    super::tuning_methods!();

    /// Checks every option and builds the provider; the token file is first read when
    /// credentials are first asked for.
    pub fn build(self) -> Result<OidcProvider, Error> {
        self.request.validate()?;
        if self.token_file.is_empty() {
            return Err(ossio_core::ValidationError::invalid(
                "oidc_token_file",
                "",
                "the OIDC token file path is required",
            )
            .into());
        }
        let endpoint = self.sts.url()?;
        let http = Http::new(&self.tuning);
        let name = format!("oidc_role_arn {}", self.request.role_arn);
        let OidcBuilder {
            request,
            token_file,
            ..
        } = self;
        let fetch = move || -> Result<ExpiringCredentials, BoxError> {
            let token = std::fs::read_to_string(&token_file)
                .map_err(|e| format!("cannot read the OIDC token file {token_file}: {e}"))?;
            let token = token.trim().to_owned();
            let make = || -> Result<HttpCall, BoxError> {
                Ok(request.to_call(&endpoint, &token, unix_now())?)
            };
            call_sts(&http, &make, &[&token]).map(expiring)
        };
        Ok(OidcProvider {
            inner: self.tuning.wrap(RefreshingProvider::new(fetch).name(name)),
        })
    }
}

super::refreshing_provider!(OidcProvider);
