//! The ECS instance's RAM role, from the metadata service.

use super::http::Http;
use super::{ExpiringCredentials, RefreshingProvider, Tuning, expiring};
use crate::Error;
use ossio_core::credentials::metadata;
use std::time::Duration;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Temporary credentials of the ECS instance's RAM role, from the metadata service
/// (`http://100.100.100.200`). A session token (IMDSv2) is asked for first; when the
/// service answers that request with an error, the calls go without one (IMDSv1) unless
/// IMDSv1 is disabled. When the service does not answer at all, the provider fails at once
/// (connect timeout 500 ms by default) instead of trying again without a token.
///
/// ```no_run
/// let ecs = ossio::EcsRamRoleProvider::builder().role_name("my-ecs-role").build()?;
/// # Ok::<(), ossio::Error>(())
/// ```
#[derive(Debug)]
pub struct EcsRamRoleProvider {
    inner: RefreshingProvider,
}

/// Options of an [`EcsRamRoleProvider`].
#[derive(Debug, Clone)]
pub struct EcsRamRoleBuilder {
    role_name: Option<String>,
    endpoint: String,
    disable_imds_v1: bool,
    token_ttl: u32,
    tuning: Tuning,
}

impl EcsRamRoleProvider {
    /// Defaults from the environment: `ALIBABA_CLOUD_ECS_METADATA` (role name; none: asked
    /// from the service), `ALIBABA_CLOUD_IMDSV1_DISABLED`, `OSSIO_ECS_METADATA_ENDPOINT`.
    pub fn builder() -> EcsRamRoleBuilder {
        let env = super::chain::process_env();
        EcsRamRoleBuilder {
            role_name: env.get("ALIBABA_CLOUD_ECS_METADATA").map(str::to_owned),
            endpoint: env
                .get("OSSIO_ECS_METADATA_ENDPOINT")
                .unwrap_or(metadata::DEFAULT_ENDPOINT)
                .to_owned(),
            disable_imds_v1: env.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"),
            token_ttl: metadata::DEFAULT_TOKEN_TTL,
            tuning: Tuning {
                connect_timeout: Duration::from_millis(500),
                read_timeout: Duration::from_secs(1),
                ..Tuning::REMOTE
            },
        }
    }

    pub(crate) fn from_parts(
        role_name: Option<String>,
        disable_imds_v1: bool,
        endpoint: Option<String>,
    ) -> Result<Self, Error> {
        let mut b = Self::builder();
        b.role_name = role_name;
        b.disable_imds_v1 = disable_imds_v1;
        if let Some(e) = endpoint {
            b.endpoint = e;
        }
        b.build()
    }
}

impl EcsRamRoleBuilder {
    /// The instance's RAM role (default: asked from the metadata service).
    pub fn role_name(mut self, role: &str) -> Self {
        self.role_name = Some(role.to_owned());
        self
    }

    /// The metadata service (default `http://100.100.100.200`).
    pub fn endpoint(mut self, endpoint: &str) -> Self {
        self.endpoint = endpoint.to_owned();
        self
    }

    /// Never call without a session token (IMDSv1).
    pub fn disable_imds_v1(mut self, on: bool) -> Self {
        self.disable_imds_v1 = on;
        self
    }

    /// The session token lifetime asked for, in seconds (default 21600).
    pub fn token_ttl(mut self, seconds: u32) -> Self {
        self.token_ttl = seconds;
        self
    }

    super::tuning_methods!();

    /// Checks the options (role name, endpoint) and builds the provider.
    pub fn build(self) -> Result<EcsRamRoleProvider, Error> {
        if let Some(r) = &self.role_name {
            metadata::check_role_name(r)?;
        }
        if !(1..=21_600).contains(&self.token_ttl) {
            return Err(ossio_core::ValidationError::invalid(
                "token_ttl",
                &self.token_ttl.to_string(),
                "1 to 21600 seconds",
            )
            .into());
        }
        let endpoint = metadata::endpoint_url(&self.endpoint)?;
        let http = Http::new(&self.tuning);
        let name = match &self.role_name {
            Some(r) => format!("ecs_ram_role {r}"),
            None => "ecs_ram_role".to_owned(),
        };
        let b = self.clone();
        let fetch = move || -> Result<ExpiringCredentials, BoxError> {
            // IMDSv2 session token; the service answering with an error means IMDSv1.
            let token = match http.send(&metadata::token_call(&endpoint, b.token_ttl)?) {
                Ok((status, body)) => match metadata::parse_token(status, &body) {
                    Ok(t) => Some(t),
                    Err(e) if b.disable_imds_v1 => {
                        return Err(format!("{e}, and IMDSv1 is disabled").into());
                    }
                    Err(_) => None,
                },
                Err(e) => {
                    return Err(
                        format!("metadata service {endpoint} unreachable: {}", e.message).into(),
                    );
                }
            };
            let get = |call| {
                http.send(&call)
                    .map_err(|e| format!("metadata service {endpoint}: {}", e.message))
            };
            let role = match &b.role_name {
                Some(r) => r.clone(),
                None => {
                    let (s, body) = get(metadata::role_name_call(&endpoint, token.as_deref())?)?;
                    metadata::parse_role_name(s, &body)?
                }
            };
            let (s, body) = get(metadata::credentials_call(
                &endpoint,
                &role,
                token.as_deref(),
            )?)?;
            Ok(expiring(metadata::parse_credentials(s, &body)?))
        };
        Ok(EcsRamRoleProvider {
            inner: self.tuning.wrap(RefreshingProvider::new(fetch).name(name)),
        })
    }
}

super::refreshing_provider!(EcsRamRoleProvider);
