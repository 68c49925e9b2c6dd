//! Running the built `ossio` binary against an in-process server, with a private HOME and
//! none of the caller's OSS settings.

#![allow(dead_code)]

use ossio_server::{ServerConfig, ServerHandle};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_ossio");

/// Environment variables that would leak the caller's settings into a test.
const SCRUB: [&str; 25] = [
    "OSS_REGION",
    "OSS_ENDPOINT",
    "OSS_ACCESS_KEY_ID",
    "OSS_ACCESS_KEY_SECRET",
    "OSS_SESSION_TOKEN",
    "OSS_ADDRESSING",
    "OSS_SIGNATURE_VERSION",
    "ALIBABA_CLOUD_REGION_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "OSSIO_CONFIG_FILE",
    "OSSIO_PROFILE",
    "XDG_CONFIG_HOME",
    // The default chain's sources.
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
    "ALIBABA_CLOUD_PROFILE",
    "ALIBABA_CLOUD_CONFIG_DIR",
    "ALIBABA_CLOUD_CREDENTIALS_FILE",
    "ALIBABA_CLOUD_CREDENTIALS_URI",
    "ALIBABA_CLOUD_ECS_METADATA",
    "ALIBABA_CLOUD_STS_REGION",
    "OSSIO_STS_ENDPOINT",
    "OSSIO_ECS_METADATA_ENDPOINT",
];

/// A server and a scratch HOME.
pub struct Fixture {
    pub server: ServerHandle,
    pub home: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Self {
        Fixture {
            server: ossio_server::start(ServerConfig::new()).unwrap(),
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// `ossio` with no settings at all (only HOME).
    pub fn bare(&self) -> Command {
        bare(self.home.path())
    }

    /// `ossio` configured through the environment for the server.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.env("OSS_REGION", self.server.region())
            .env("OSS_ENDPOINT", self.server.endpoint())
            .env("OSS_ACCESS_KEY_ID", ossio_server::DEFAULT_ACCESS_KEY_ID)
            .env(
                "OSS_ACCESS_KEY_SECRET",
                ossio_server::DEFAULT_ACCESS_KEY_SECRET,
            );
        c
    }

    /// Runs `ossio <args>` configured for the server.
    pub fn run(&self, args: &[&str]) -> Run {
        run(self.cmd().args(args))
    }

    /// Runs and expects success, returning stdout parsed as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let r = self.run(args);
        r.ok();
        serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("ossio {args:?}: stdout is not JSON ({e}): {}", r.stdout))
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }
}

pub fn bare(home: &Path) -> Command {
    let mut c = Command::new(BIN);
    for v in SCRUB {
        c.env_remove(v);
    }
    // No metadata service on test machines: the chain's ECS step is off unless a test
    // turns it on.
    c.env("HOME", home)
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .stdin(Stdio::null());
    c
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "expected success: {self:#?}");
        self
    }

    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "expected exit {code}: {self:#?}");
        self
    }
}

pub fn run(c: &mut Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = c.output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// `n` reproducible pseudo-random bytes.
pub fn data(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(n + 8);
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(n);
    out
}

pub fn crc64(bytes: &[u8]) -> u64 {
    ossio_core::crc64::checksum(bytes)
}

/// Runs `c` with `input` on its stdin.
pub fn with_stdin(c: &mut Command, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}
