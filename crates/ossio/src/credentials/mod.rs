//! Where credentials come from. The client asks its provider once per request attempt (and
//! so once per part of a long upload), so a provider may rotate keys at any time.
//!
//! The pure halves (requests, answers, profile files, the chain's decisions) are in
//! [`ossio_core::credentials`]; this module adds the IO: HTTP to STS, the ECS metadata
//! service and credentials URIs, reading files, running processes, and refreshing.

use crate::Error;
use ossio_core::Credentials;
use std::fmt;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

mod chain;
mod ecs;
mod external;
mod http;
mod sts;

pub use chain::{DefaultChain, ProfileProvider, provider_for};
pub use ecs::{EcsRamRoleBuilder, EcsRamRoleProvider};
pub use external::{ProcessBuilder, ProcessProvider, UriBuilder, UriProvider};
pub use sts::{AssumeRoleBuilder, AssumeRoleProvider, OidcBuilder, OidcProvider};

/// A source of credentials, asked before every request attempt. Implementations must be
/// cheap when nothing changed and safe to call from many threads.
pub trait CredentialsProvider: Send + Sync {
    /// Credentials to sign the next request with.
    fn credentials(&self) -> Result<Credentials, Error>;

    /// A short description for `Debug` output (never a secret).
    fn describe(&self) -> String {
        "custom provider".to_owned()
    }
}

/// Fixed credentials.
#[derive(Clone, Debug)]
pub struct StaticProvider(Credentials);

impl StaticProvider {
    /// Always returns `credentials`.
    pub fn new(credentials: Credentials) -> Self {
        StaticProvider(credentials)
    }
}

impl CredentialsProvider for StaticProvider {
    fn credentials(&self) -> Result<Credentials, Error> {
        Ok(self.0.clone())
    }

    fn describe(&self) -> String {
        format!("static {}", self.0)
    }
}

/// Credentials from the environment, read on every call: `OSS_ACCESS_KEY_ID`,
/// `OSS_ACCESS_KEY_SECRET` and `OSS_SESSION_TOKEN`, or else `ALIBABA_CLOUD_ACCESS_KEY_ID`,
/// `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`.
#[derive(Clone, Debug, Default)]
pub struct EnvironmentProvider;

impl EnvironmentProvider {
    /// A provider reading the process environment.
    pub fn new() -> Self {
        EnvironmentProvider
    }

    /// Whether the environment holds a key pair under either naming.
    pub fn is_configured() -> bool {
        Self::read().is_ok()
    }

    fn read() -> Result<Credentials, Error> {
        let env = chain::process_env();
        match env.static_credentials() {
            Ok(Some(c)) => Ok(c),
            Ok(None) => Err(Error::Credentials(
                "no credentials in the environment: set OSS_ACCESS_KEY_ID and \
                 OSS_ACCESS_KEY_SECRET (or ALIBABA_CLOUD_ACCESS_KEY_ID and \
                 ALIBABA_CLOUD_ACCESS_KEY_SECRET)"
                    .to_owned(),
            )),
            Err(e) => Err(Error::Credentials(format!("environment: {e}"))),
        }
    }
}

impl CredentialsProvider for EnvironmentProvider {
    fn credentials(&self) -> Result<Credentials, Error> {
        Self::read()
    }

    fn describe(&self) -> String {
        "environment".to_owned()
    }
}

/// Credentials that stop working at `expires_at` (STS tokens); `None` never expires.
#[derive(Clone, Debug)]
pub struct ExpiringCredentials {
    /// The credentials.
    pub credentials: Credentials,
    /// When they stop being accepted.
    pub expires_at: Option<SystemTime>,
}

impl ExpiringCredentials {
    /// `credentials` valid until `expires_at`.
    pub fn new(credentials: Credentials, expires_at: Option<SystemTime>) -> Self {
        ExpiringCredentials {
            credentials,
            expires_at,
        }
    }

