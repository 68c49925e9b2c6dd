//! The client against injected failures (through `ossio-server`'s fault injection and a few
//! canned raw answers): each case recovers within the retry budget, or fails with a typed
//! error without hanging; no upload is silently retried from a consumed stream; no download
//! hands the caller corrupted bytes. Every case counts the attempts the server saw.

use ossio::ops::*;
use ossio::{Client, Credentials, Error, RetryPolicy};
use ossio_server::{ServerConfig, ServerHandle};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const BUCKET: &str = "faults-bucket";
/// Three attempts in total: the default budget.
const ATTEMPTS: u32 = 3;

fn server() -> ServerHandle {
    let s = ossio_server::start(ServerConfig::new()).unwrap();
    client(&s).put_bucket(&PutBucket::new(BUCKET)).unwrap();
    s
}

fn builder(endpoint: &str, region: &str) -> ossio::ClientBuilder {
    Client::builder(region)
        .endpoint(endpoint)
        .credentials(Credentials::new(
            ossio_server::DEFAULT_ACCESS_KEY_ID,
            ossio_server::DEFAULT_ACCESS_KEY_SECRET,
        ))
        .read_timeout(Duration::from_secs(2))
        .connect_timeout(Duration::from_secs(2))
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(ATTEMPTS)
                .base_delay(Duration::from_millis(10)),
        )
}

fn client(s: &ServerHandle) -> Client {
    builder(&s.endpoint(), s.region()).build().unwrap()
}

/// Runs `f` on its own thread and fails the test if it has not finished after a minute: a
/// hang guard (a client stuck forever is the failure looked for), not a speed check.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what}: no result after 60 s: the client hangs"))
}

fn body(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

fn put(c: &Client, key: &str, data: &[u8]) {
    c.put_object(&PutObject::new(BUCKET, key).bytes(data.to_vec()))
        .unwrap();
}

fn object_exists(c: &Client, key: &str) -> bool {
    match c.head_object(&HeadObject::new(BUCKET, key)) {
        Ok(_) => true,
        Err(e) if e.status() == Some(404) => false,
        Err(e) => panic!("HEAD {key}: {e}"),
    }
}

#[test]
fn server_error_storms_within_the_budget_recover() {
    let s = Arc::new(server());
    let c = client(&s);
    put(&c, "storm", b"storm");
    for (status, code) in [
        (500, "InternalError"),
        (502, "BadGateway"),
        (503, "ServiceUnavailable"),
        (504, "GatewayTimeout"),
        (429, "TooManyRequests"),
        (408, "RequestTimeout"),
    ] {
        s.faults().fail_next(ATTEMPTS as usize - 1, status, code);
        let c2 = c.clone();
        let out = bounded(code, move || {
            c2.list_objects_v2(&ListObjectsV2::new(BUCKET))
        });
        assert!(out.is_ok(), "{code}: {out:?}");
        assert_eq!(
            s.faults().pending(),
            0,
            "{code}: every injected fault was met"
        );
    }
}

#[test]
fn server_error_storms_past_the_budget_fail_typed_after_exactly_the_budget() {
    let s = Arc::new(server());
    let c = client(&s);
    for (status, code) in [
        (500, "InternalError"),
        (503, "SlowDown"),
        (429, "TooManyRequests"),
    ] {
        // Two more than the budget: exactly `ATTEMPTS` of them are consumed.
        s.faults().fail_next(ATTEMPTS as usize + 2, status, code);
        let c2 = c.clone();
        let err = bounded(code, move || c2.get_bucket_acl(&GetBucketAcl::new(BUCKET)))
            .expect_err("the storm outlasts the budget");
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.code(), Some(code));
        assert_eq!(err.operation(), Some("GetBucketAcl"));
        assert!(err.to_string().contains(code), "{err}");
        assert_eq!(
            s.faults().pending(),
            2,
            "{code}: {ATTEMPTS} attempts, no more"
        );
        s.faults().clear();
    }
    // Client errors are not retried at all.
    s.faults().fail_next(2, 403, "AccessDenied");
    let err = c.get_bucket_acl(&GetBucketAcl::new(BUCKET)).unwrap_err();
    assert_eq!(err.code(), Some("AccessDenied"));
    assert_eq!(s.faults().pending(), 1, "a 403 is not retried");
}

