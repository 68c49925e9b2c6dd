//! Credentials from a URI (a sidecar) and from an external process.

use super::http::Http;
use super::{ExpiringCredentials, RefreshingProvider, Tuning, expiring};
use crate::Error;
use ossio_core::credentials::chain::redact_uri;
use ossio_core::credentials::{HttpCall, answers};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Credentials from a URI that answers `GET` with `{"Code": "Success", "AccessKeyId": ...,
/// "AccessKeySecret": ..., "SecurityToken": ..., "Expiration": ...}`
/// (`ALIBABA_CLOUD_CREDENTIALS_URI`).
#[derive(Debug)]
pub struct UriProvider {
    inner: RefreshingProvider,
}

/// Options of a [`UriProvider`]. `Debug` shows the URI without its query.
pub struct UriBuilder {
    uri: String,
    tuning: Tuning,
}

impl std::fmt::Debug for UriBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UriBuilder")
            .field("uri", &redact_uri(&self.uri))
            .field("tuning", &self.tuning)
            .finish()
    }
}

impl UriProvider {
    /// Credentials from `uri` (`http://` or `https://`).
    pub fn builder(uri: &str) -> UriBuilder {
        UriBuilder {
            uri: uri.to_owned(),
            tuning: Tuning::REMOTE,
        }
    }

    /// From `ALIBABA_CLOUD_CREDENTIALS_URI`.
    pub fn from_env() -> Result<Self, Error> {
        let env = super::chain::process_env();
        match env.get("ALIBABA_CLOUD_CREDENTIALS_URI") {
            Some(u) => Self::builder(u).build(),
            None => Err(Error::Credentials(
                "ALIBABA_CLOUD_CREDENTIALS_URI is not set".into(),
            )),
        }
    }
}

impl UriBuilder {
    super::tuning_methods!();

    /// Checks the URI and builds the provider.
    pub fn build(self) -> Result<UriProvider, Error> {
        let shown = redact_uri(&self.uri);
        if !(self.uri.starts_with("http://") || self.uri.starts_with("https://"))
            || self.uri.bytes().any(|b| b.is_ascii_control() || b == b' ')
        {
            return Err(ossio_core::ValidationError::invalid(
                "credentials_uri",
                &shown,
                "an http:// or https:// URL",
            )
            .into());
        }
        let http = Http::new(&self.tuning);
        let uri = self.uri;
        let name = format!("credentials_uri {shown}");
        let fetch = move || -> Result<ExpiringCredentials, BoxError> {
            let call = HttpCall {
                method: "GET",
                url: uri.clone(),
                headers: Vec::new(),
                body: Vec::new(),
            };
            let (status, body) = http
                .send(&call)
                .map_err(|e| format!("credentials URI {shown}: {}", e.message))?;
            Ok(expiring(answers::parse_uri_answer(status, &body)?))
        };
        Ok(UriProvider {
            inner: self.tuning.wrap(RefreshingProvider::new(fetch).name(name)),
        })
    }
}

super::refreshing_provider!(UriProvider);

/// Credentials printed by a command as JSON: `{"mode": "AK" | "StsToken",
/// "access_key_id": ..., "access_key_secret": ..., "sts_token": ..., "expiration": ...}`
/// (the aliyun CLI's `External` mode). The command is split on whitespace (quotes group)
/// and run without a shell; it runs again when the credentials near their expiration.
#[derive(Debug)]
pub struct ProcessProvider {
    inner: RefreshingProvider,
}

/// Options of a [`ProcessProvider`]. `Debug` shows the program, not its arguments.
pub struct ProcessBuilder {
    command: String,
    timeout: Duration,
    tuning: Tuning,
}

impl std::fmt::Debug for ProcessBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProcessBuilder")
            .field(
                "program",
                &self.command.split_whitespace().next().unwrap_or(""),
            )
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ProcessProvider {
    /// Runs `command` (e.g. `"/usr/local/bin/get-creds --profile ci"`).
    pub fn builder(command: &str) -> ProcessBuilder {
        ProcessBuilder {
            command: command.to_owned(),
            timeout: Duration::from_secs(60),
            tuning: Tuning::REMOTE,
        }
    }
}

/// Splits a command line on whitespace; single or double quotes group.
fn split_command(s: &str) -> Result<Vec<String>, &'static str> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            (None, c) => {
                cur.push(c);
                started = true;
            }
        }
    }
    if quote.is_some() {
        return Err("an unclosed quote");
    }
    if started {
        out.push(cur);
    }
    Ok(out)
}

impl ProcessBuilder {
    /// How long the command may run (default 60 s).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Refresh when less than `d` is left (default 5 minutes).
    pub fn refresh_ahead(mut self, d: Duration) -> Self {
        self.tuning.refresh_ahead = d;
        self
    }

    /// Never hand out credentials with less than `d` left (default 1 minute).
    pub fn min_validity(mut self, d: Duration) -> Self {
        self.tuning.min_validity = d;
        self
    }

    /// Checks the command line and builds the provider.
    pub fn build(self) -> Result<ProcessProvider, Error> {
        let argv = split_command(&self.command).map_err(|why| {
            Error::from(ossio_core::ValidationError::new(
                ossio_core::ValidationKind::Argument,
                "process_command",
                None,
                why,
            ))
        })?;
        let Some(program) = argv.first().cloned() else {
            return Err(ossio_core::ValidationError::new(
                ossio_core::ValidationKind::Argument,
                "process_command",
                None,
                "the command is empty",
            )
            .into());
        };
        let timeout = self.timeout;
        let name = format!("process {program}");
        let fetch =
            move || -> Result<ExpiringCredentials, BoxError> { run(&argv, timeout).map(expiring) };
        Ok(ProcessProvider {
            inner: self.tuning.wrap(RefreshingProvider::new(fetch).name(name)),
        })
    }
}

super::refreshing_provider!(ProcessProvider);

fn run(
    argv: &[String],
    timeout: Duration,
) -> Result<ossio_core::credentials::TemporaryCredentials, BoxError> {
    let mut child = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", argv[0]))?;
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.by_ref().take(64 * 1024).read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{} timed out after {timeout:?}", argv[0]).into());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = reader.join().map_err(|_| "reading the output failed")?;
    if !status.success() {
        return Err(format!("{} exited with {status}", argv[0]).into());
    }
    Ok(answers::parse_process_output(&out)?)
}

#[cfg(test)]
mod tests {
    use super::split_command;

    #[test]
    fn command_lines_split_like_a_shell() {
        assert_eq!(
            split_command("a  b 'c d' \"e\"f").unwrap(),
            ["a", "b", "c d", "ef"]
        );
        assert_eq!(split_command("a ''").unwrap(), ["a", ""]);
        assert!(split_command("a 'b").is_err());
    }
}
