//! What every command runs with: resolved settings, the client, output and dry-run handling.

use crate::cli::Global;
use crate::config::{self, ProfileFile, Resolved};
use crate::error::CliError;
use crate::value::{Format, Value};
use ossio::{Client, Credentials, CredentialsProvider, DefaultChain, RetryPolicy};
use ossio_core::ops::Operation;
use ossio_core::{Body, Method, Request, Signer};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The settings of one invocation.
pub struct Ctx {
    /// The global flags.
    pub global: Global,
    /// Settings after flags, environment and profile.
    pub resolved: Resolved,
    client: Option<Client>,
    chain: Option<Arc<DefaultChain>>,
}

impl Ctx {
    /// Resolves the settings (no network, no client yet). A profile named with
    /// `--profile` or `OSSIO_PROFILE` must exist when `profile_must_exist` (it need not for
    /// `ossio config`, which creates it).
    pub fn new(global: Global, profile_must_exist: bool) -> Result<Self, CliError> {
        let (profile, named) = match (&global.profile, std::env::var("OSSIO_PROFILE")) {
            (Some(p), _) => (p.clone(), true),
            (None, Ok(p)) if !p.is_empty() => (p, true),
            _ => ("default".to_owned(), false),
        };
        let required = named && profile_must_exist;
        let file = match config::file_path() {
            Some(p) => ProfileFile::load(&p)?,
            None => ProfileFile::default(),
        };
        let resolved = config::resolve(&flag_settings(&global), &file, &profile, required)?;
        Ok(Ctx {
            global,
            resolved,
            client: None,
            chain: None,
        })
    }

    /// The output format: `--output`, else `default`.
    pub fn format(&self, default: Format) -> Format {
        self.global.output.unwrap_or(default)
    }

    /// Prints `v` to stdout.
    pub fn print(&self, v: &Value, default: Format) -> Result<(), CliError> {
        write_stdout(v.render(self.format(default)).as_bytes())
    }

    /// Whether a progress bar may be drawn.
    pub fn progress(&self) -> bool {
        !self.global.no_progress && std::io::stderr().is_terminal()
    }

    /// Credentials from flags, `OSS_*` variables or the ossio profile, when an access key
    /// id is set there; `Ok(None)`: none set (the default chain answers).
    fn static_credentials(&self) -> Result<Option<Credentials>, CliError> {
        let id = self.resolved.get("access_key_id");
        let secret = self.resolved.get("access_key_secret");
        match (id, secret) {
            (Some(id), Some(secret)) => {
                let mut c = Credentials::new(id, secret);
                if let Some(t) = self.resolved.get("security_token") {
                    c = c.with_security_token(t);
                }
                Ok(Some(c))
            }
            (Some(_), None) => Err(CliError::usage(
                "an access key id without its secret: set OSS_ACCESS_KEY_SECRET, \
                 --access-key-secret or access_key_secret in the profile",
            )),
            _ => Ok(None),
        }
    }

    /// The provider: fixed keys when set, else the default chain (OIDC, the aliyun CLI's
    /// profile, the ini file, the ECS RAM role, a credentials URI).
    fn provider(&mut self) -> Result<Arc<dyn CredentialsProvider>, CliError> {
        if let Some(c) = self.static_credentials()? {
            return Ok(Arc::new(ossio::StaticProvider::new(c)));
        }
        let chain = self
            .chain
            .get_or_insert_with(|| Arc::new(DefaultChain::new()))
            .clone();
        Ok(chain)
    }

    fn credentials(&mut self) -> Result<Credentials, CliError> {
        self.provider()?.credentials().map_err(|e| match e {
            ossio::Error::Credentials(m) if m.starts_with("no credentials found") => {
                CliError::usage(format!(
                    "no credentials: set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET, pass \
                     --access-key-id/--access-key-secret, run `ossio config`, or configure \
                     one of the default chain's sources ({m})"
                ))
            }
            other => other.into(),
        })
    }

