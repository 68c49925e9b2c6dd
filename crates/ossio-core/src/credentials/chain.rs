//! The default chain's decisions, given the environment and the profile files' contents.
//!
//! The order is the official libraries': environment, OIDC (RRSA), the aliyun CLI's
//! `config.json`, the ini credentials file, the ECS RAM role, the credentials URI. A
//! partly configured step is an error naming what is missing, never a silent skip.

use super::profile::{CliConfig, ini_source, parse_cli_config, parse_ini};
use super::sts::{AssumeRole, AssumeRoleWithOidc, DEFAULT_DURATION, StsEndpoint};
use crate::Credentials;
use std::collections::BTreeMap;
use std::fmt;

/// Where credentials come from, fully configured: what a provider is built from.
#[derive(Clone, PartialEq, Eq)]
pub enum Source {
    /// Fixed credentials (access key, or access key with STS token).
    Static(Credentials),
    /// `AssumeRole` with the credentials of `base`.
    AssumeRole {
        /// Whose credentials sign the `AssumeRole` request.
        base: Box<Source>,
        /// The role and session.
        request: AssumeRole,
        /// Where STS is.
        sts: StsEndpoint,
    },
    /// `AssumeRoleWithOIDC` with the token read from `token_file` on each refresh.
    Oidc {
        /// The role, provider and session.
        request: AssumeRoleWithOidc,
        /// The OIDC token file.
        token_file: String,
        /// Where STS is.
        sts: StsEndpoint,
    },
    /// The ECS instance's RAM role from the metadata service.
    EcsRamRole {
        /// The role; `None`: asked from the metadata service.
        role_name: Option<String>,
        /// Never fall back to requests without a session token.
        disable_imds_v1: bool,
        /// The metadata service (default `http://100.100.100.200`).
        endpoint: Option<String>,
    },
    /// A credentials URI.
    Uri(String),
    /// A command printing credentials as JSON.
    Process(String),
}

impl Source {
    /// A short name: `static`, `assume_role/<base>`, `oidc_role_arn`, `ecs_ram_role`,
    /// `credentials_uri`, `process`.
    pub fn name(&self) -> String {
        match self {
            Source::Static(_) => "static".into(),
            Source::AssumeRole { base, .. } => format!("assume_role/{}", base.name()),
            Source::Oidc { .. } => "oidc_role_arn".into(),
            Source::EcsRamRole { .. } => "ecs_ram_role".into(),
            Source::Uri(_) => "credentials_uri".into(),
            Source::Process(_) => "process".into(),
        }
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Static(c) => f.debug_tuple("Static").field(c).finish(),
            Source::AssumeRole { base, request, sts } => f
                .debug_struct("AssumeRole")
                .field("base", base)
                .field("role_arn", &request.role_arn)
                .field("sts", sts)
                .finish_non_exhaustive(),
            Source::Oidc {
                request,
                token_file,
                sts,
            } => f
                .debug_struct("Oidc")
                .field("role_arn", &request.role_arn)
                .field("oidc_provider_arn", &request.oidc_provider_arn)
                .field("token_file", token_file)
                .field("sts", sts)
                .finish_non_exhaustive(),
            Source::EcsRamRole {
                role_name,
                disable_imds_v1,
                endpoint,
            } => f
                .debug_struct("EcsRamRole")
                .field("role_name", role_name)
                .field("disable_imds_v1", disable_imds_v1)
                .field("endpoint", endpoint)
                .finish(),
            Source::Uri(u) => f.debug_tuple("Uri").field(&redact_uri(u)).finish(),
            Source::Process(c) => f
                .debug_tuple("Process")
                .field(&c.split_whitespace().next().unwrap_or(""))
                .finish(),
        }
    }
}

/// A URI without its query and user info (either may carry a token).
pub fn redact_uri(uri: &str) -> String {
    let no_query = uri.split(['?', '#']).next().unwrap_or("");
    match (no_query.find("://"), no_query.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            format!("{}***@{}", &no_query[..s + 3], &no_query[at + 1..])
        }
        _ => no_query.to_owned(),
    }
}

