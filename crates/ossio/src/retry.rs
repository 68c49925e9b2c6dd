//! When and how long to wait before trying a request again.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A retry policy: a plain value, replaceable per client.
///
/// The default is the official v2 SDKs' policy: 3 attempts in total, full-jitter exponential
/// backoff starting at 200 ms and capped at 20 s; retried are connection failures and
/// timeouts, HTTP 408, 429 and 5xx, and the codes `RequestTimeTooSkewed` and `BadRequest`.
/// Other 4xx answers are never retried.
///
/// ```
/// use ossio::RetryPolicy;
/// use std::time::Duration;
/// let p = RetryPolicy::default().max_attempts(5).base_delay(Duration::from_millis(50));
/// assert_eq!(p.attempts(), 5);
/// assert!(p.is_retryable_status(503, "ServiceUnavailable"));
/// assert!(!p.is_retryable_status(404, "NoSuchKey"));
/// assert_eq!(RetryPolicy::none().attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    retryable_codes: Vec<String>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(20),
            retryable_codes: vec!["RequestTimeTooSkewed".into(), "BadRequest".into()],
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Sets the total number of attempts (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets the backoff base (the ceiling of the first wait).
    pub fn base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// Sets the longest single wait.
    pub fn max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// Also retries answers with this OSS error code.
    pub fn retry_code(mut self, code: impl Into<String>) -> Self {
        self.retryable_codes.push(code.into());
        self
    }

    /// Total attempts, the first included.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether an error answer with `status` and `code` is worth another attempt.
    pub fn is_retryable_status(&self, status: u16, code: &str) -> bool {
        matches!(status, 408 | 429 | 500..=599) || self.retryable_codes.iter().any(|c| c == code)
    }

    /// The wait before attempt `attempt + 1` after `attempt` failed (1-based): a uniformly
    /// random duration up to `min(max_delay, base_delay * 2^(attempt-1))`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(30))
            .min(self.max_delay);
        let nanos = ceiling.as_nanos().min(u64::MAX as u128) as u64;
        if nanos == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(next_random() % (nanos + 1))
    }
}

static RNG: AtomicU64 = AtomicU64::new(0);

/// xorshift64*, seeded from the clock on first use: jitter needs spread, not secrecy.
pub(crate) fn next_random() -> u64 {
    let step = |mut x: u64| {
        if x == 0 {
            x = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0x9E37_79B9_7F4A_7C15, |d| d.as_nanos() as u64)
                | 1;
        }
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x
    };
    let prev = RNG
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |x| Some(step(x)))
        .unwrap_or(0);
    step(prev).wrapping_mul(0x2545_F491_4F6C_DD1D)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_the_exponential_ceiling() {
        let p = RetryPolicy::default();
        for attempt in 1..10 {
            let ceiling = (Duration::from_millis(200) * (1 << (attempt - 1))).min(p.max_delay);
            for _ in 0..200 {
                assert!(p.backoff(attempt) <= ceiling);
            }
        }
        // Jitter: not every wait is the same.
        let waits: std::collections::HashSet<_> = (0..50).map(|_| p.backoff(3)).collect();
        assert!(waits.len() > 10);
    }

    #[test]
    fn classification_matches_the_v2_sdks() {
        let p = RetryPolicy::default();
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(p.is_retryable_status(s, "X"), "{s}");
        }
        assert!(p.is_retryable_status(403, "RequestTimeTooSkewed"));
        assert!(p.is_retryable_status(400, "BadRequest"));
        for (s, c) in [
            (400, "InvalidArgument"),
            (403, "AccessDenied"),
            (404, "NoSuchKey"),
        ] {
            assert!(!p.is_retryable_status(s, c));
        }
        assert!(
            RetryPolicy::none()
                .retry_code("Slow")
                .is_retryable_status(409, "Slow")
        );
    }
}
