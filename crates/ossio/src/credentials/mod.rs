//! Where credentials come from. The client asks its provider once per request attempt, so a
//! provider may rotate keys at any time.

use crate::Error;
use ossio_core::Credentials;
use std::fmt;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

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
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
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
            if let (Some(id), Some(secret)) = (var(id), var(secret)) {
                let mut c = Credentials::new(id, secret);
                if let Some(t) = var(token) {
                    c = c.with_security_token(t);
                }
                return Ok(c);
            }
        }
        Err(Error::Credentials(
            "no credentials in the environment: set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET \
             (or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)"
                .to_owned(),
        ))
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
}

/// Credentials from a caller-supplied function, cached until shortly before they expire.
///
/// When the cached credentials have less than `refresh_ahead` left, exactly one caller
/// fetches new ones while the others keep signing with the cached ones, as long as those
/// still have more than `min_validity` left (so no request is signed with a token that
/// expires while the request is on its way). Below that, the others wait for the one fetch
/// in flight instead of starting their own.
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
    refresh_ahead: Duration,
    min_validity: Duration,
    state: Mutex<State>,
    done: Condvar,
}

impl fmt::Debug for RefreshingProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingProvider")
            .field("refresh_ahead", &self.refresh_ahead)
            .field("min_validity", &self.min_validity)
            .finish_non_exhaustive()
    }
}

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
            refresh_ahead: Duration::from_secs(300),
            min_validity: Duration::from_secs(60),
            state: Mutex::new(State {
                cached: None,
                refreshing: false,
                generation: 0,
                last_error: None,
            }),
            done: Condvar::new(),
        }
    }

    /// Starts refreshing when less than `d` is left (default 5 minutes).
    pub fn refresh_ahead(mut self, d: Duration) -> Self {
        self.refresh_ahead = d;
        self
    }

    /// Never returns credentials with less than `d` left (default 1 minute).
    pub fn min_validity(mut self, d: Duration) -> Self {
        self.min_validity = d;
        self.refresh_ahead = self.refresh_ahead.max(d);
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
        let out = match result {
            Ok(fresh) => {
                st.last_error = None;
                let creds = fresh.credentials.clone();
                st.cached = Some(fresh);
                Ok(creds)
            }
            Err(e) => {
                let msg = e.to_string();
                st.last_error = Some(msg.clone());
                // Credentials that are still good enough beat an error.
                match &st.cached {
                    Some(c) if c.remaining(SystemTime::now()) > self.min_validity => {
                        Ok(c.credentials.clone())
                    }
                    _ => Err(Error::Credentials(msg)),
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
            if let Some(r) = remaining {
                if r > self.refresh_ahead {
                    return Ok(st.cached.as_ref().expect("checked").credentials.clone());
                }
            }
            let usable = remaining.is_some_and(|r| r > self.min_validity);
            if !st.refreshing {
                if waited_for.is_some_and(|g| g != st.generation) {
                    // The flight we waited on ended: use its result rather than start another.
                    if usable {
                        return Ok(st.cached.as_ref().expect("checked").credentials.clone());
                    }
                    if let Some(e) = &st.last_error {
                        return Err(Error::Credentials(e.clone()));
                    }
                }
                return self.refresh(st);
            }
            if usable {
                return Ok(st.cached.as_ref().expect("checked").credentials.clone());
            }
            waited_for.get_or_insert(st.generation);
            st = self.done.wait(st).unwrap_or_else(|p| p.into_inner());
        }
    }

    fn describe(&self) -> String {
        "refreshing provider".to_owned()
    }
}
