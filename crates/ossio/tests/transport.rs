//! Retries, timeouts, clock skew, CRC and the exact headers on the wire, against a scripted
//! server on 127.0.0.1.

mod mock;

use mock::{Action, Mock};
use ossio::ops::{GetBucketAcl, PutBucketAcl};
use ossio::{Acl, Client, Credentials, Error, RetryPolicy};
use std::io::Read;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn client(mock: &Mock) -> ossio::ClientBuilder {
    Client::builder("cn-hangzhou")
        .endpoint(&mock.endpoint())
        .credentials(Credentials::new("test-ak", "test-secret-value"))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(10)))
}

fn put_acl() -> PutBucketAcl {
    PutBucketAcl::new("examplebucket", Acl::Private)
}

#[test]
fn retries_503_then_succeeds() {
    let mock = Mock::start(
        vec![
            Action::error(503, "ServiceUnavailable"),
            Action::error(503, "ServiceUnavailable"),
        ],
        Action::ok(),
    );
    let out = client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap();
    assert_eq!(out.request_id, "ok-id");
    assert_eq!(mock.requests(), 3);
}

#[test]
fn gives_up_after_the_attempts_with_the_last_answer() {
    let mock = Mock::start(vec![], Action::error(500, "InternalError"));
    let err = client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    assert_eq!(err.status(), Some(500));
    assert_eq!(mock.requests(), 3);
    let shown = err.to_string();
    assert!(
        shown.starts_with("PutBucketAcl failed: 500 InternalError"),
        "{shown}"
    );
    assert!(shown.contains("err-id"), "{shown}");
}

#[test]
fn other_4xx_are_not_retried_and_none_disables_retries() {
    let mock = Mock::start(vec![Action::error(403, "AccessDenied")], Action::ok());
    let err = client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap_err();
    assert_eq!(err.code(), Some("AccessDenied"));
    assert_eq!(mock.requests(), 1);

    let mock = Mock::start(vec![Action::error(503, "ServiceUnavailable")], Action::ok());
    let c = client(&mock)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(
        c.put_bucket_acl(&put_acl()).unwrap_err().code(),
        Some("ServiceUnavailable")
    );
    assert_eq!(mock.requests(), 1);
}

#[test]
fn bad_request_and_429_are_retried() {
    let mock = Mock::start(
        vec![
            Action::error(400, "BadRequest"),
            Action::error(429, "TooManyRequests"),
        ],
        Action::ok(),
    );
    client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap();
    assert_eq!(mock.requests(), 3);
}

#[test]
fn dropped_connection_is_retried() {
    let mock = Mock::start(vec![Action::Drop, Action::Drop], Action::ok());
    client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap();
    assert_eq!(mock.requests(), 3);
}

#[test]
fn dropped_connections_exhaust_into_a_clear_transport_error() {
    let mock = Mock::start(vec![], Action::Drop);
    let err = client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap_err();
    match &err {
        Error::Transport { retryable, .. } => assert!(retryable),
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert!(
        err.to_string().contains("gave up after 3 attempts"),
        "{err}"
    );
    assert_eq!(mock.requests(), 3);
}

#[test]
fn slow_response_times_out_and_is_retried() {
    let mock = Mock::start(
        vec![Action::Delay(
            Duration::from_millis(1500),
            Box::new(Action::ok()),
        )],
        Action::ok(),
    );
    let c = client(&mock)
        .read_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    c.put_bucket_acl(&put_acl()).unwrap();
    assert_eq!(mock.requests(), 2);
}

#[test]
fn slow_responses_exhaust_into_a_timeout_error() {
    let mock = Mock::start(
        vec![],
        Action::Delay(Duration::from_millis(800), Box::new(Action::ok())),
    );
    let c = client(&mock)
        .read_timeout(Duration::from_millis(200))
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(2)
                .base_delay(Duration::ZERO),
        )
        .build()
        .unwrap();
    let err = c.put_bucket_acl(&put_acl()).unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");
    assert_eq!(mock.requests(), 2);
}

#[test]
fn non_rewindable_stream_is_not_resent_once_past_the_replay_buffer() {
    let mock = Mock::start(vec![Action::Drop], Action::ok());
    let c = client(&mock).build().unwrap();
    let len = 4 << 20;
    let err = c
        .send_from_reader(&put_acl(), std::io::repeat(7).take(len), len)
        .unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("non-rewindable"), "{shown}");
    assert_eq!(mock.requests(), 1);
}