/// The environment as the chain reads it: non-empty variables only, plus the session name
/// to use when none is configured.
#[derive(Clone, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
    /// The session name for role assumptions that name none.
    pub default_session_name: String,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Env")
            .field("names", &self.vars.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Env {
    /// From `(name, value)` pairs (empty values are dropped).
    pub fn new<I, K, V>(vars: I, default_session_name: impl Into<String>) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Env {
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            default_session_name: default_session_name.into(),
        }
    }

    /// The variable's value, if set and non-empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// Whether the variable is `true` (any case).
    pub fn flag(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// The STS endpoint from `OSSIO_STS_ENDPOINT`, `ALIBABA_CLOUD_STS_REGION` and
    /// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
    pub fn sts_endpoint(&self) -> StsEndpoint {
        StsEndpoint {
            endpoint: self.get("OSSIO_STS_ENDPOINT").map(str::to_owned),
            region: self.get("ALIBABA_CLOUD_STS_REGION").map(str::to_owned),
            vpc: self.flag("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"),
        }
    }

    /// The role session name: `ALIBABA_CLOUD_ROLE_SESSION_NAME` or the default.
    pub fn session_name(&self) -> String {
        self.get("ALIBABA_CLOUD_ROLE_SESSION_NAME")
            .map(str::to_owned)
            .unwrap_or_else(|| self.default_session_name.clone())
    }

    /// Static credentials from `OSS_ACCESS_KEY_ID` / `OSS_ACCESS_KEY_SECRET` /
    /// `OSS_SESSION_TOKEN`, else the `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` /
    /// `ALIBABA_CLOUD_SECURITY_TOKEN` names. `Ok(None)`: neither set; an error names the
    /// half of a pair that is missing.
    pub fn static_credentials(&self) -> Result<Option<Credentials>, String> {
        let sets = [
            (
                "OSS_ACCESS_KEY_ID",
                "OSS_ACCESS_KEY_SECRET",
                "OSS_SESSION_TOKEN",
            ),
            (
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "ALIBABA_CLOUD_SECURITY_TOKEN",
            ),
        ];
        for (id, secret, token) in sets {
            match (self.get(id), self.get(secret)) {
                (Some(i), Some(s)) => {
                    let mut c = Credentials::new(i, s);
                    if let Some(t) = self.get(token) {
                        c = c.with_security_token(t);
                    }
                    return Ok(Some(c));
                }
                (Some(_), None) => return Err(format!("{id} is set but {secret} is not")),
                (None, Some(_)) => return Err(format!("{secret} is set but {id} is not")),
                (None, None) => {}
            }
        }
        Ok(None)
    }

    /// The OIDC source from `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and
    /// `ALIBABA_CLOUD_OIDC_TOKEN_FILE`. `Ok(None)`: none set; an error names what is missing.
    pub fn oidc(&self) -> Result<Option<Source>, String> {
        let names = [
            "ALIBABA_CLOUD_ROLE_ARN",
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
        ];
        let set: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| self.get(n).is_some())
            .collect();
        if set.is_empty() {
            return Ok(None);
        }
        if set.len() < names.len() {
            let missing: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| self.get(n).is_none())
                .collect();
            return Err(format!(
                "{} set but {} not",
                set.join(" and "),
                missing.join(" and ")
            ));
        }
        Ok(Some(Source::Oidc {
            request: AssumeRoleWithOidc {
                role_arn: self.get(names[0]).unwrap_or_default().to_owned(),
                oidc_provider_arn: self.get(names[1]).unwrap_or_default().to_owned(),
                role_session_name: self.session_name(),
                duration_seconds: DEFAULT_DURATION,
                policy: None,
            },
            token_file: self.get(names[2]).unwrap_or_default().to_owned(),
            sts: self.sts_endpoint(),
        }))
    }

    /// The ECS RAM role source from `ALIBABA_CLOUD_ECS_METADATA` (role name),
    /// `ALIBABA_CLOUD_IMDSV1_DISABLED` and `OSSIO_ECS_METADATA_ENDPOINT`.
    pub fn ecs(&self) -> Source {
        Source::EcsRamRole {
            role_name: self.get("ALIBABA_CLOUD_ECS_METADATA").map(str::to_owned),
            disable_imds_v1: self.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"),
            endpoint: self.get("OSSIO_ECS_METADATA_ENDPOINT").map(str::to_owned),
        }
    }

    /// `AssumeRole` of `role_arn` with `base`'s credentials, session and STS from the
    /// environment.
    pub fn assume_role(&self, base: Source, role_arn: &str) -> Source {
        Source::AssumeRole {
            base: Box::new(base),
            request: AssumeRole::new(role_arn, self.session_name()),
            sts: self.sts_endpoint(),
        }
    }
}

/// A profile file as the caller found it. `Debug` shows its length, not its contents.
#[derive(Clone)]
pub enum File {
    /// Not there (the default path, not named by a variable).
    Absent,
    /// Named by a variable but unreadable: the reason.
    Unreadable(String),
    /// Its contents.
    Text(String),
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            File::Absent => f.write_str("Absent"),
            File::Unreadable(e) => f.debug_tuple("Unreadable").field(e).finish(),
            File::Text(t) => write!(f, "Text({} bytes)", t.len()),
        }
    }
}

/// What the chain is given.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// The environment.
    pub env: Env,
    /// `~/.aliyun/config.json` (path, contents).
    pub cli_config: (String, File),
    /// The ini file (`ALIBABA_CLOUD_CREDENTIALS_FILE` or `~/.alibabacloud/credentials`).
    pub ini: (String, File),
}

/// What one step of the chain decided.
#[derive(Clone, Debug)]
pub enum Decision {
    /// Configured: use this source, and only it.
    Use(Source),
    /// Possibly available (the ECS metadata service): try it, go on if it is not there.
    Try(Source),
    /// Not configured: why, for the final error.
    Skip(String),
    /// Partly or wrongly configured: the chain stops with this error.
    Fail(String),
}

