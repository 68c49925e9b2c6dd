//! Profile files: the aliyun CLI's `~/.aliyun/config.json` and the ini file
//! `~/.alibabacloud/credentials`. Parsing and the choice of a [`Source`] are pure: the
//! caller reads the files.

use super::chain::{Env, Source};
use super::sts::{AssumeRole, AssumeRoleWithOidc, DEFAULT_DURATION, StsEndpoint};
use crate::Credentials;
use std::collections::BTreeMap;
use std::fmt;

/// A profile file that cannot be used, naming the file, the profile and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    /// The file (as the caller named it).
    pub path: String,
    /// The profile (section) name, when one was chosen.
    pub profile: Option<String>,
    /// What is wrong; never a secret value.
    pub reason: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.profile {
            Some(p) => write!(f, "{} profile {p:?}: {}", self.path, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for ProfileError {}

/// One profile of the aliyun CLI's `config.json`.
#[derive(Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CliProfile {
    /// The profile name.
    pub name: String,
    /// `AK`, `StsToken`, `RamRoleArn`, `EcsRamRole`, `OIDC`, `ChainableRamRoleArn`,
    /// `CredentialsURI` or `External`.
    pub mode: String,
    /// Access key id (`AK`, `StsToken`, `RamRoleArn`).
    pub access_key_id: String,
    /// Access key secret.
    pub access_key_secret: String,
    /// STS token (`StsToken`).
    pub sts_token: String,
    /// The role to assume (`RamRoleArn`, `OIDC`, `ChainableRamRoleArn`).
    pub ram_role_arn: String,
    /// The session name.
    pub ram_session_name: String,
    /// Session duration in seconds (0: the default hour).
    pub expired_seconds: u32,
    /// The profile whose credentials assume the role (`ChainableRamRoleArn`).
    pub source_profile: String,
    /// The ECS instance's role (`EcsRamRole`; empty: discovered).
    pub ram_role_name: String,
    /// The OIDC provider (`OIDC`).
    pub oidc_provider_arn: String,
    /// The OIDC token file (`OIDC`).
    pub oidc_token_file: String,
    /// The credentials URI (`CredentialsURI`).
    pub credentials_uri: String,
    /// The command printing credentials (`External`).
    pub process_command: String,
    /// STS region.
    pub sts_region: String,
    /// Use the STS VPC endpoint.
    pub enable_vpc: bool,
    /// A policy narrowing the role.
    pub policy: String,
    /// The external id of the role's trust policy.
    pub external_id: String,
    /// The profile's region (not used for credentials).
    pub region_id: String,
}

impl fmt::Debug for CliProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CliProfile")
            .field("name", &self.name)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

/// The aliyun CLI's `config.json`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CliConfig {
    /// The profile `aliyun` uses when none is named.
    pub current: String,
    /// Every profile.
    pub profiles: Vec<CliProfile>,
}

/// Parses `config.json` (`path` only names the file in errors).
pub fn parse_cli_config(path: &str, text: &str) -> Result<CliConfig, ProfileError> {
    let cfg: CliConfig = serde_json::from_str(text).map_err(|e| ProfileError {
        path: path.into(),
        profile: None,
        // serde's message names line and column, never the value.
        reason: format!(
            "not a valid aliyun CLI configuration (line {}, column {})",
            e.line(),
            e.column()
        ),
    })?;
    if cfg.profiles.is_empty() {
        return Err(ProfileError {
            path: path.into(),
            profile: None,
            reason: "no profiles".into(),
        });
    }
    Ok(cfg)
}

fn sts_for(env: &Env, region: &str, vpc: bool) -> StsEndpoint {
    let mut sts = env.sts_endpoint();
    if !region.is_empty() {
        sts.region = Some(region.to_owned());
    }
    sts.vpc |= vpc;
    sts
}

impl CliConfig {
    /// The source that profile `name` describes; `ChainableRamRoleArn` profiles resolve
    /// their `source_profile` recursively (a cycle is an error).
    pub fn source(&self, path: &str, name: &str, env: &Env) -> Result<Source, ProfileError> {
        self.source_inner(path, name, env, &mut Vec::new())
    }

