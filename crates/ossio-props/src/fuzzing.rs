//! The bodies of the fuzz targets in `fuzz/`, kept here so the committed seeds and every
//! input a fuzzer ever crashed on are replayed by `cargo test` (`tests/fuzz_corpus.rs`).
//! Each function takes arbitrary bytes, must never panic, and panics (with the reason) only
//! when an invariant breaks.

use base64::Engine as _;
use ossio_core::encoding::{decode, encode_component, encode_path, parse_query, render_query};
use ossio_core::ops::{self, Operation};
use ossio_core::response::{Response, service_error};
use ossio_core::{Acl, Headers, ObjectAcl, time, xml};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Splits `data` into `name: value` header lines, up to an empty line, and the body after it.
fn headers_and_body(data: &[u8]) -> (Headers, &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (&[][..], data),
    };
    let mut headers = Headers::new();
    for line in head.split(|&b| b == b'\n') {
        let line = lossy(line);
        if let Some((k, v)) = line.split_once(':') {
            headers.append(k.trim(), v.trim());
        }
    }
    (headers, body)
}

/// `response::service_error` over an arbitrary body with any non-2xx status: never panics,
/// keeps the status, always yields a code.
pub fn error_body(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let status = 300 + u16::from(sel) * 3 % 300;
    let (mut headers, body) = headers_and_body(rest);
    headers.insert("x-oss-request-id", "fuzz-request-id");
    let resp = Response::new(status, &headers, body);
    let err = service_error(&resp);
    assert_eq!(err.status, status, "the status is kept");
    let shown = err.to_string();
    assert!(shown.starts_with(&status.to_string()), "{shown}");
    assert!(resp.check().is_err());
}

const STATUSES: [u16; 12] = [200, 200, 200, 204, 206, 304, 400, 403, 404, 409, 500, 503];

/// What the server writes (`to_xml`) the client reads back as the same value:
/// `parse(to_xml(parse(body))) == parse(body)` for every operation whose output has a document.
fn round_trip<O>(op: &O, headers: &Headers, out: &O::Output, to_xml: impl Fn(&O::Output) -> String)
where
    O: Operation,
    O::Output: PartialEq + std::fmt::Debug,
{
    let doc = to_xml(out);
    let again = op
        .parse_response(&Response::new(200, headers, doc.as_bytes()))
        .unwrap_or_else(|e| panic!("{}: its own document does not parse: {e}\n{doc}", O::NAME));
    assert_eq!(&again, out, "{}: {doc}", O::NAME);
}

macro_rules! parse_and_round_trip {
    ($op:expr, $status:expr, $h:expr, $b:expr $(,)?) => {{
        let op = $op;
        if let Ok(out) = op.parse_response(&Response::new($status, $h, $b)) {
            assert!((200..300).contains(&$status));
            round_trip(&op, $h, &out, |o| o.to_xml());
        } else {
            parse_with(op, $status, $h, $b);
        }
    }};
}

fn parse_with<O: Operation>(op: O, status: u16, headers: &Headers, body: &[u8]) {
    let resp = Response::new(status, headers, body);
    let out = op.parse_response(&resp);
    if !(200..300).contains(&status) {
        match out {
            Err(ossio_core::Error::Service(e)) => assert_eq!(e.status, status),
            Err(other) => panic!(
                "{} on HTTP {status}: not a service error: {other:?}",
                O::NAME
            ),
            Ok(_) => panic!("{} accepted HTTP {status}", O::NAME),
        }
    }
}