#[test]
fn a_short_stream_is_replayed_after_an_early_failure() {
    let mock = Mock::start(vec![Action::Drop], Action::ok());
    let c = client(&mock).build().unwrap();
    let data = vec![7u8; 4096];
    c.send_from_reader(&put_acl(), std::io::Cursor::new(data), 4096)
        .unwrap();
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].body_len, 4096);
}

#[test]
fn file_bodies_are_rewound_and_resent() {
    let mock = Mock::start(vec![Action::Drop], Action::ok());
    let c = client(&mock).build().unwrap();
    let path = std::env::temp_dir().join(format!("ossio-rewind-{}", std::process::id()));
    std::fs::write(&path, vec![9u8; 10_000]).unwrap();
    c.send_from_file(&put_acl(), &path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].body_len, 10_000);
    assert_eq!(seen[1].header("content-length"), Some("10000"));
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_secs()
}

#[test]
fn clock_skew_is_corrected_and_retried_once() {
    let server_now = unix(SystemTime::now()) + 3600;
    let date = ossio::ossio_core::time::rfc1123(server_now);
    let mock = Mock::start(
        vec![Action::error(403, "RequestTimeTooSkewed").header("Date", &date)],
        Action::ok(),
    );
    // Even with retries off, the clock correction gets its one extra attempt.
    let c = client(&mock)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    c.put_bucket_acl(&put_acl()).unwrap();
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    let signed_at = |i: usize| {
        let d = seen[i].header("x-oss-date").unwrap();
        ossio::ossio_core::time::parse_iso8601(d).unwrap()
    };
    let local = unix(SystemTime::now());
    assert!(signed_at(0) <= local + 1);
    assert!(
        signed_at(1) >= server_now - 5,
        "second attempt signed with the server clock"
    );
    assert!(c.clock_offset() >= Duration::from_secs(3590));
}

#[test]
fn a_far_off_date_header_moves_the_signing_clock() {
    let server_now = unix(SystemTime::now()) - 7200;
    let date = ossio::ossio_core::time::rfc1123(server_now);
    let mock = Mock::start(vec![Action::ok().header("Date", &date)], Action::ok());
    let c = client(&mock).build().unwrap();
    c.put_bucket_acl(&put_acl()).unwrap();
    c.put_bucket_acl(&put_acl()).unwrap();
    let seen = mock.seen();
    let d = seen[1].header("x-oss-date").unwrap();
    let signed = ossio::ossio_core::time::parse_iso8601(d).unwrap();
    assert!(signed <= server_now + 10, "{signed} vs {server_now}");
}

#[test]
fn skew_that_persists_is_not_retried_forever() {
    let date = ossio::ossio_core::time::rfc1123(unix(SystemTime::now()) + 3600);
    let mock = Mock::start(
        vec![],
        Action::error(403, "RequestTimeTooSkewed").header("Date", &date),
    );
    let c = client(&mock)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = c.put_bucket_acl(&put_acl()).unwrap_err();
    assert_eq!(err.code(), Some("RequestTimeTooSkewed"));
    assert_eq!(mock.requests(), 2);
}

#[test]
fn exactly_the_signed_headers_go_on_the_wire() {
    let mock = Mock::start(vec![], Action::ok());
    let c = client(&mock).build().unwrap();
    c.put_bucket_acl(&put_acl()).unwrap();
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "PUT");
    assert_eq!(seen.target, "/examplebucket/?acl");
    for name in [
        "date",
        "authorization",
        "x-oss-date",
        "x-oss-acl",
        "content-length",
        "host",
    ] {
        assert_eq!(seen.count(name), 1, "{name}: {:?}", seen.headers);
    }
    assert_eq!(seen.count("accept-encoding"), 0);
    assert_eq!(seen.count("transfer-encoding"), 0);
    assert!(
        seen.header("authorization")
            .unwrap()
            .starts_with("OSS4-HMAC-SHA256 Credential=test-ak/")
    );
    assert!(seen.header("user-agent").unwrap().starts_with("ossio/"));
}

#[test]
fn get_requests_carry_no_body_headers() {
    let body = b"<AccessControlPolicy><Owner><ID>1</ID><DisplayName>1</DisplayName></Owner>\
<AccessControlList><Grant>private</Grant></AccessControlList></AccessControlPolicy>";
    let mock = Mock::start(vec![], Action::ok().body(body.to_vec()));
    let c = client(&mock).build().unwrap();
    let out = c
        .get_bucket_acl(&GetBucketAcl::new("examplebucket"))
        .unwrap();
    assert_eq!(out.request_id, "ok-id");
    let seen = &mock.seen()[0];
    assert_eq!(seen.count("content-length"), 0);
    assert_eq!(seen.count("transfer-encoding"), 0);
}

