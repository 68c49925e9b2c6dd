//! Every request `ossio_core::Signer` signs is accepted by `ossio-server`, and the same request
//! with one signed byte changed (a header value, the key, a query value, the date, the STS
//! token, the signature) is refused. V1 and V4, header signing and presigned URLs, arbitrary
//! keys, metadata, sub-resources and STS tokens. Requests go over a raw TCP connection so
//! nothing between the signer and the server rewrites them.

use ossio_core::encoding::{decode, encode_path, parse_query, render_query};
use ossio_core::ops::{GetObject, GetObjectAcl, Operation, PutBucket, PutObject};
use ossio_core::{Config, Credentials, Headers, Request, SignatureVersion, Signer, time};
use ossio_props::{RawResponse, exchange, path_and_query};
use ossio_server::{ServerConfig, ServerHandle};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

#[derive(Debug, Clone)]
struct Case {
    ak: String,
    secret: String,
    token: Option<String>,
    v4: bool,
    presign: bool,
    key: String,
    meta: Vec<(String, String)>,
    override_type: String,
    extra_query: Option<(String, String)>,
    body: Vec<u8>,
}

fn object_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 +%~?#&=;:@!$'(),é中😀._-]{1,30}",
        "[a-z]{1,5}(/[a-z0-9+%~?# ]{1,8}){1,4}",
        "[a-z0-9]{1,4}[+%~?#]{1,4}[\u{80}-\u{10ffff}]{1,4}",
    ]
    .prop_filter("a key may not start with / or \\", |k| {
        !k.starts_with('/') && !k.starts_with('\\')
    })
}

fn header_value() -> impl Strategy<Value = String> {
    "[!-~]([ -~]{0,24}[!-~])?"
}

fn case() -> impl Strategy<Value = Case> {
    (
        "[A-Za-z0-9]{4,24}",
        prop_oneof!["[ -~]{1,40}", "[a-z]{0,5}[é中😀+/=%]{1,6}[A-Za-z0-9]{0,10}"],
        prop::option::of("[A-Za-z0-9+/=]{1,80}"),
        any::<bool>(),
        any::<bool>(),
        object_key(),
        prop::collection::btree_map("[a-z0-9_-]{1,12}", header_value(), 1..5),
        "[a-z]{1,10}/[a-z0-9.+-]{1,10}",
        prop::option::of(("[a-z][a-z0-9-]{0,10}", "[ -~é中]{1,16}")),
        prop::collection::vec(any::<u8>(), 0..256),
    )
        .prop_map(
            |(ak, secret, token, v4, presign, key, meta, override_type, extra_query, body)| Case {
                ak,
                secret,
                token,
                v4,
                presign,
                key,
                meta: meta.into_iter().collect(),
                override_type,
                extra_query,
                body,
            },
        )
}

/// One signed request as it goes on the wire.
#[derive(Debug, Clone)]
struct Wire {
    method: &'static str,
    target: String,
    headers: Headers,
    body: Vec<u8>,
}

impl Wire {
    fn send(&self, s: &ServerHandle) -> RawResponse {
        exchange(
            s.addr(),
            self.method,
            &self.target,
            &self.headers,
            &self.body,
        )
        .expect("the server answers")
    }

    fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    fn query(&self) -> Vec<(String, Option<String>)> {
        parse_query(self.target.split_once('?').map_or("", |(_, q)| q)).unwrap()
    }