/// Every operation's `parse_response`: byte 0 picks the operation, byte 1 the status, then
/// header lines, an empty line and the body. A non-2xx answer is always a service error with
/// its status.
pub fn response_parsers(data: &[u8]) {
    let [op, st, rest @ ..] = data else { return };
    let status = STATUSES[usize::from(*st) % STATUSES.len()];
    let (headers, body) = headers_and_body(rest);
    let (h, b) = (&headers, body);
    let (bk, key, ap) = ("fuzz-bucket", "fuzz/key", "fuzz-ap");
    match op % 24 {
        0 => parse_and_round_trip!(
            ops::CreateAccessPoint::new(bk, ap, ops::NetworkOrigin::Internet),
            status,
            h,
            b,
        ),
        1 => parse_and_round_trip!(ops::GetAccessPoint::new(bk, ap), status, h, b),
        2 => parse_and_round_trip!(ops::ListAccessPoints::new(), status, h, b),
        3 => parse_with(ops::DeleteAccessPoint::new(bk, ap), status, h, b),
        4 => parse_with(ops::PutAccessPointPolicy::new(bk, ap, "{}"), status, h, b),
        5 => parse_with(ops::GetAccessPointPolicy::new(bk, ap), status, h, b),
        6 => parse_with(ops::DeleteAccessPointPolicy::new(bk, ap), status, h, b),
        7 => parse_with(
            ops::PutAccessPointPublicAccessBlock::new(bk, ap, true),
            status,
            h,
            b,
        ),
        8 => parse_with(
            ops::GetAccessPointPublicAccessBlock::new(bk, ap),
            status,
            h,
            b,
        ),
        9 => parse_with(
            ops::DeleteAccessPointPublicAccessBlock::new(bk, ap),
            status,
            h,
            b,
        ),
        10 => parse_with(ops::PutBucketAcl::new(bk, Acl::Private), status, h, b),
        11 => parse_and_round_trip!(ops::GetBucketAcl::new(bk), status, h, b),
        12 => parse_with(
            ops::PutObjectAcl::new(bk, key, ObjectAcl::Default),
            status,
            h,
            b,
        ),
        13 => parse_and_round_trip!(ops::GetObjectAcl::new(bk, key), status, h, b),
        14 => parse_with(ops::PutBucket::new(bk), status, h, b),
        15 => parse_with(ops::DeleteBucket::new(bk), status, h, b),
        16 => parse_and_round_trip!(ops::ListBuckets::new(), status, h, b),
        17 => parse_and_round_trip!(ops::GetBucketInfo::new(bk), status, h, b),
        18 => parse_with(ops::PutObject::new(bk, key), status, h, b),
        19 => parse_with(ops::GetObject::new(bk, key), status, h, b),
        20 => parse_with(ops::HeadObject::new(bk, key), status, h, b),
        21 => parse_with(ops::DeleteObject::new(bk, key), status, h, b),
        22 => parse_with(
            ops::DeleteMultipleObjects::new(bk, ["a", "b"]),
            status,
            h,
            b,
        ),
        _ => parse_and_round_trip!(ops::ListObjectsV2::new(bk), status, h, b),
    }
}

/// The `x-oss-err` header of a HEAD error (base64 of an error body, or garbage): byte 0
/// picks the status and whether the rest is sent base64-encoded or as is.
pub fn x_oss_err(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let status = [400, 403, 404, 409, 412, 500, 503][usize::from(sel >> 1) % 7];
    let value = if sel & 1 == 0 {
        base64::engine::general_purpose::STANDARD.encode(rest)
    } else {
        lossy(rest)
    };
    let mut headers = Headers::new();
    headers.insert("x-oss-err", value);
    headers.insert("x-oss-ec", "0026-00000001");
    let resp = Response::new(status, &headers, b"");
    let err = service_error(&resp);
    assert_eq!(err.status, status);
    let _ = err.to_string();
    match ops::HeadObject::new("fuzz-bucket", "k").parse_response(&resp) {
        Err(ossio_core::Error::Service(e)) => assert_eq!(e.status, status),
        other => panic!("HeadObject on HTTP {status}: {other:?}"),
    }
}

/// Percent-decoding, encoding, query parsing and rendering, date parsing, and signing an
/// arbitrary key: no panics, and what decodes re-encodes to itself.
pub fn encoding(data: &[u8]) {
    let s = lossy(data);
    for plus in [false, true] {
        if let Ok(d) = decode(&s, plus) {
            assert_eq!(
                decode(&encode_component(&d), plus).as_deref(),
                Ok(d.as_str())
            );
            assert_eq!(decode(&encode_path(&d), false).as_deref(), Ok(d.as_str()));
        }
    }
    if let Ok(pairs) = parse_query(&s) {
        let rendered = render_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        let again = parse_query(&rendered).expect("a rendered query parses");
        let expected: Vec<(String, Option<String>)> = pairs
            .into_iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (k, v.filter(|v| !v.is_empty())))
            .collect();
        let again: Vec<(String, Option<String>)> =
            again.into_iter().filter(|(k, _)| !k.is_empty()).collect();
        assert_eq!(again, expected, "query {s:?} rendered {rendered:?}");
    }
    if let Some(t) = time::parse_rfc1123(&s) {
        assert_eq!(time::parse_rfc1123(&time::rfc1123(t)), Some(t), "{s:?}");
    }
    if let Some(t) = time::parse_iso8601(&s) {
        assert_eq!(time::parse_iso8601(&time::iso8601(t)), Some(t), "{s:?}");
    }
    sign_anything(&s);
}

