//! The request log: what each request was and how it was answered, for tests to read.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::SystemTime;

/// Requests kept; the oldest are dropped beyond this, so a long run cannot grow without bound.
const MAX_RECORDS: usize = 100_000;

/// One request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// The API name of the operation (`ListObjectsV2`), or `None` when the request named
    /// none this server serves (a `501`) or could not be routed at all.
    pub operation: Option<&'static str>,
    /// The HTTP method.
    pub method: String,
    /// The bucket (or access point alias) the request addressed.
    pub bucket: Option<String>,
    /// The object key.
    pub key: Option<String>,
    /// The status answered.
    pub status: u16,
    /// The OSS error code, for an error answer.
    pub error_code: Option<String>,
    /// The access key id the request was signed with (whether or not it was valid); `None`
    /// for an anonymous request.
    pub access_key_id: Option<String>,
    /// The fault injected into this request, if any: `fail`, `drop`, `truncate`, `delay` or
    /// `corrupt-crc` (a dropped or truncated answer was still handled: `status` is what the
    /// client would have been sent).
    pub fault: Option<&'static str>,
    /// The `x-oss-request-id` answered.
    pub request_id: String,
    /// When the request arrived.
    pub time: SystemTime,
}

/// The records, oldest first.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    records: Mutex<VecDeque<RequestRecord>>,
}

impl RequestLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<RequestRecord>> {
        self.records.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn push(&self, r: RequestRecord) {
        let mut q = self.lock();
        if q.len() == MAX_RECORDS {
            q.pop_front();
        }
        q.push_back(r);
    }

    pub fn all(&self) -> Vec<RequestRecord> {
        self.lock().iter().cloned().collect()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}