    fn remaining(&self, now: SystemTime) -> Duration {
        match self.expires_at {
            None => Duration::MAX,
            Some(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

type FetchFn =
    dyn Fn() -> Result<ExpiringCredentials, Box<dyn std::error::Error + Send + Sync>> + Send + Sync;

struct State {
    cached: Option<ExpiringCredentials>,
    refreshing: bool,
    /// Completed fetches; waiters use it to see that the flight they waited on ended.
    generation: u64,
    last_error: Option<String>,
    /// Failed fetches in a row, for the backoff.
    failures: u32,
    /// No new fetch before this while the cached credentials are still usable.
    retry_after: Option<SystemTime>,
}

/// Credentials from a caller-supplied function, cached until shortly before they expire.
///
/// When the cached credentials have less than `refresh_ahead` left, exactly one caller
/// fetches new ones while the others keep signing with the cached ones, as long as those
/// still have more than `min_validity` left (so no request is signed with a token that
/// expires while the request is on its way). Below that, the others wait for the one fetch
/// in flight instead of starting their own.
///
/// A failed fetch while the cached credentials are still usable keeps them, and the next
/// fetch waits for a backoff (1 s, doubling to 60 s); a failed fetch when they are no
/// longer usable is [`Error::CredentialsExpired`] (or [`Error::Credentials`] when there
/// never were any).
///
/// ```
/// use ossio::{ExpiringCredentials, RefreshingProvider, CredentialsProvider};
/// use ossio_core::Credentials;
/// use std::time::{Duration, SystemTime};
///
/// let provider = RefreshingProvider::new(|| {
///     let creds = Credentials::new("STS.id", "secret").with_security_token("token");
///     Ok(ExpiringCredentials::new(creds, Some(SystemTime::now() + Duration::from_secs(3600))))
/// });
/// assert_eq!(provider.credentials().unwrap().access_key_id(), "STS.id");
/// ```
pub struct RefreshingProvider {
    fetch: Box<FetchFn>,
    name: String,
    refresh_ahead: Duration,
    min_validity: Duration,
    state: Mutex<State>,
    done: Condvar,
}

impl fmt::Debug for RefreshingProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingProvider")
            .field("name", &self.name)
            .field("refresh_ahead", &self.refresh_ahead)
            .field("min_validity", &self.min_validity)
            .finish_non_exhaustive()
    }
}

/// The first backoff after a failed refresh; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest wait between refresh attempts while cached credentials are still usable.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

impl RefreshingProvider {
    /// Fetches with `fetch`; refreshes 5 minutes before expiry; never hands out credentials
    /// with less than 1 minute left.
    pub fn new<F>(fetch: F) -> Self
    where
        F: Fn() -> Result<ExpiringCredentials, Box<dyn std::error::Error + Send + Sync>>
            + Send
            + Sync
            + 'static,
    {
        RefreshingProvider {
            fetch: Box::new(fetch),
            name: "refreshing provider".to_owned(),
            refresh_ahead: Duration::from_secs(300),
            min_validity: Duration::from_secs(60),
            state: Mutex::new(State {
                cached: None,
                refreshing: false,
                generation: 0,
                last_error: None,
                failures: 0,
                retry_after: None,
            }),
            done: Condvar::new(),
        }
    }

    /// Starts refreshing when less than `d` is left (default 5 minutes).
    pub fn refresh_ahead(mut self, d: Duration) -> Self {
        self.refresh_ahead = d.max(self.min_validity);
        self
    }

    /// Never returns credentials with less than `d` left (default 1 minute).
    pub fn min_validity(mut self, d: Duration) -> Self {
        self.min_validity = d;
        self.refresh_ahead = self.refresh_ahead.max(d);
        self
    }

    /// The name [`CredentialsProvider::describe`] returns.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs the one fetch of this flight, with the lock released while it runs.
    fn refresh(&self, mut st: MutexGuard<'_, State>) -> Result<Credentials, Error> {
        st.refreshing = true;
        drop(st);
        // A panicking fetch must not leave `refreshing` set forever.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (self.fetch)()))
            .unwrap_or_else(|_| Err("the credentials function panicked".into()));
        let mut st = self.lock();
        st.refreshing = false;
        st.generation += 1;
        let now = SystemTime::now();
        let out = match result {
            Ok(fresh) => {
                st.last_error = None;
                st.failures = 0;
                st.retry_after = None;
                let creds = fresh.credentials.clone();
                st.cached = Some(fresh);
                Ok(creds)
            }
            Err(e) => {
                let msg = format!("{}: {e}", self.name);
                st.last_error = Some(msg.clone());
                st.failures = st.failures.saturating_add(1);
                let backoff = FIRST_BACKOFF
                    .saturating_mul(1 << (st.failures - 1).min(6))
                    .min(MAX_BACKOFF);
                st.retry_after = Some(now + backoff);
                // Credentials that are still good enough beat an error.
                match &st.cached {
                    Some(c) if c.remaining(now) > self.min_validity => Ok(c.credentials.clone()),
                    Some(_) => Err(Error::CredentialsExpired(msg)),
                    None => Err(Error::Credentials(msg)),
                }
            }
        };
        drop(st);
        self.done.notify_all();
        out
    }
}

impl CredentialsProvider for RefreshingProvider {
    fn credentials(&self) -> Result<Credentials, Error> {
        let mut st = self.lock();
        let mut waited_for: Option<u64> = None;
        loop {
            let now = SystemTime::now();
            let remaining = st.cached.as_ref().map(|c| c.remaining(now));
            let usable = remaining.is_some_and(|r| r > self.min_validity);
            let cached = || st.cached.as_ref().expect("checked").credentials.clone();
            if remaining.is_some_and(|r| r > self.refresh_ahead) {
                return Ok(cached());
            }
            // After a failure, keep using what still works until the backoff ends.
            if usable && st.retry_after.is_some_and(|t| now < t) {
                return Ok(cached());
            }
            if !st.refreshing {
                if waited_for.is_some_and(|g| g != st.generation) {
                    // The flight we waited on ended: use its result rather than start another.
                    if usable {
                        return Ok(cached());
                    }
                    if let Some(e) = &st.last_error {
                        return Err(if st.cached.is_some() {
                            Error::CredentialsExpired(e.clone())
                        } else {
                            Error::Credentials(e.clone())
                        });
                    }
                }
                return self.refresh(st);
            }
            if usable {
                return Ok(cached());
            }
            waited_for.get_or_insert(st.generation);
            st = self.done.wait(st).unwrap_or_else(|p| p.into_inner());
        }
    }

    fn describe(&self) -> String {
        self.name.clone()
    }
}

/// How a refreshing provider times its HTTP calls and its refreshes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tuning {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    pub refresh_ahead: Duration,
    pub min_validity: Duration,
}

impl Tuning {
    /// STS and credentials URIs: connect 5 s, read 10 s (the official libraries' values).
    pub(crate) const REMOTE: Tuning = Tuning {
        connect_timeout: Duration::from_secs(5),
        read_timeout: Duration::from_secs(10),
        refresh_ahead: Duration::from_secs(300),
        min_validity: Duration::from_secs(60),
    };

