//! Fault injection: failures the next requests meet, in arrival order.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// One injected fault, applied to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Answer with an OSS error of this status and code, without running the request.
    Fail(u16, String),
    /// Close the connection without a response.
    Drop,
    /// Send the headers and part of the body, then close.
    Truncate,
    /// Sleep before handling the request.
    Delay(Duration),
    /// Answer with a wrong `x-oss-hash-crc64ecma`.
    CorruptCrc,
}

impl Fault {
    /// A short name for the request log.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Fault::Fail(..) => "fail",
            Fault::Drop => "drop",
            Fault::Truncate => "truncate",
            Fault::Delay(_) => "delay",
            Fault::CorruptCrc => "corrupt-crc",
        }
    }
}

/// Faults to inject into the next requests. Thread-safe; every request that arrives takes the
/// oldest queued fault (if any), so faults queued by several calls apply in call order, one
/// per request.
#[derive(Debug, Default)]
pub struct Faults {
    queue: Mutex<VecDeque<Fault>>,
    skew: AtomicI64,
}

impl Faults {
    fn push(&self, n: usize, f: Fault) {
        let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        for _ in 0..n {
            q.push_back(f.clone());
        }
    }

    /// The next `n` requests fail with `status` and the OSS error `code` (nothing runs).
    pub fn fail_next(&self, n: usize, status: u16, code: &str) {
        self.push(n, Fault::Fail(status, code.to_owned()));
    }

    /// The next `n` requests get no response: the connection is closed.
    pub fn drop_next(&self, n: usize) {
        self.push(n, Fault::Drop);
    }

    /// The next `n` responses stop after the headers and half of the body; then the
    /// connection is closed.
    pub fn truncate_next(&self, n: usize) {
        self.push(n, Fault::Truncate);
    }

    /// The next `n` requests wait `d` before they are handled and answered.
    pub fn delay_next(&self, n: usize, d: Duration) {
        self.push(n, Fault::Delay(d));
    }

    /// The next `n` responses carry a wrong `x-oss-hash-crc64ecma` (when they carry one).
    pub fn corrupt_crc_next(&self, n: usize) {
        self.push(n, Fault::CorruptCrc);
    }

    /// Sets the server clock to the real clock plus `secs` (negative: behind).
    pub fn set_clock_skew(&self, secs: i64) {
        self.skew.store(secs, Ordering::SeqCst);
    }

    /// The current clock skew in seconds.
    pub fn clock_skew(&self) -> i64 {
        self.skew.load(Ordering::SeqCst)
    }

    /// Forgets every queued fault and the clock skew.
    pub fn clear(&self) {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).clear();
        self.set_clock_skew(0);
    }

    /// Number of faults still queued.
    pub fn pending(&self) -> usize {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub(crate) fn take(&self) -> Option<Fault> {
        self.queue
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front()
    }
}
