//! Defects found by the fuzzers and the reliability suites, in code this crate does not own,
//! and fixed since: each test asserts the fixed behaviour so it cannot come back. The fuzz
//! inputs are also in `fuzz/regressions/`, replayed by `tests/fuzz_corpus.rs`.

use ossio::ops::*;
use ossio::{Client, Credentials, RetryPolicy};
use ossio_core::time;
use ossio_core::{Headers, xml};
use ossio_props::exchange;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

/// Found by the `encoding` fuzz target (fuzz/regressions/encoding/iso8601-non-ascii):
/// `parse_iso8601` slices at byte offsets 0..4, 4..6, ... after checking only the length,
/// so a 16-byte string with a multi-byte character across an offset panics.
#[test]
fn iso8601_parsers_never_panic_on_non_ascii() {
    let input = String::from_utf8_lossy(b"21\xf1r16Tstyle7Z").into_owned();
    assert_eq!(input.len(), 16);
    assert_eq!(
        catch_unwind(|| time::parse_iso8601(&input)).ok(),
        Some(None)
    );
    // The extended form slices `&s[19..]` the same way.
    let extended = "2023-12-16T16:20:5\u{e9}Z";
    assert_eq!(
        catch_unwind(|| time::parse_iso8601_extended(extended)).ok(),
        Some(None)
    );
}

/// The same panic, reached from the network: a V4 request whose `x-oss-date` header is not
/// ASCII kills the server's connection thread. The client gets no answer, and the socket is
/// not even closed (the server's connection list keeps a clone that the dead thread never
/// removes), so each such request leaks a descriptor until the server stops. Proposed as
/// well: ossio-server's `serve_connection` caller could run the handler under
/// `catch_unwind` and answer 500 InternalError, so no future panic costs a socket.
#[test]
fn server_answers_a_non_ascii_x_oss_date() {
    let s = ossio_server::start(ossio_server::ServerConfig::new()).unwrap();
    let headers: Headers = [
        (
            "Authorization",
            "OSS4-HMAC-SHA256 Credential=test-access-key-id/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=00",
        ),
        ("x-oss-date", "202\u{e9}121T162057Z"),
    ]
    .into_iter()
    .collect();
    let r = exchange(s.addr(), "GET", "/", &headers, b"");
    assert!(r.is_ok(), "no answer: {r:?}");
    assert_eq!(r.unwrap().status, 400);
}

/// And from the client side: a `RequestTimeTooSkewed` answer whose `ServerTime` is not
/// ASCII (a hostile or broken endpoint) makes the client panic while reading the error.
#[test]
fn client_survives_a_non_ascii_server_time() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", l.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in l.incoming().take(4) {
            let Ok(mut stream) = stream else { break };
            let mut buf = [0u8; 65536];
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let _ = stream.read(&mut buf);
            let body = "<Error><Code>RequestTimeTooSkewed</Code><Message>m</Message><ServerTime>2023-12-16T16:20:5\u{e9}Z</ServerTime></Error>";
            let _ = write!(
                stream,
                "HTTP/1.1 403 Forbidden\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let c = Client::builder("cn-hangzhou")
        .endpoint(&endpoint)
        .credentials(Credentials::new("ak", "sk"))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let out = catch_unwind(AssertUnwindSafe(move || {
        c.list_buckets(&ListBuckets::new()).map(|_| ())
    }));
    let err = out.expect("the client panicked").unwrap_err();
    assert_eq!(err.code(), Some("RequestTimeTooSkewed"));
}

/// Found by tests/secrets.rs: `ServiceError`'s derived `Debug` prints the details verbatim,
/// and the `StringToSign` / `CanonicalRequest` (and `StringToSignBytes`, in hex) that OSS and
/// ossio-server send back with `SignatureDoesNotMatch` contain the `x-oss-security-token`
/// line. So `{:?}` of `ossio::Error` and every `.unwrap()` panic on it print the STS token.
#[test]
fn service_error_debug_redacts_the_token() {
    let token = "CAIS-finding-token-0123456789";
    let server = ossio_server::start(ossio_server::ServerConfig::new().sts(
        "finding-ak",
        "server-secret",
        token,
    ))
    .unwrap();
    let c = Client::builder(server.region())
        .endpoint(&server.endpoint())
        .credentials(Credentials::new("finding-ak", "client-secret").with_security_token(token))
        .signature_version(ossio::SignatureVersion::V1)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = c.list_buckets(&ListBuckets::new()).unwrap_err();
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    let hex: String = token.bytes().map(|b| format!("{b:02x} ")).collect();
    let shown = format!("{err:?}");
    assert!(!shown.contains(token), "{shown}");
    assert!(!shown.contains(hex.trim_end()), "{shown}");
}

/// Found while seeding the `server_auth` fuzz target: ossio-server routes `PUT /bucket/` to
/// PutBucket only when the query is empty, so a presigned PutBucket (whose query carries the
/// signature) gets 501 NotImplemented. DeleteBucket has the same guard.
#[test]
fn presigned_put_bucket_is_routed() {
    use ossio_core::{Config, Signer};
    let s = ossio_server::start(ossio_server::ServerConfig::new()).unwrap();
    let signer = Signer::new(
        Config::new(s.region())
            .unwrap()
            .with_endpoint(&s.endpoint())
            .unwrap(),
    );
    let creds = ossio_core::Credentials::new(
        ossio_server::DEFAULT_ACCESS_KEY_ID,
        ossio_server::DEFAULT_ACCESS_KEY_SECRET,
    );
    let req = ossio_core::ops::Operation::to_request(&PutBucket::new("presigned-bucket")).unwrap();
    let p = signer
        .presign(
            &req,
            &creds,
            std::time::SystemTime::now(),
            Duration::from_secs(60),
        )
        .unwrap();
    let r = exchange(
        s.addr(),
        "PUT",
        ossio_props::path_and_query(&p.url),
        &req.headers,
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 200, "{:?}", r.code());
}

/// Found by the `request_bodies` fuzz target (fuzz/regressions/request_bodies/delete-raw-nul):
/// `xml::parse` accepts a raw U+0000 in text (XML 1.0 forbids it), `xml::escape` writes it
/// as `&#x0;`, and `xml::parse` refuses that: a DeleteMultipleObjects body the server
/// accepts writes back as one it refuses.
#[test]
fn xml_refuses_raw_nul_as_it_refuses_the_reference() {
    assert!(xml::parse(b"<A>&#x0;</A>").is_err());
    assert!(xml::parse(b"<A>a\0b</A>").is_err());
}