fn sign_anything(s: &str) {
    use ossio_core::{Config, Credentials, Method, Request, SignatureVersion, Signer};
    let (key, value) = s.split_once('\u{1}').unwrap_or((s, s));
    let req = Request::new(Method::Get)
        .bucket("fuzz-bucket")
        .key(key)
        .query(value, key)
        .header("x-oss-meta-fuzz", value)
        .with_known_sub_resources();
    let valid = req.validate().is_ok();
    let creds = Credentials::new("ak", "sk").with_security_token(value);
    let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    for v in [SignatureVersion::V1, SignatureVersion::V4] {
        let signer = Signer::new(
            Config::new("cn-hangzhou")
                .unwrap()
                .with_signature_version(v),
        );
        let signed = signer.sign(&req, &creds, at);
        assert_eq!(signed.is_ok(), valid, "{req:?}");
        let _ = signer.presign(&req, &creds, at, Duration::from_secs(60));
        if let Ok(signed) = signed {
            let _ = format!("{signed:?}");
            // The key survives URL building: the path decodes back to it exactly.
            let target = crate::path_and_query(&signed.url);
            let path = target.split_once('?').map_or(target, |(p, _)| p);
            assert_eq!(
                decode(&path[1..], false).as_deref(),
                Ok(key),
                "{}",
                signed.url
            );
        }
    }
}

/// The XML bodies the server reads from clients (`from_xml` of PutBucket,
/// CreateAccessPoint, DeleteMultipleObjects, the public access block) and the XML reader.
pub fn request_bodies(data: &[u8]) {
    let _ = xml::parse(data);
    let _ = ops::PutBucket::from_xml("fuzz-bucket", data);
    let _ = ops::CreateAccessPoint::from_xml("fuzz-bucket", data);
    if let Ok(d) = ops::DeleteMultipleObjects::from_xml("fuzz-bucket", data) {
        // What was read writes back to a document that reads again.
        let again = ops::DeleteMultipleObjects::from_xml("fuzz-bucket", d.to_xml().as_bytes());
        assert!(again.is_ok(), "{again:?}");
    }
    let _ = ops::common::public_access_block_from_xml(data);
}

/// The instant the server_auth seeds are signed at; the fuzzing server's clock is held there.
pub const SEED_EPOCH: u64 = 1_700_000_000;

struct AuthServer {
    handle: ossio_server::ServerHandle,
}

fn auth_server() -> &'static AuthServer {
    static SERVER: OnceLock<AuthServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let config = ossio_server::ServerConfig::new()
            .also_key("fuzz-sts-ak", "fuzz-sts-secret")
            .sts("fuzz-sts-ak", "fuzz-sts-secret", "fuzz-sts-token");
        AuthServer {
            handle: ossio_server::start(config).expect("the fuzzing server starts"),
        }
    })
}

fn hold_clock(server: &ossio_server::ServerHandle) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    server.faults().set_clock_skew(SEED_EPOCH as i64 - now);
}

/// The headers `server_auth` sets itself (framing), dropped from fuzz input.
const FRAMING: [&str; 5] = [
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "expect",
];