    fn source_inner(
        &self,
        path: &str,
        name: &str,
        env: &Env,
        seen: &mut Vec<String>,
    ) -> Result<Source, ProfileError> {
        let err = |reason: String| ProfileError {
            path: path.into(),
            profile: Some(name.into()),
            reason,
        };
        if seen.iter().any(|s| s == name) {
            return Err(err(format!(
                "source_profile chain loops: {} -> {name}",
                seen.join(" -> ")
            )));
        }
        seen.push(name.to_owned());
        let p = self
            .profiles
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| err("no such profile".into()))?;
        let need = |v: &str, field: &str| {
            if v.is_empty() {
                Err(err(format!("mode {} needs {field}", p.mode)))
            } else {
                Ok(v.to_owned())
            }
        };
        let duration = if p.expired_seconds == 0 {
            DEFAULT_DURATION
        } else {
            p.expired_seconds
        };
        let session = if p.ram_session_name.is_empty() {
            env.default_session_name.clone()
        } else {
            p.ram_session_name.clone()
        };
        let assume = |role_arn: String| AssumeRole {
            role_arn,
            role_session_name: session.clone(),
            duration_seconds: duration,
            policy: Some(p.policy.clone()).filter(|s| !s.is_empty()),
            external_id: Some(p.external_id.clone()).filter(|s| !s.is_empty()),
        };
        let source = match p.mode.as_str() {
            "AK" => Source::Static(Credentials::new(
                need(&p.access_key_id, "access_key_id")?,
                need(&p.access_key_secret, "access_key_secret")?,
            )),
            "StsToken" => Source::Static(
                Credentials::new(
                    need(&p.access_key_id, "access_key_id")?,
                    need(&p.access_key_secret, "access_key_secret")?,
                )
                .with_security_token(need(&p.sts_token, "sts_token")?),
            ),
            "RamRoleArn" => {
                let base = Credentials::new(
                    need(&p.access_key_id, "access_key_id")?,
                    need(&p.access_key_secret, "access_key_secret")?,
                )
                .with_security_token(p.sts_token.clone());
                Source::AssumeRole {
                    base: Box::new(Source::Static(base)),
                    request: assume(need(&p.ram_role_arn, "ram_role_arn")?),
                    sts: sts_for(env, &p.sts_region, p.enable_vpc),
                }
            }
            "ChainableRamRoleArn" => {
                let from = need(&p.source_profile, "source_profile")?;
                let role = need(&p.ram_role_arn, "ram_role_arn")?;
                let base = self.source_inner(path, &from, env, seen)?;
                Source::AssumeRole {
                    base: Box::new(base),
                    request: assume(role),
                    sts: sts_for(env, &p.sts_region, p.enable_vpc),
                }
            }
            "EcsRamRole" => Source::EcsRamRole {
                role_name: Some(p.ram_role_name.clone()).filter(|s| !s.is_empty()),
                disable_imds_v1: env.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"),
                endpoint: env.get("OSSIO_ECS_METADATA_ENDPOINT").map(str::to_owned),
            },
            "OIDC" => Source::Oidc {
                request: AssumeRoleWithOidc {
                    role_arn: need(&p.ram_role_arn, "ram_role_arn")?,
                    oidc_provider_arn: need(&p.oidc_provider_arn, "oidc_provider_arn")?,
                    role_session_name: session.clone(),
                    duration_seconds: duration,
                    policy: Some(p.policy.clone()).filter(|s| !s.is_empty()),
                },
                token_file: need(&p.oidc_token_file, "oidc_token_file")?,
                sts: sts_for(env, &p.sts_region, p.enable_vpc),
            },
            "CredentialsURI" => Source::Uri(need(&p.credentials_uri, "credentials_uri")?),
            "External" => Source::Process(need(&p.process_command, "process_command")?),
            "" => return Err(err("the profile has no mode".into())),
            other => return Err(err(format!("mode {other:?} is not supported"))),
        };
        Ok(source)
    }
}

/// An ini file: section name to its `key = value` pairs.
pub type Ini = BTreeMap<String, BTreeMap<String, String>>;