#[test]
fn dropped_connections_before_the_response_are_retried() {
    let s = Arc::new(server());
    let c = client(&s);
    put(&c, "dropped", b"payload");
    s.faults().drop_next(ATTEMPTS as usize - 1);
    let c2 = c.clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped");
    let p2 = path.clone();
    let got = bounded("drop", move || {
        c2.get_object_to_file(&GetObject::new(BUCKET, "dropped"), &p2)
    });
    assert!(got.is_ok(), "{got:?}");
    assert_eq!(std::fs::read(&path).unwrap(), b"payload");
    assert_eq!(s.faults().pending(), 0);

    s.faults().drop_next(ATTEMPTS as usize);
    let c2 = c.clone();
    let err = bounded("drop storm", move || {
        c2.get_bucket_info(&GetBucketInfo::new(BUCKET))
    })
    .expect_err("every attempt dropped");
    match &err {
        Error::Transport { retryable, .. } => assert!(retryable, "{err}"),
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert_eq!(s.faults().pending(), 0);
}

#[test]
fn truncated_bodies_never_reach_the_caller_as_data() {
    let s = Arc::new(server());
    let c = client(&s);
    let data = body(256 * 1024, 7);
    put(&c, "big", &data);

    // A buffered response cut mid-body: retried, then parsed whole.
    s.faults().truncate_next(1);
    let listed = c.list_objects_v2(&ListObjectsV2::new(BUCKET)).unwrap();
    assert!(listed.contents.iter().any(|o| o.key == "big"));

    // A download to a file cut mid-body restarts and ends with the exact bytes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big");
    s.faults().truncate_next(ATTEMPTS as usize - 1);
    let c2 = c.clone();
    let p2 = path.clone();
    let out = bounded("truncated download", move || {
        c2.get_object_to_file(&GetObject::new(BUCKET, "big"), &p2)
    });
    assert!(out.is_ok(), "{out:?}");
    assert_eq!(std::fs::read(&path).unwrap(), data);

    // Every attempt cut: a typed error.
    s.faults().truncate_next(ATTEMPTS as usize);
    let c2 = c.clone();
    let p3 = dir.path().join("never");
    let err = bounded("truncation storm", move || {
        c2.get_object_to_file(&GetObject::new(BUCKET, "big"), &p3)
    })
    .expect_err("every attempt cut");
    assert!(
        matches!(err, Error::Transport { .. } | Error::Io { .. }),
        "{err:?}"
    );

    // A streamed download cut mid-body: the reader fails; what it handed out before the
    // failure is a prefix of the object, never other bytes.
    s.faults().truncate_next(1);
    let mut reader = c.get_object(&GetObject::new(BUCKET, "big")).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    let failure = loop {
        match reader.read(&mut buf) {
            Ok(0) => break None,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => break Some(e),
        }
    };
    assert!(
        failure.is_some(),
        "a cut body must not end like a whole one"
    );
    assert!(got.len() < data.len());
    assert_eq!(got[..], data[..got.len()]);
}

#[test]
fn responses_slower_than_the_read_timeout_are_retried_then_fail_typed() {
    let s = Arc::new(server());
    let c = client(&s);
    s.faults().delay_next(1, Duration::from_secs(4));
    let c2 = c.clone();
    let out = bounded("one slow answer", move || {
        c2.get_bucket_acl(&GetBucketAcl::new(BUCKET))
    });
    assert!(out.is_ok(), "{out:?}");

    s.faults()
        .delay_next(ATTEMPTS as usize, Duration::from_secs(4));
    let c2 = c.clone();
    let err = bounded("slow storm", move || {
        c2.get_bucket_acl(&GetBucketAcl::new(BUCKET))
    })
    .expect_err("every answer too slow");
    match &err {
        Error::Transport {
            message, retryable, ..
        } => {
            assert!(retryable);
            assert!(message.to_lowercase().contains("time"), "{message}");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(s.faults().pending(), 0);
}

/// A listener that answers every connection with `answer` and counts the connections.
fn canned(answer: &'static [u8]) -> (String, Arc<AtomicUsize>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", l.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    std::thread::spawn(move || {
        for stream in l.incoming() {
            let Ok(mut stream) = stream else { break };
            h.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 65536];
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(answer);
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    });
    (endpoint, hits)
}

#[test]
fn non_xml_and_truncated_error_bodies_become_typed_errors() {
    let cases: [(&'static [u8], u16, &str); 4] = [
        (
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 45\r\nConnection: close\r\n\r\n<html><body>502 Bad Gateway</body></html>\r\n\r\n",
            502,
            "BadErrorResponse",
        ),
        (
            b"HTTP/1.1 403 Forbidden\r\nContent-Length: 40\r\nx-oss-request-id: RID1\r\nConnection: close\r\n\r\n<Error><Code>AccessDenied</Code><Messag",
            403,
            "",
        ),
        (
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nx-oss-request-id: RID2\r\nConnection: close\r\n\r\n",
            404,
            "NotFound",
        ),
        (
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{\"not\": \"an err\"}",
            400,
            "BadErrorResponse",
        ),
    ];
    for (answer, status, code) in cases {
        let (endpoint, hits) = canned(answer);
        let c = builder(&endpoint, "cn-hangzhou").build().unwrap();
        let err = bounded(code, move || c.get_bucket_acl(&GetBucketAcl::new(BUCKET)))
            .expect_err("an error answer");
        if code.is_empty() {
            // Content-Length promises more than arrives: a transport error, retried.
            assert!(matches!(err, Error::Transport { .. }), "{err:?}");
            assert_eq!(hits.load(Ordering::SeqCst), ATTEMPTS as usize);
        } else {
            assert_eq!(err.status(), Some(status), "{err:?}");
            assert_eq!(err.code(), Some(code), "{err:?}");
            assert!(!err.to_string().is_empty());
            let expected = if status >= 500 { ATTEMPTS as usize } else { 1 };
            assert_eq!(hits.load(Ordering::SeqCst), expected, "{code}");
        }
    }
}

#[test]
fn a_wrong_crc_is_never_accepted() {
    let s = Arc::new(server());
    let c = client(&s);
    let data = body(100_000, 3);

    // Upload: OSS reports a CRC that is not the one of the bytes sent.
    s.faults().corrupt_crc_next(1);
    let err = c
        .put_object(&PutObject::new(BUCKET, "crc").bytes(data.clone()))
        .expect_err("a wrong CRC on upload");
    assert!(matches!(err, Error::Crc { .. }), "{err:?}");
    assert!(err.to_string().contains("CRC"));

    // Streamed download: the final read fails with the CRC error inside.
    put(&c, "crc", &data);
    s.faults().corrupt_crc_next(1);
    let mut reader = c.get_object(&GetObject::new(BUCKET, "crc")).unwrap();
    let mut got = Vec::new();
    let e = reader
        .read_to_end(&mut got)
        .expect_err("a wrong CRC on download");
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<Error>());
    assert!(matches!(inner, Some(Error::Crc { .. })), "{e:?}");

    // Download to a file: an error, and no file with unverified bytes is left behind.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crc");
    s.faults().corrupt_crc_next(ATTEMPTS as usize);
    let err = c
        .get_object_to_file(&GetObject::new(BUCKET, "crc"), &path)
        .expect_err("a wrong CRC on every attempt");
    assert!(matches!(err, Error::Crc { .. }), "{err:?}");
    let left = std::fs::read(&path).ok();
    assert!(
        left.is_none() || left.as_deref() == Some(&data[..]),
        "a download that failed its CRC check left other bytes in the file"
    );
}

#[test]
fn clock_skew_is_corrected_within_the_budget() {
    for skew in [3600i64, -3600, 86_400 * 3] {
        let s = Arc::new(server());
        let c = client(&s);
        s.faults().set_clock_skew(skew);
        let c2 = c.clone();
        let out = bounded("skew", move || {
            c2.get_bucket_acl(&GetBucketAcl::new(BUCKET))
        });
        assert!(out.is_ok(), "skew {skew}: {out:?}");
        // Later requests are signed with the corrected clock from the start.
        put(&c, "after-skew", b"x");
        let off = c.clock_offset();
        assert!(
            off.as_secs().abs_diff(skew.unsigned_abs()) < 60,
            "offset {off:?}"
        );
    }
    // Even without retries: the skew answer carries the server's time, and the one
    // re-signed attempt is not a retry of a failure.
    let s = server();
    s.faults().set_clock_skew(7200);
    let c = builder(&s.endpoint(), s.region())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let out = c.get_bucket_acl(&GetBucketAcl::new(BUCKET));
    assert!(out.is_ok(), "{out:?}");
}

/// A reader that counts the bytes it hands out.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicUsize>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n, Ordering::SeqCst);
        Ok(n)
    }
}