/// Builds the raw HTTP request of a server_auth input: a method line, a target line, header
/// lines, an empty line, the body. Returns `None` when the input has no method line.
pub fn server_auth_request(data: &[u8], host: &str) -> Option<Vec<u8>> {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let method: String = lossy(parts.next()?)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .take(16)
        .collect();
    let method = if method.is_empty() {
        "GET".to_owned()
    } else {
        method
    };
    let target: String = lossy(parts.next().unwrap_or(b"/"))
        .chars()
        .filter(|&c| c > ' ' && c != '\u{7f}')
        .collect();
    let target = if target.starts_with('/') {
        target
    } else {
        format!("/{target}")
    };
    let (headers, body) = headers_and_body(parts.next().unwrap_or_default());
    let mut out = format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\n").into_bytes();
    for (k, v) in headers.iter() {
        let name: String = k
            .chars()
            .filter(|c| c.is_ascii_graphic() && *c != ':')
            .collect();
        if name.is_empty() || FRAMING.iter().any(|f| f.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let value: String = v
            .chars()
            .filter(|&c| c != '\r' && c != '\n' && c != '\0')
            .collect();
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(body);
    Some(out)
}

/// The server's request authentication (and whatever runs after it), through a real socket
/// to an in-process `ossio-server` whose clock is held at [`SEED_EPOCH`]. Returns the HTTP
/// status; panics if the server closes the connection without answering.
pub fn server_auth(data: &[u8]) -> Option<u16> {
    let server = &auth_server().handle;
    hold_clock(server);
    let raw = server_auth_request(data, &server.addr().to_string())?;
    let mut stream = TcpStream::connect(server.addr()).expect("connect to the fuzzing server");
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok();
    let _ = stream.write_all(&raw);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(
        answer.starts_with(b"HTTP/1.1 "),
        "the server closed the connection without an answer to {:?}",
        lossy(&raw)
    );
    let status = lossy(&answer[9..answer.len().min(12)]).parse().ok();
    assert!(
        status.is_some(),
        "bad status line: {:?}",
        lossy(&answer[..answer.len().min(40)])
    );
    status
}

/// Seeds for `server_auth`: correctly signed requests (V1 and V4, header and presigned, with
/// and without an STS token) at [`SEED_EPOCH`], in the target's input format.
pub fn server_auth_seeds() -> Vec<(String, Vec<u8>)> {
    use ossio_core::{Config, Credentials, Request, SignatureVersion, Signer};
    let at = UNIX_EPOCH + Duration::from_secs(SEED_EPOCH);
    let requests: Vec<(&str, Request)> = vec![
        (
            "put_bucket",
            ops::PutBucket::new("fuzz-bucket").to_request().unwrap(),
        ),
        (
            "put_object",
            ops::PutObject::new("fuzz-bucket", "dir/a b+c%~?#.txt")
                .bytes(b"hello".to_vec())
                .meta("k", "v")
                .to_request()
                .unwrap(),
        ),
        (
            "get_object",
            ops::GetObject::new("fuzz-bucket", "dir/a b+c%~?#.txt")
                .to_request()
                .unwrap(),
        ),
        (
            "get_bucket_acl",
            ops::GetBucketAcl::new("fuzz-bucket").to_request().unwrap(),
        ),
        (
            "list_objects",
            ops::ListObjectsV2::new("fuzz-bucket")
                .prefix("dir/")
                .to_request()
                .unwrap(),
        ),
        (
            "list_buckets",
            ops::ListBuckets::new().to_request().unwrap(),
        ),
    ];
    let mut seeds = Vec::new();
    for (v, vname) in [(SignatureVersion::V1, "v1"), (SignatureVersion::V4, "v4")] {
        let config = Config::new("cn-hangzhou")
            .unwrap()
            .with_endpoint("http://127.0.0.1:9000")
            .unwrap()
            .with_signature_version(v);
        let signer = Signer::new(config);
        for (sts, creds) in [
            (
                "",
                Credentials::new(
                    ossio_server::DEFAULT_ACCESS_KEY_ID,
                    ossio_server::DEFAULT_ACCESS_KEY_SECRET,
                ),
            ),
            (
                "-sts",
                Credentials::new("fuzz-sts-ak", "fuzz-sts-secret")
                    .with_security_token("fuzz-sts-token"),
            ),
        ] {
            for (name, req) in &requests {
                let body = req.body.as_bytes().unwrap_or_default();
                let s = signer.sign(req, &creds, at).unwrap();
                seeds.push((
                    format!("{vname}{sts}-header-{name}"),
                    encode(req.method.as_str(), &s.url, &s.headers, body),
                ));
                let p = signer
                    .presign(req, &creds, at, Duration::from_secs(3600))
                    .unwrap();
                seeds.push((
                    format!("{vname}{sts}-presign-{name}"),
                    encode(req.method.as_str(), &p.url, &req.headers, body),
                ));
            }
        }
    }
    seeds
}

fn encode(method: &str, url: &str, headers: &Headers, body: &[u8]) -> Vec<u8> {
    let mut out = format!("{method}\n{}\n", crate::path_and_query(url)).into_bytes();
    for (k, v) in headers.iter() {
        out.extend_from_slice(format!("{k}: {v}\n").as_bytes());
    }
    out.push(b'\n');
    out.extend_from_slice(body);
    out
}