    /// Which provider answers, for `ossio config --show` (never a secret): the setting
    /// that holds the key, or the default chain's step, or why there is none.
    pub fn credentials_source(&mut self) -> String {
        if let Some(s) = self.resolved.settings.get("access_key_id") {
            return format!(
                "static access key {} ({})",
                s.value,
                s.source.describe(&self.resolved.profile)
            );
        }
        match self.credentials() {
            Ok(_) => self
                .chain
                .as_ref()
                .and_then(|c| c.answered_by())
                .map(|a| format!("default chain, {a}"))
                .unwrap_or_default(),
            Err(e) => format!("none: {e}"),
        }
    }

    /// The client, built on first use.
    pub fn client(&mut self) -> Result<&Client, CliError> {
        if self.client.is_none() {
            let region = self.resolved.get("region").ok_or_else(|| {
                CliError::usage("no region: pass --region, set OSS_REGION or run `ossio config`")
            })?;
            let region = region.to_owned();
            let provider = self.provider()?;
            // Fail here, before any request, when nothing provides credentials.
            self.credentials()?;
            let mut b = Client::builder(&region)
                .credentials_provider(provider)
                .connect_timeout(Duration::from_secs(self.global.connect_timeout))
                .read_timeout(Duration::from_secs(self.global.read_timeout))
                .retry_policy(RetryPolicy::default().max_attempts(self.global.max_attempts))
                .user_agent(&format!("ossio-cli/{}", env!("CARGO_PKG_VERSION")));
            if let Some(e) = self.resolved.get("endpoint") {
                b = b.endpoint(e);
            }
            if let Some(a) = self.resolved.get("addressing") {
                b = b.addressing(
                    a.parse()
                        .map_err(|e| CliError::usage(format!("addressing: {e}")))?,
                );
            }
            if let Some(v) = self.resolved.get("signature_version") {
                b = b.signature_version(
                    v.parse()
                        .map_err(|e| CliError::usage(format!("signature version: {e}")))?,
                );
            }
            self.client = Some(b.build()?);
        }
        Ok(self.client.as_ref().expect("built above"))
    }

    /// Sends `op`, or with `--dry-run` prints its signed request and returns `None`.
    pub fn exec<O: Operation>(&mut self, op: &O) -> Result<Option<O::Output>, CliError> {
        if self.dry_run(op)? {
            return Ok(None);
        }
        Ok(Some(self.client()?.send(op)?))
    }

    /// With `--dry-run`, prints the signed request of `op` (no body), and returns true.
    pub fn dry_run<O: Operation>(&mut self, op: &O) -> Result<bool, CliError> {
        self.dry_run_request(|| op.to_request(), None)
    }

    /// With `--dry-run`, prints the signed request `request` builds (its body `length`
    /// streamed bytes from `what` when `stream` says so), and returns true. The request is
    /// built, and so validated, only on a dry run.
    pub fn dry_run_request(
        &mut self,
        request: impl FnOnce() -> Result<Request, ossio_core::Error>,
        stream: Option<(u64, &str)>,
    ) -> Result<bool, CliError> {
        if !self.global.dry_run {
            return Ok(false);
        }
        let req = request()?;
        match stream {
            Some((length, what)) => {
                self.print_dry_run(&req.body(Body::Stream { length }), Some(what))?
            }
            None => self.print_dry_run(&req, None)?,
        }
        Ok(true)
    }

    fn signing_time(&self) -> Result<SystemTime, CliError> {
        let Some(t) = &self.global.signing_time else {
            return Ok(SystemTime::now());
        };
        let secs = t
            .trim()
            .parse::<u64>()
            .ok()
            .or_else(|| ossio_core::time::parse_rfc1123(t))
            .ok_or_else(|| {
                CliError::usage(format!(
                    "--signing-time {t:?} is neither Unix seconds nor an RFC 1123 date"
                ))
            })?;
        Ok(ossio_core::time::from_unix_seconds(secs))
    }