    fn with_query(&self, q: &[(String, Option<String>)]) -> Wire {
        let mut w = self.clone();
        let rendered = render_query(q.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        w.target = if rendered.is_empty() {
            self.path().to_owned()
        } else {
            format!("{}?{rendered}", self.path())
        };
        w
    }

    /// The same request with the query value `name` changed by `f`.
    fn map_query(&self, name: &str, f: impl Fn(&str) -> String) -> Option<Wire> {
        let mut q = self.query();
        let entry = q.iter_mut().find(|(k, _)| k == name)?;
        let v = entry.1.as_deref().unwrap_or("");
        entry.1 = Some(f(v));
        Some(self.with_query(&q))
    }

    fn map_header(&self, name: &str, f: impl Fn(&str) -> String) -> Option<Wire> {
        let v = self.headers.get(name)?.to_owned();
        let mut w = self.clone();
        w.headers.insert(name.to_owned(), f(&v));
        Some(w)
    }

    /// The same request for another object key (one character changed).
    fn with_other_key(&self, bucket: &str) -> Wire {
        let prefix = format!("/{bucket}/");
        let encoded = self.path().strip_prefix(&prefix).expect("path-style URL");
        let key = decode(encoded, false).unwrap();
        let mut chars: Vec<char> = key.chars().collect();
        chars[0] = if chars[0] == 'a' { 'b' } else { 'a' };
        let other: String = chars.into_iter().collect();
        let mut w = self.clone();
        let rest = self.target.split_once('?').map(|(_, q)| format!("?{q}"));
        w.target = format!(
            "{prefix}{}{}",
            encode_path(&other),
            rest.unwrap_or_default()
        );
        w
    }
}

/// Changes one character of a value (the last one), keeping it printable ASCII if it was.
fn flip(v: &str) -> String {
    let mut chars: Vec<char> = v.chars().collect();
    match chars.last_mut() {
        Some(c) => *c = if *c == 'A' { 'B' } else { 'A' },
        None => chars.push('A'),
    }
    chars.into_iter().collect()
}

fn flip_signature(sig: &str) -> String {
    // Hex (V4) or base64 (V1): replace the first character by another of the same alphabet.
    let mut chars: Vec<char> = sig.chars().collect();
    chars[0] = if chars[0] == '0' { '1' } else { '0' };
    chars.into_iter().collect()
}

struct Ctx {
    signer: Signer,
    creds: Credentials,
    presign: bool,
}

impl Ctx {
    fn wire(&self, req: &Request, at: SystemTime) -> Wire {
        let body = req.body.as_bytes().unwrap_or_default().to_vec();
        let method = req.method.as_str();
        if self.presign {
            let p = self
                .signer
                .presign(req, &self.creds, at, Duration::from_secs(900))
                .unwrap();
            // Every header of the request goes along (the signed subset and the rest).
            Wire {
                method,
                target: path_and_query(&p.url).to_owned(),
                headers: req.headers.clone(),
                body,
            }
        } else {
            let s = self.signer.sign(req, &self.creds, at).unwrap();
            Wire {
                method,
                target: path_and_query(&s.url).to_owned(),
                headers: s.headers,
                body,
            }
        }
    }
}

fn server_for(c: &Case) -> ServerHandle {
    let config = match &c.token {
        Some(t) => ServerConfig::new().sts(&c.ak, &c.secret, t),
        None => ServerConfig::new().key(&c.ak, &c.secret),
    };
    ossio_server::start(config).unwrap()
}

const BUCKET: &str = "props-bucket";

fn expect_ok(r: &RawResponse, what: &str) -> Result<(), TestCaseError> {
    ACCEPTED.fetch_add(1, Ordering::Relaxed);
    prop_assert!(
        (200..300).contains(&r.status),
        "{what}: HTTP {} {:?}: {}",
        r.status,
        r.code(),
        String::from_utf8_lossy(&r.body)
    );
    Ok(())
}

fn expect_refused(r: &RawResponse, what: &str, codes: &[&str]) -> Result<(), TestCaseError> {
    REFUSED.fetch_add(1, Ordering::Relaxed);
    let code = r.code();
    prop_assert!(
        r.status == 403 || r.status == 400,
        "{what}: tampered request got HTTP {} {code:?}",
        r.status
    );
    prop_assert!(
        code.as_deref().is_some_and(|c| codes.contains(&c)),
        "{what}: tampered request refused with {code:?}, expected one of {codes:?}"
    );
    Ok(())
}

const MISMATCH: &[&str] = &["SignatureDoesNotMatch"];

/// The date of a signed request moved by one second: a different signature, or (across
/// midnight, for V4) a scope date that no longer matches.
fn shift_date(w: &Wire, v4: bool, presign: bool) -> Wire {
    match (v4, presign) {
        (false, false) => w
            .map_header("Date", |d| {
                time::rfc1123(time::parse_rfc1123(d).unwrap() - 1)
            })
            .unwrap(),
        (true, false) => w
            .map_header("x-oss-date", |d| {
                time::iso8601(time::parse_iso8601(d).unwrap() - 1)
            })
            .unwrap(),
        (false, true) => w
            .map_query("Expires", |e| (e.parse::<u64>().unwrap() - 1).to_string())
            .unwrap(),
        (true, true) => w
            .map_query("x-oss-date", |d| {
                time::iso8601(time::parse_iso8601(d).unwrap() - 1)
            })
            .unwrap(),
    }
}

fn tamper_signature(w: &Wire, v4: bool, presign: bool) -> Wire {
    match (v4, presign) {
        (_, false) => w
            .map_header("Authorization", |a| {
                let at = if v4 {
                    a.rfind("Signature=").unwrap() + "Signature=".len()
                } else {
                    a.rfind(':').unwrap() + 1
                };
                format!("{}{}", &a[..at], flip_signature(&a[at..]))
            })
            .unwrap(),
        (false, true) => w.map_query("Signature", flip_signature).unwrap(),
        (true, true) => w.map_query("x-oss-signature", flip_signature).unwrap(),
    }
}

fn tamper_token(w: &Wire, v4: bool, presign: bool) -> Option<Wire> {
    match (v4, presign) {
        (_, false) => w.map_header("x-oss-security-token", flip),
        (false, true) => w.map_query("security-token", flip),
        (true, true) => w.map_query("x-oss-security-token", flip),
    }
}

fn run(c: &Case) -> Result<(), TestCaseError> {
    let server = server_for(c);
    let version = if c.v4 {
        SignatureVersion::V4
    } else {
        SignatureVersion::V1
    };
    let mut creds = Credentials::new(&c.ak, &c.secret);
    if let Some(t) = &c.token {
        creds = creds.with_security_token(t);
    }
    let config = Config::new(server.region())
        .unwrap()
        .with_endpoint(&server.endpoint())
        .unwrap()
        .with_signature_version(version);
    let header_ctx = Ctx {
        signer: Signer::new(config.clone()),
        creds: creds.clone(),
        presign: false,
    };
    let ctx = Ctx {
        signer: Signer::new(config),
        creds,
        presign: c.presign,
    };
    let now = SystemTime::now();

    let bucket = PutBucket::new(BUCKET).to_request().unwrap();
    expect_ok(&header_ctx.wire(&bucket, now).send(&server), "PutBucket")?;

    // An upload with metadata.
    let mut put = PutObject::new(BUCKET, &c.key).bytes(c.body.clone());
    for (k, v) in &c.meta {
        put = put.meta(k, v);
    }
    let put = ctx.wire(&put.to_request().unwrap(), now);
    expect_ok(&put.send(&server), "PutObject")?;

    // A download with a signed sub-resource (response-content-type) and, sometimes, a query
    // parameter only V4 signs.
    let mut get = GetObject::new(BUCKET, &c.key);
    get.overrides.content_type = Some(c.override_type.clone());
    let mut get_req = get.to_request().unwrap();
    if let Some((k, v)) = &c.extra_query {
        get_req = get_req.query(format!("x-props-{k}"), v.clone());
    }
    let get = ctx.wire(&get_req, now);
    let got = get.send(&server);
    expect_ok(&got, "GetObject")?;
    prop_assert_eq!(&got.body, &c.body);
    prop_assert_eq!(
        got.headers.get("content-type"),
        Some(c.override_type.as_str())
    );

    // A valueless sub-resource.
    let acl = ctx.wire(
        &GetObjectAcl::new(BUCKET, &c.key).to_request().unwrap(),
        now,
    );
    expect_ok(&acl.send(&server), "GetObjectAcl")?;

    // One signed byte changed at a time.
    let (v4, presign) = (c.v4, c.presign);
    let (meta_name, _) = &c.meta[0];
    let header = put
        .map_header(&format!("x-oss-meta-{meta_name}"), flip)
        .unwrap();
    expect_refused(&header.send(&server), "metadata value", MISMATCH)?;
    expect_refused(&put.with_other_key(BUCKET).send(&server), "key", MISMATCH)?;
    expect_refused(
        &get.with_other_key(BUCKET).send(&server),
        "key (GET)",
        MISMATCH,
    )?;
    let query = get.map_query("response-content-type", flip).unwrap();
    expect_refused(&query.send(&server), "sub-resource value", MISMATCH)?;
    if v4 {
        if let Some((k, _)) = &c.extra_query {
            let q = get.map_query(&format!("x-props-{k}"), flip).unwrap();
            expect_refused(&q.send(&server), "query value", MISMATCH)?;
        }
    }
    // Across a midnight (V4), the scope date no longer matches: InvalidArgument.
    let date_codes: &[&str] = if v4 {
        &["SignatureDoesNotMatch", "InvalidArgument"]
    } else {
        MISMATCH
    };
    expect_refused(
        &shift_date(&put, v4, presign).send(&server),
        "date",
        date_codes,
    )?;
    expect_refused(
        &shift_date(&get, v4, presign).send(&server),
        "date (GET)",
        date_codes,
    )?;
    expect_refused(
        &tamper_signature(&put, v4, presign).send(&server),
        "signature",
        MISMATCH,
    )?;
    expect_refused(
        &tamper_signature(&get, v4, presign).send(&server),
        "signature (GET)",
        MISMATCH,
    )?;
    if c.token.is_some() {
        let t = tamper_token(&get, v4, presign).expect("the token is on the wire");
        expect_refused(
            &t.send(&server),
            "STS token",
            &["SignatureDoesNotMatch", "InvalidSecurityToken"],
        )?;
    }
    // The untouched request still goes through after all that.
    expect_ok(&get.send(&server), "GetObject again")?;
    Ok(())
}

static ACCEPTED: AtomicUsize = AtomicUsize::new(0);
static REFUSED: AtomicUsize = AtomicUsize::new(0);
static MODES: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

#[test]
fn signed_requests_are_accepted_and_tampered_ones_refused() {
    let cases = std::env::var("OSSIO_PROP_SERVER_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
    if let Err(e) = runner.run(&case(), |c| {
        MODES[usize::from(c.v4) * 2 + usize::from(c.presign)].fetch_add(1, Ordering::Relaxed);
        run(&c)
    }) {
        panic!("{e}");
    }
    let modes: Vec<usize> = MODES.iter().map(|m| m.load(Ordering::Relaxed)).collect();
    println!(
        "server properties: {cases} cases (V1 header {}, V1 presign {}, V4 header {}, V4 presign {}), \
         {} signed requests accepted, {} one-byte tampered requests refused",
        modes[0],
        modes[1],
        modes[2],
        modes[3],
        ACCEPTED.load(Ordering::Relaxed),
        REFUSED.load(Ordering::Relaxed)
    );
}