/// One step: its name (`environment`, `oidc`, `cli_profile`, `profile`, `ecs_ram_role`,
/// `credentials_uri`) and decision.
#[derive(Clone, Debug)]
pub struct Step {
    /// The step's name.
    pub name: &'static str,
    /// What it decided.
    pub decision: Decision,
}

/// The chain's steps in order. The caller walks them: the first `Fail` is the answer, the
/// first `Use` is the provider, a `Try` is tried and passed over if it fails.
pub fn plan(inputs: &Inputs) -> Vec<Step> {
    let env = &inputs.env;
    let mut steps = Vec::new();
    let step = |name, decision| Step { name, decision };

    steps.push(step(
        "environment",
        match env.static_credentials() {
            Ok(Some(c)) => Decision::Use(Source::Static(c)),
            Ok(None) => Decision::Skip("no access key variables".into()),
            Err(e) => Decision::Fail(e),
        },
    ));

    steps.push(step(
        "oidc",
        match env.oidc() {
            Ok(Some(s)) => Decision::Use(s),
            Ok(None) => Decision::Skip("ALIBABA_CLOUD_OIDC_* not set".into()),
            Err(e) => Decision::Fail(e),
        },
    ));

    let explicit_profile = env.get("ALIBABA_CLOUD_PROFILE");
    steps.push(step(
        "cli_profile",
        cli_step(env, &inputs.cli_config, explicit_profile),
    ));
    steps.push(step(
        "profile",
        ini_step(env, &inputs.ini, explicit_profile),
    ));

    steps.push(step(
        "ecs_ram_role",
        if env.flag("ALIBABA_CLOUD_ECS_METADATA_DISABLED") {
            Decision::Skip("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true".into())
        } else if env.get("ALIBABA_CLOUD_ECS_METADATA").is_some() {
            Decision::Use(env.ecs())
        } else {
            Decision::Try(env.ecs())
        },
    ));

    steps.push(step(
        "credentials_uri",
        match env.get("ALIBABA_CLOUD_CREDENTIALS_URI") {
            Some(u) => Decision::Use(Source::Uri(u.to_owned())),
            None => Decision::Skip("ALIBABA_CLOUD_CREDENTIALS_URI not set".into()),
        },
    ));
    steps
}

fn cli_step(env: &Env, (path, file): &(String, File), explicit: Option<&str>) -> Decision {
    if env.flag("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") {
        return Decision::Skip("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true".into());
    }
    let text = match file {
        File::Absent => return Decision::Skip(format!("{path} not found")),
        File::Unreadable(e) => return Decision::Fail(format!("{path}: {e}")),
        File::Text(t) => t,
    };
    let cfg: CliConfig = match parse_cli_config(path, text) {
        Ok(c) => c,
        Err(e) => return Decision::Fail(e.to_string()),
    };
    let name = match explicit {
        Some(n) => n.to_owned(),
        None if cfg.current.is_empty() => {
            return Decision::Fail(format!(
                "{path}: no current profile and ALIBABA_CLOUD_PROFILE not set"
            ));
        }
        None => cfg.current.clone(),
    };
    if explicit.is_some() && !cfg.profiles.iter().any(|p| p.name == name) {
        return Decision::Skip(format!("{path} has no profile {name:?}"));
    }
    match cfg.source(path, &name, env) {
        Ok(s) => Decision::Use(s),
        Err(e) => Decision::Fail(e.to_string()),
    }
}

fn ini_step(env: &Env, (path, file): &(String, File), explicit: Option<&str>) -> Decision {
    let text = match file {
        File::Absent => return Decision::Skip(format!("{path} not found")),
        File::Unreadable(e) => return Decision::Fail(format!("{path}: {e}")),
        File::Text(t) => t,
    };
    let ini = match parse_ini(path, text) {
        Ok(i) => i,
        Err(e) => return Decision::Fail(e.to_string()),
    };
    let name = explicit.unwrap_or("default");
    if !ini.contains_key(name) {
        return Decision::Skip(format!("{path} has no section [{name}]"));
    }
    match ini_source(path, &ini, name, env) {
        Ok(s) => Decision::Use(s),
        Err(e) => Decision::Fail(e.to_string()),
    }
}

/// The ini file's path: `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
/// `<home>/.alibabacloud/credentials`; and whether a variable named it.
pub fn ini_path(env: &Env, home: &str) -> (String, bool) {
    match env.get("ALIBABA_CLOUD_CREDENTIALS_FILE") {
        Some(p) => (p.to_owned(), true),
        None => (format!("{home}/.alibabacloud/credentials"), false),
    }
}

/// The aliyun CLI configuration's path: `<ALIBABA_CLOUD_CONFIG_DIR or home/.aliyun>/config.json`.
pub fn cli_config_path(env: &Env, home: &str) -> String {
    match env.get("ALIBABA_CLOUD_CONFIG_DIR") {
        Some(d) => format!("{}/config.json", d.trim_end_matches('/')),
        None => format!("{home}/.aliyun/config.json"),
    }
}