#[test]
fn upload_crc_mismatch_is_a_typed_error_unless_switched_off() {
    let data = b"hello crc".to_vec();
    let mock = Mock::start(vec![], Action::ok().header("x-oss-hash-crc64ecma", "12345"));
    let c = client(&mock).build().unwrap();
    let err = c
        .send_from_reader(&put_acl(), &data[..], data.len() as u64)
        .unwrap_err();
    match err {
        Error::Crc {
            operation,
            expected,
            actual,
        } => {
            assert_eq!(operation, "PutBucketAcl");
            assert_eq!(expected, 12345);
            assert_ne!(actual, 12345);
        }
        other => panic!("expected a CRC error, got {other:?}"),
    }
    let c = client(&mock).crc_check(false).build().unwrap();
    c.send_from_reader(&put_acl(), &data[..], data.len() as u64)
        .unwrap();
}

fn crc_of(bytes: &[u8]) -> u64 {
    let mut d = ossio::ossio_core::crc64::Crc64::new();
    d.update(bytes);
    d.value()
}

#[test]
fn download_is_streamed_and_crc_checked() {
    let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let good = crc_of(&data).to_string();
    let mock = Mock::start(
        vec![
            Action::ok()
                .header("x-oss-hash-crc64ecma", &good)
                .body(data.clone()),
            Action::ok()
                .header("x-oss-hash-crc64ecma", "1")
                .body(data.clone()),
        ],
        Action::ok(),
    );
    let c = client(&mock).build().unwrap();
    let mut reader = c.send_for_reader(&put_acl()).unwrap();
    let mut got = Vec::new();
    reader.read_to_end(&mut got).unwrap();
    assert_eq!(got, data);

    let mut reader = c.send_for_reader(&put_acl()).unwrap();
    let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
    let inner = err.get_ref().unwrap().downcast_ref::<Error>().unwrap();
    assert!(matches!(inner, Error::Crc { expected: 1, .. }), "{inner:?}");
}

#[test]
fn download_to_file_restarts_after_a_cut() {
    let data: Vec<u8> = (0..100_000u32).map(|i| (i % 241) as u8).collect();
    let good = crc_of(&data).to_string();
    let full = Action::ok()
        .header("x-oss-hash-crc64ecma", &good)
        .body(data.clone());
    let mock = Mock::start(
        vec![
            // Declares the full length, sends half, then closes.
            Action::Cut(Box::new(full.clone()), data.len() / 2),
            // Too slow for the read timeout.
            Action::Delay(Duration::from_millis(900), Box::new(full.clone())),
        ],
        full,
    );
    let c = client(&mock)
        .read_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let path = std::env::temp_dir().join(format!("ossio-dl-{}", std::process::id()));
    c.send_to_file(&put_acl(), &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), data);
    assert_eq!(mock.requests(), 3);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn service_errors_keep_every_field() {
    let mock = Mock::start(vec![], Action::error(404, "NoSuchBucket"));
    let err = client(&mock)
        .build()
        .unwrap()
        .put_bucket_acl(&put_acl())
        .unwrap_err();
    let s = err.as_service().unwrap();
    assert_eq!(s.status, 404);
    assert_eq!(s.code, "NoSuchBucket");
    assert_eq!(s.message, "scripted");
    assert_eq!(s.request_id, "err-id");
    assert_eq!(s.ec, "0000-00000000");
    assert_eq!(s.host_id, "127.0.0.1");
    assert_eq!(err.operation(), Some("PutBucketAcl"));
}

#[test]
fn signature_mismatch_shows_both_strings_to_sign_without_secrets() {
    let action = Action::error(403, "SignatureDoesNotMatch");
    let action = match action {
        Action::Respond {
            status,
            headers,
            body,
        } => {
            let body = String::from_utf8(body)
                .unwrap()
                .replace("</EC>", "</EC><StringToSign>SERVER-STS</StringToSign>");
            Action::Respond {
                status,
                headers,
                body: body.into_bytes(),
            }
        }
        other => other,
    };
    let mock = Mock::start(vec![], action);
    let c = client(&mock)
        .credentials(
            Credentials::new("test-ak", "test-secret-value").with_security_token("sts-token-value"),
        )
        .signature_version(ossio::SignatureVersion::V1)
        .build()
        .unwrap();
    let err = c.put_bucket_acl(&put_acl()).unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(
        shown.contains("server string-to-sign \"SERVER-STS\""),
        "{shown}"
    );
    assert!(shown.contains("client string-to-sign \"PUT\\n"), "{shown}");
    assert!(!shown.contains('\n'), "one line: {shown}");
    assert!(
        !shown.contains("test-secret-value") && !shown.contains("sts-token-value"),
        "{shown}"
    );
}