    fn print_dry_run(&mut self, req: &Request, stream_from: Option<&str>) -> Result<(), CliError> {
        let at = self.signing_time()?;
        let creds = self.credentials()?;
        let signer = Signer::new(self.client()?.config().clone());
        let signed = signer.sign(req, &creds, at)?;
        let show = self.global.show_signature;
        let mut headers: Vec<(String, String)> = signed
            .headers
            .iter()
            .map(|(k, v)| {
                let v = if k.eq_ignore_ascii_case(ossio_core::names::X_OSS_SECURITY_TOKEN) {
                    "<redacted>".to_owned()
                } else if k.eq_ignore_ascii_case(ossio_core::names::AUTHORIZATION) && !show {
                    redact_signature(v)
                } else {
                    v.to_owned()
                };
                (k.to_owned(), v)
            })
            .collect();
        // The client adds the length the way the HTTP stack will send it.
        let has_body = !req.body.is_empty() || matches!(req.method, Method::Put | Method::Post);
        if has_body && !signed.headers.contains(ossio_core::names::CONTENT_LENGTH) {
            headers.push((
                ossio_core::names::CONTENT_LENGTH.to_owned(),
                req.body.len().to_string(),
            ));
        }
        let url = ossio_core::credentials::redact_tokens(&signed.url);
        let body = match (&req.body, stream_from) {
            (_, Some(what)) => Some(format!("<{} bytes from {what}>", req.body.len())),
            (Body::Bytes(b), _) => Some(match std::str::from_utf8(b) {
                Ok(s) => s.to_owned(),
                Err(_) => format!("<{} bytes>", b.len()),
            }),
            _ => None,
        };
        let text = match self.format(Format::Json) {
            Format::Json | Format::Yaml if self.global.output.is_some() => {
                let v = crate::value::Value::Object(vec![
                    ("Method".into(), signed.method.as_str().into()),
                    ("Url".into(), url.into()),
                    (
                        "Headers".into(),
                        Value::Object(headers.into_iter().map(|(k, v)| (k, v.into())).collect()),
                    ),
                    ("Body".into(), body.into()),
                ]);
                v.render(self.format(Format::Json))
            }
            _ => {
                let mut s = format!("{} {}\n", signed.method.as_str(), url);
                for (k, v) in &headers {
                    s.push_str(&format!("{k}: {v}\n"));
                }
                if let Some(b) = body {
                    s.push('\n');
                    s.push_str(&b);
                    if !b.ends_with('\n') {
                        s.push('\n');
                    }
                }
                s
            }
        };
        write_stdout(text.as_bytes())
    }
}

pub use ossio_core::credentials::redact_signature;

/// Writes to stdout; a closed pipe (`ossio ls | head`) ends the process quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(CliError::local(format!("cannot write to stdout: {e}"))),
    }
}

/// The global flags that are settings.
fn flag_settings(g: &Global) -> BTreeMap<&'static str, String> {
    let mut m = BTreeMap::new();
    let pairs: [(&'static str, &Option<String>); 7] = [
        ("region", &g.region),
        ("endpoint", &g.endpoint),
        ("access_key_id", &g.access_key_id),
        ("access_key_secret", &g.access_key_secret),
        ("security_token", &g.security_token),
        ("addressing", &g.addressing),
        ("signature_version", &g.signature_version),
    ];
    for (k, v) in pairs {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            m.insert(k, v.clone());
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_redacted_in_both_versions() {
        assert_eq!(
            redact_signature(
                "OSS4-HMAC-SHA256 Credential=ak/20230619/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=abc123"
            ),
            "OSS4-HMAC-SHA256 Credential=ak/20230619/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=<redacted>"
        );
        assert_eq!(redact_signature("OSS ak:c2lnbmF0dXJl"), "OSS ak:<redacted>");
    }
}