#[test]
fn uploads_from_a_consumed_stream_are_never_silently_retried() {
    let s = Arc::new(server());
    let c = client(&s);
    let data = body(300_000, 9);
    for (fault, name) in [(0, "503"), (1, "drop"), (2, "truncate")] {
        let key = format!("stream-{name}");
        match fault {
            0 => s.faults().fail_next(1, 503, "ServiceUnavailable"),
            1 => s.faults().drop_next(1),
            _ => s.faults().truncate_next(1),
        }
        let read = Arc::new(AtomicUsize::new(0));
        let reader = Counting {
            inner: std::io::Cursor::new(data.clone()),
            read: read.clone(),
        };
        let c2 = c.clone();
        let op = PutObject::new(BUCKET, &key);
        let len = data.len() as u64;
        let out = bounded(name, move || c2.put_object_from_reader(&op, reader, len));
        // The stream was read once at most: no second pass over a consumed reader.
        assert!(
            read.load(Ordering::SeqCst) <= data.len(),
            "{name}: read twice"
        );
        match out {
            Err(e) => {
                let shown = e.to_string();
                assert!(
                    e.status() == Some(503) || matches!(e, Error::Transport { .. }),
                    "{name}: {e:?}"
                );
                if fault == 0 {
                    assert_eq!(e.code(), Some("ServiceUnavailable"));
                } else {
                    assert!(shown.contains("not retried"), "{shown}");
                }
                assert_eq!(s.faults().pending(), 0);
            }
            // Truncating a PutObject answer (no body) cuts inside the head: the
            // object was stored whole before the answer broke.
            Ok(_) => panic!("{name}: an upload whose answer failed reported success"),
        }
        // Whatever reached the server is either the whole object or nothing.
        if object_exists(&c, &key) {
            let mut got = Vec::new();
            c.get_object(&GetObject::new(BUCKET, &key))
                .unwrap()
                .read_to_end(&mut got)
                .unwrap();
            assert_eq!(got.len(), 300_000, "{name}: a partial object was stored");
        }
    }
    // A stream small enough for the client to keep a copy of is re-sent from that copy:
    // the object arrives whole.
    let small = body(100_000, 5);
    s.faults().drop_next(1);
    let read = Arc::new(AtomicUsize::new(0));
    let reader = Counting {
        inner: std::io::Cursor::new(small.clone()),
        read: read.clone(),
    };
    c.put_object_from_reader(&PutObject::new(BUCKET, "small"), reader, small.len() as u64)
        .unwrap();
    assert_eq!(read.load(Ordering::SeqCst), small.len(), "read once");
    let mut got = Vec::new();
    c.get_object(&GetObject::new(BUCKET, "small"))
        .unwrap()
        .read_to_end(&mut got)
        .unwrap();
    assert_eq!(got, small);

    // A file is rewindable: the same failures are retried from its start.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upload");
    std::fs::write(&path, body(300_000, 9)).unwrap();
    s.faults().fail_next(1, 503, "ServiceUnavailable");
    s.faults().drop_next(1);
    c.put_object_from_file(&PutObject::new(BUCKET, "from-file"), &path)
        .unwrap();
    let mut got = Vec::new();
    c.get_object(&GetObject::new(BUCKET, "from-file"))
        .unwrap()
        .read_to_end(&mut got)
        .unwrap();
    assert_eq!(got, body(300_000, 9));
}