/// Parses an ini file: `[section]` headers, `key = value` (or `key: value`) lines, `#` and
/// `;` comment lines; as in the official library, anything after a `#` in a value is a
/// comment.
pub fn parse_ini(path: &str, text: &str) -> Result<Ini, ProfileError> {
    let mut out = Ini::new();
    let mut current: Option<String> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest.strip_suffix(']').ok_or_else(|| ProfileError {
                path: path.into(),
                profile: None,
                reason: format!("line {}: a section header must end with ']'", n + 1),
            })?;
            let name = name.trim().to_owned();
            out.entry(name.clone()).or_default();
            current = Some(name);
            continue;
        }
        let split = line.find(['=', ':']).ok_or_else(|| ProfileError {
            path: path.into(),
            profile: current.clone(),
            reason: format!("line {}: expected key = value", n + 1),
        })?;
        let section = current.as_ref().ok_or_else(|| ProfileError {
            path: path.into(),
            profile: None,
            reason: format!("line {}: a value before any [section]", n + 1),
        })?;
        let key = line[..split].trim().to_ascii_lowercase();
        let mut value = line[split + 1..].trim();
        if let Some(i) = value.find('#') {
            value = value[..i].trim();
        }
        out.get_mut(section)
            .expect("inserted with the header")
            .insert(key, value.to_owned());
    }
    Ok(out)
}

/// The source that section `name` of an ini file describes (`type` = `access_key`, `sts`,
/// `ecs_ram_role`, `ram_role_arn`, `oidc_role_arn` or `credentials_uri`).
pub fn ini_source(path: &str, ini: &Ini, name: &str, env: &Env) -> Result<Source, ProfileError> {
    let err = |reason: String| ProfileError {
        path: path.into(),
        profile: Some(name.into()),
        reason,
    };
    let s = ini.get(name).ok_or_else(|| err("no such section".into()))?;
    let kind = s.get("type").map(String::as_str).unwrap_or("");
    let need = |field: &str| {
        s.get(field)
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| err(format!("type {kind} needs {field}")))
    };
    let opt = |field: &str| s.get(field).filter(|v| !v.is_empty()).cloned();
    let session = opt("role_session_name").unwrap_or_else(|| env.default_session_name.clone());
    let duration = match opt("duration_seconds") {
        Some(d) => d
            .parse()
            .map_err(|_| err("duration_seconds is not a number".into()))?,
        None => DEFAULT_DURATION,
    };
    Ok(match kind {
        "access_key" => Source::Static(Credentials::new(
            need("access_key_id")?,
            need("access_key_secret")?,
        )),
        "sts" => Source::Static(
            Credentials::new(need("access_key_id")?, need("access_key_secret")?)
                .with_security_token(need("security_token")?),
        ),
        "ecs_ram_role" => Source::EcsRamRole {
            role_name: opt("role_name"),
            disable_imds_v1: env.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"),
            endpoint: env.get("OSSIO_ECS_METADATA_ENDPOINT").map(str::to_owned),
        },
        "ram_role_arn" => Source::AssumeRole {
            base: Box::new(Source::Static(Credentials::new(
                need("access_key_id")?,
                need("access_key_secret")?,
            ))),
            request: AssumeRole {
                role_arn: need("role_arn")?,
                role_session_name: session,
                duration_seconds: duration,
                policy: opt("policy"),
                external_id: opt("external_id"),
            },
            sts: sts_for(
                env,
                opt("sts_region").as_deref().unwrap_or(""),
                opt("enable_vpc").is_some_and(|v| v.eq_ignore_ascii_case("true")),
            ),
        },
        "oidc_role_arn" => Source::Oidc {
            request: AssumeRoleWithOidc {
                role_arn: need("role_arn")?,
                oidc_provider_arn: need("oidc_provider_arn")?,
                role_session_name: session,
                duration_seconds: duration,
                policy: opt("policy"),
            },
            token_file: need("oidc_token_file_path")?,
            sts: sts_for(
                env,
                opt("sts_region").as_deref().unwrap_or(""),
                opt("enable_vpc").is_some_and(|v| v.eq_ignore_ascii_case("true")),
            ),
        },
        "credentials_uri" => Source::Uri(need("credentials_uri")?),
        "" => return Err(err("the section has no type".into())),
        other => return Err(err(format!("type {other:?} is not supported"))),
    })
}
