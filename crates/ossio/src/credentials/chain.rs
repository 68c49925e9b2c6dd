//! The default chain, and providers built from a [`Source`].

use super::{
    AssumeRoleProvider, CredentialsProvider, EcsRamRoleProvider, OidcProvider, ProcessProvider,
    StaticProvider, Tuning, UriProvider,
};
use crate::Error;
use ossio_core::Credentials;
use ossio_core::credentials::chain::{
    Decision, Env, File, Inputs, Source, cli_config_path, ini_path, plan,
};
use std::fmt;
use std::sync::{Arc, Mutex};

/// The variables the providers read (`ALIBABA_CLOUD_*`, `OSS_*`, `OSSIO_*`).
pub(crate) fn process_env() -> Env {
    let vars = std::env::vars().filter(|(k, _)| {
        k.starts_with("ALIBABA_CLOUD_") || k.starts_with("OSS_") || k.starts_with("OSSIO_")
    });
    Env::new(vars, super::sts::default_session_name())
}

fn home() -> String {
    std::env::var("HOME")
        .or_else(|_| std::env::var("USERPROFILE"))
        .unwrap_or_default()
}

fn read(path: &str, named: bool) -> File {
    match std::fs::read_to_string(path) {
        Ok(t) => File::Text(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => File::Absent,
        Err(e) => File::Unreadable(e.to_string()),
    }
}

/// What the chain reads: the process environment and the two profile files.
fn gather() -> Inputs {
    let env = process_env();
    let home = home();
    let cli = cli_config_path(&env, &home);
    let (ini, named) = ini_path(&env, &home);
    Inputs {
        cli_config: (cli.clone(), read(&cli, false)),
        ini: (ini.clone(), read(&ini, named)),
        env,
    }
}

/// A provider for `source`.
pub fn provider_for(source: &Source) -> Result<Arc<dyn CredentialsProvider>, Error> {
    Ok(match source {
        Source::Static(c) => Arc::new(StaticProvider::new(c.clone())),
        Source::AssumeRole { base, request, sts } => Arc::new(AssumeRoleProvider::from_parts(
            provider_for(base)?,
            request.clone(),
            sts.clone(),
            Tuning::REMOTE,
        )?),
        Source::Oidc {
            request,
            token_file,
            sts,
        } => Arc::new(OidcProvider::from_parts(
            request.clone(),
            token_file.clone(),
            sts.clone(),
            Tuning::REMOTE,
        )?),
        Source::EcsRamRole {
            role_name,
            disable_imds_v1,
            endpoint,
        } => Arc::new(EcsRamRoleProvider::from_parts(
            role_name.clone(),
            *disable_imds_v1,
            endpoint.clone(),
        )?),
        Source::Uri(u) => Arc::new(UriProvider::builder(u).build()?),
        Source::Process(c) => Arc::new(ProcessProvider::builder(c).build()?),
    })
}

struct Chosen {
    step: &'static str,
    provider: Arc<dyn CredentialsProvider>,
}

/// The default chain of the official credentials libraries, in their order:
///
/// 1. `environment`: `OSS_ACCESS_KEY_ID` / `OSS_ACCESS_KEY_SECRET` / `OSS_SESSION_TOKEN`,
///    or `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` / `ALIBABA_CLOUD_SECURITY_TOKEN`;
/// 2. `oidc`: `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
///    `ALIBABA_CLOUD_OIDC_TOKEN_FILE` (RRSA);
/// 3. `cli_profile`: `~/.aliyun/config.json`, profile `ALIBABA_CLOUD_PROFILE` or the
///    current one (off with `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`);
/// 4. `profile`: the ini file `ALIBABA_CLOUD_CREDENTIALS_FILE` or
///    `~/.alibabacloud/credentials`, section `ALIBABA_CLOUD_PROFILE` or `default`;
/// 5. `ecs_ram_role`: the metadata service (off with
///    `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`); tried, and passed over when absent,
///    unless `ALIBABA_CLOUD_ECS_METADATA` names the role;
/// 6. `credentials_uri`: `ALIBABA_CLOUD_CREDENTIALS_URI`.
///
/// The first configured step answers, and keeps answering (its provider refreshes). A
/// partly configured step is an error naming what is missing. The environment and files
/// are read at the first request, not when the chain is made.
pub struct DefaultChain {
    inputs: Mutex<Option<Inputs>>,
    chosen: Mutex<Option<Chosen>>,
}

impl fmt::Debug for DefaultChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultChain")
            .field("answered_by", &self.answered_by())
            .finish()
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl DefaultChain {
    /// The chain over the process environment and the profile files in the home directory.
    pub fn new() -> Self {
        DefaultChain {
            inputs: Mutex::new(None),
            chosen: Mutex::new(None),
        }
    }

    /// The chain over given inputs (an environment map and file contents), for tests and
    /// for callers that hold the configuration elsewhere.
    pub fn from_inputs(inputs: Inputs) -> Self {
        DefaultChain {
            inputs: Mutex::new(Some(inputs)),
            chosen: Mutex::new(None),
        }
    }

    /// Which step answered and its provider (`oidc: oidc_role_arn acs:ram::...`), once
    /// credentials were asked for; never a secret.
    pub fn answered_by(&self) -> Option<String> {
        let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        chosen
            .as_ref()
            .map(|c| format!("{}: {}", c.step, c.provider.describe()))
    }

    /// Walks the chain (once) and returns the step that answers, fetching its first
    /// credentials.
    pub fn resolve(&self) -> Result<String, Error> {
        self.credentials()?;
        Ok(self.answered_by().unwrap_or_default())
    }

    fn choose(&self) -> Result<Arc<dyn CredentialsProvider>, Error> {
        let mut chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = chosen.as_ref() {
            return Ok(c.provider.clone());
        }
        let inputs = self
            .inputs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(gather);
        let mut passed = Vec::new();
        for step in plan(&inputs) {
            let name = step.name;
            match step.decision {
                Decision::Skip(why) => passed.push(format!("{name}: {why}")),
                Decision::Fail(why) => {
                    return Err(Error::Credentials(format!("default chain, {name}: {why}")));
                }
                Decision::Use(source) => {
                    let provider = provider_for(&source)
                        .map_err(|e| Error::Credentials(format!("default chain, {name}: {e}")))?;
                    *chosen = Some(Chosen {
                        step: name,
                        provider: provider.clone(),
                    });
                    return Ok(provider);
                }
                Decision::Try(source) => {
                    let attempt = provider_for(&source).and_then(|p| p.credentials().map(|_| p));
                    match attempt {
                        Ok(provider) => {
                            *chosen = Some(Chosen {
                                step: name,
                                provider: provider.clone(),
                            });
                            return Ok(provider);
                        }
                        Err(e) => passed.push(format!("{name}: {e}")),
                    }
                }
            }
        }
        Err(Error::Credentials(format!(
            "no credentials found by the default chain ({})",
            passed.join("; ")
        )))
    }
}

impl CredentialsProvider for DefaultChain {
    fn credentials(&self) -> Result<Credentials, Error> {
        self.choose()?.credentials()
    }

    fn describe(&self) -> String {
        match self.answered_by() {
            Some(a) => format!("default chain ({a})"),
            None => "default chain".to_owned(),
        }
    }
}

/// Credentials from one profile of a profile file: the aliyun CLI's `config.json` (modes
/// `AK`, `StsToken`, `RamRoleArn`, `EcsRamRole`, `OIDC`, `ChainableRamRoleArn`,
/// `CredentialsURI`, `External`) or the ini file (`type` = `access_key`, `sts`,
/// `ecs_ram_role`, `ram_role_arn`, `oidc_role_arn`, `credentials_uri`). The file is read
/// when the provider is made; a missing file, profile or field is an error naming it.
pub struct ProfileProvider {
    inner: Arc<dyn CredentialsProvider>,
    name: String,
}

impl fmt::Debug for ProfileProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileProvider")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl ProfileProvider {
    /// Profile `profile` (default `ALIBABA_CLOUD_PROFILE`, then the file's `current`) of
    /// the aliyun CLI's configuration at `path` (default
    /// `$ALIBABA_CLOUD_CONFIG_DIR/config.json` or `~/.aliyun/config.json`).
    pub fn aliyun_cli(path: Option<&str>, profile: Option<&str>) -> Result<Self, Error> {
        use ossio_core::credentials::profile::parse_cli_config;
        let env = process_env();
        let path = path.map_or_else(|| cli_config_path(&env, &home()), str::to_owned);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Credentials(format!("cannot read {path}: {e}")))?;
        let cfg = parse_cli_config(&path, &text).map_err(|e| Error::Credentials(e.to_string()))?;
        let name = profile
            .or(env.get("ALIBABA_CLOUD_PROFILE"))
            .map(str::to_owned)
            .unwrap_or_else(|| cfg.current.clone());
        let source = cfg
            .source(&path, &name, &env)
            .map_err(|e| Error::Credentials(e.to_string()))?;
        Self::from_source(format!("cli_profile {name}"), &source)
    }

    /// Section `profile` (default `ALIBABA_CLOUD_PROFILE`, then `default`) of the ini file
    /// at `path` (default `ALIBABA_CLOUD_CREDENTIALS_FILE` or `~/.alibabacloud/credentials`).
    pub fn ini(path: Option<&str>, profile: Option<&str>) -> Result<Self, Error> {
        use ossio_core::credentials::profile::{ini_source, parse_ini};
        let env = process_env();
        let path = path.map_or_else(|| ini_path(&env, &home()).0, str::to_owned);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Credentials(format!("cannot read {path}: {e}")))?;
        let ini = parse_ini(&path, &text).map_err(|e| Error::Credentials(e.to_string()))?;
        let name = profile
            .or(env.get("ALIBABA_CLOUD_PROFILE"))
            .unwrap_or("default")
            .to_owned();
        let source =
            ini_source(&path, &ini, &name, &env).map_err(|e| Error::Credentials(e.to_string()))?;
        Self::from_source(format!("profile {name}"), &source)
    }

    fn from_source(label: String, source: &Source) -> Result<Self, Error> {
        let inner = provider_for(source)?;
        let name = format!("{label}: {}", inner.describe());
        Ok(ProfileProvider { inner, name })
    }
}

impl CredentialsProvider for ProfileProvider {
    fn credentials(&self) -> Result<Credentials, Error> {
        self.inner.credentials()
    }

    fn describe(&self) -> String {
        self.name.clone()
    }
}