    pub(crate) fn wrap(&self, p: RefreshingProvider) -> RefreshingProvider {
        p.min_validity(self.min_validity)
            .refresh_ahead(self.refresh_ahead)
    }
}

/// The timing options every refreshing provider's builder has.
macro_rules! tuning_methods {
    () => {
        /// How long to wait for a connection.
        pub fn connect_timeout(mut self, d: std::time::Duration) -> Self {
            self.tuning.connect_timeout = d;
            self
        }

        /// How long to wait for the whole answer once connected.
        pub fn read_timeout(mut self, d: std::time::Duration) -> Self {
            self.tuning.read_timeout = d;
            self
        }

        /// Refresh when less than `d` is left (default 5 minutes).
        pub fn refresh_ahead(mut self, d: std::time::Duration) -> Self {
            self.tuning.refresh_ahead = d;
            self
        }

        /// Never hand out credentials with less than `d` left (default 1 minute).
        pub fn min_validity(mut self, d: std::time::Duration) -> Self {
            self.tuning.min_validity = d;
            self
        }
    };
}
pub(crate) use tuning_methods;

/// `CredentialsProvider` for a provider type that wraps a [`RefreshingProvider`] as `inner`.
macro_rules! refreshing_provider {
    ($t:ty) => {
        impl $crate::CredentialsProvider for $t {
            fn credentials(&self) -> Result<ossio_core::Credentials, $crate::Error> {
                self.inner.credentials()
            }

            fn describe(&self) -> String {
                self.inner.describe()
            }
        }
    };
}
pub(crate) use refreshing_provider;

/// The STS options `AssumeRole` and `AssumeRoleWithOIDC` builders share (`request` with
/// the session fields, `sts` the endpoint).
macro_rules! sts_methods {
    () => {
        /// The session name recorded in the audit log (2 to 64 of `[A-Za-z0-9.@_-]`).
        pub fn role_session_name(mut self, name: &str) -> Self {
            self.request.role_session_name = name.to_owned();
            self
        }

        /// How long the credentials last (15 minutes to 12 hours; default 1 hour).
        pub fn duration(mut self, d: std::time::Duration) -> Self {
            self.request.duration_seconds = d.as_secs().min(u64::from(u32::MAX)) as u32;
            self
        }

        /// A policy (JSON) narrowing the role's permissions.
        pub fn policy(mut self, policy: &str) -> Self {
            self.request.policy = Some(policy.to_owned());
            self
        }

        /// An explicit STS endpoint (`sts.cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:8080`).
        pub fn sts_endpoint(mut self, endpoint: &str) -> Self {
            self.sts.endpoint = Some(endpoint.to_owned());
            self
        }

        /// The region whose STS endpoint to use.
        pub fn sts_region(mut self, region: &str) -> Self {
            self.sts.region = Some(region.to_owned());
            self
        }

        /// Use the region's VPC STS endpoint (`sts-vpc.<region>.aliyuncs.com`).
        pub fn vpc_endpoint(mut self, on: bool) -> Self {
            self.sts.vpc = on;
            self
        }
    };
}
pub(crate) use sts_methods;

/// The [`SystemTime`] of Unix seconds.
pub(crate) fn expiring(t: ossio_core::credentials::TemporaryCredentials) -> ExpiringCredentials {
    ExpiringCredentials::new(
        t.credentials,
        t.expires_at.map(ossio_core::time::from_unix_seconds),
    )
}

/// A provider behind an `Arc`, so chains and role assumptions can share one.
impl<P: CredentialsProvider + ?Sized> CredentialsProvider for std::sync::Arc<P> {
    fn credentials(&self) -> Result<Credentials, Error> {
        (**self).credentials()
    }

    fn describe(&self) -> String {
        (**self).describe()
    }
}
