//! CORS: preflights answered from the bucket's rules, and the rules' headers on ordinary
//! answers (successes, errors, presigned requests from another origin).

mod common;

use common::*;
use ossio_core::ops::{
    CorsMethod, CorsRule, DeleteBucketCors, Operation, OptionObject, PutBucketCors,
};
use ossio_core::{Credentials, Method, Request, SignatureVersion, Signer};
use ossio_server::ServerHandle;
use std::time::Duration;

const PAGE: &str = "http://page.example:8080";
const NOT_ENABLED: &str = "CORSResponse: CORS is not enabled for this bucket.";
const NOT_ALLOWED: &str = "CORSResponse: This CORS request is not allowed. This is usually \
     because the evaluation of Origin, request method / Access-Control-Request-Method or \
     Access-Control-Requet-Headers are not whitelisted by the resource's CORS spec.";

fn rule(origins: &[&str], methods: &[CorsMethod]) -> CorsRule {
    CorsRule {
        allowed_origins: origins.iter().map(|s| s.to_string()).collect(),
        allowed_methods: methods.to_vec(),
        ..CorsRule::default()
    }
}

fn set_rules(s: &ServerHandle, bucket: &str, rules: Vec<CorsRule>, vary: Option<bool>) {
    let mut op = PutBucketCors::new(bucket, rules);
    op.cors_configuration.response_vary = vary;
    call(s, &op).expect("rules set");
}

fn preflight(
    s: &ServerHandle,
    target: &str,
    origin: &str,
    method: &str,
    headers: Option<&str>,
) -> Reply {
    let mut h = vec![
        ("Origin", origin),
        ("Access-Control-Request-Method", method),
    ];
    if let Some(v) = headers {
        h.push(("Access-Control-Request-Headers", v));
    }
    raw(s.addr(), "OPTIONS", target, &h, &[]).unwrap()
}

fn assert_denied(r: &Reply, message: &str) {
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "AccessForbidden");
    assert_eq!(r.error().message, message);
    for h in [
        "Access-Control-Allow-Origin",
        "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers",
    ] {
        assert_eq!(r.header(h), None, "{h}");
    }
}

fn setup() -> ServerHandle {
    let s = server();
    create_bucket(&s, "web");
    put(&s, "web", "a.txt", b"hello");
    s
}

#[test]
fn a_preflight_needs_rules() {
    let s = setup();
    // No configuration at all.
    assert_denied(&preflight(&s, "/web/a.txt", PAGE, "PUT", None), NOT_ENABLED);
    // Not even a signature gets past it (the request is not authenticated).
    let signed = send(
        &s,
        &OptionObject::new("web", "a.txt", PAGE, "GET")
            .to_request()
            .unwrap(),
    );
    assert_denied(&signed, NOT_ENABLED);
    // A missing bucket.
    let r = preflight(&s, "/nope/a.txt", PAGE, "PUT", None);
    assert_eq!((r.status, r.code().as_str()), (404, "NoSuchBucket"));
    // After the rules are removed, it is as before.
    set_rules(&s, "web", vec![rule(&[PAGE], &[CorsMethod::Put])], None);
    assert_eq!(preflight(&s, "/web/a.txt", PAGE, "PUT", None).status, 200);
    call(&s, &DeleteBucketCors::new("web")).unwrap();
    assert_denied(&preflight(&s, "/web/a.txt", PAGE, "PUT", None), NOT_ENABLED);
}

#[test]
fn an_allowed_preflight_gets_the_rules_headers() {
    let s = setup();
    let mut first = rule(&["http://other.example"], &[CorsMethod::Get]);
    first.max_age_seconds = Some(5);
    let mut second = rule(
        &["http://*.example:8080", "https://x.example"],
        &[CorsMethod::Get, CorsMethod::Put, CorsMethod::Head],
    );
    second.allowed_headers = vec!["x-oss-*".into(), "Content-Type".into()];
    second.expose_headers = vec!["ETag".into(), "x-oss-request-id".into()];
    second.max_age_seconds = Some(600);
    set_rules(&s, "web", vec![first, second], None);

    let r = preflight(
        &s,
        "/web/a.txt",
        PAGE,
        "PUT",
        Some("content-type,X-OSS-Meta-Owner"),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    assert_eq!(
        r.header("Access-Control-Allow-Methods"),
        Some("GET, PUT, HEAD")
    );
    assert_eq!(
        r.header("Access-Control-Allow-Headers"),
        Some("content-type,X-OSS-Meta-Owner")
    );
    assert_eq!(
        r.header("Access-Control-Expose-Headers"),
        Some("ETag, x-oss-request-id")
    );
    assert_eq!(r.header("Access-Control-Max-Age"), Some("600"));
    assert_eq!(r.header("Vary"), None);
    assert!(r.header("x-oss-request-id").is_some());
    assert!(r.body.is_empty());

    // The first matching rule answers, even when a later one allows more.
    let r = preflight(&s, "/web/a.txt", "http://other.example", "GET", None);
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("Access-Control-Allow-Origin"),
        Some("http://other.example")
    );
    assert_eq!(r.header("Access-Control-Allow-Methods"), Some("GET"));
    assert_eq!(r.header("Access-Control-Max-Age"), Some("5"));
    assert_eq!(r.header("Access-Control-Allow-Headers"), None);
    assert_eq!(r.header("Access-Control-Expose-Headers"), None);

    // The typed call reads the answer.
    let out = call(
        &s,
        &OptionObject::new("web", "dir/b.txt", "https://x.example", "HEAD")
            .request_headers("x-oss-meta-a"),
    )
    .unwrap();
    assert_eq!(
        out.access_control_allow_origin.as_deref(),
        Some("https://x.example")
    );
    assert_eq!(out.access_control_max_age, Some(600));
    assert_eq!(
        out.access_control_allow_headers.as_deref(),
        Some("x-oss-meta-a")
    );

    // A preflight of a bucket-level request, or one with a query (a multipart upload's),
    // is answered the same way.
    for target in ["/web", "/web/", "/web/big.bin?uploads", "/web/a.txt?acl"] {
        let r = preflight(&s, target, PAGE, "GET", None);
        assert_eq!(r.status, 200, "{target}: {}", r.text());
        assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    }
}

#[test]
fn a_preflight_no_rule_allows_is_refused() {
    let s = setup();
    let mut r1 = rule(
        &["http://*.example:8080"],
        &[CorsMethod::Get, CorsMethod::Put],
    );
    r1.allowed_headers = vec!["x-oss-meta-*".into()];
    set_rules(&s, "web", vec![r1], None);
    for (origin, method, headers) in [
        // Another origin, scheme or port.
        ("http://evil.test", "PUT", None),
        ("https://page.example:8080", "PUT", None),
        ("http://page.example:8081", "PUT", None),
        ("http://page.example", "PUT", None),
        // A method the rule does not list.
        (PAGE, "DELETE", None),
        (PAGE, "POST", None),
        // A header the rule does not allow (every one must be).
        (PAGE, "PUT", Some("x-oss-meta-a,content-type")),
        (PAGE, "PUT", Some("authorization")),
    ] {
        let r = preflight(&s, "/web/a.txt", origin, method, headers);
        assert_denied(&r, NOT_ALLOWED);
    }
    // Without Origin or Access-Control-Request-Method.
    let r = raw(
        s.addr(),
        "OPTIONS",
        "/web/a.txt",
        &[("Access-Control-Request-Method", "PUT")],
        &[],
    )
    .unwrap();
    assert_denied(&r, NOT_ALLOWED);
    let r = raw(s.addr(), "OPTIONS", "/web/a.txt", &[("Origin", PAGE)], &[]).unwrap();
    assert_denied(&r, NOT_ALLOWED);
    // Header names compare case-insensitively; an empty list is no header.
    let r = preflight(
        &s,
        "/web/a.txt",
        PAGE,
        "PUT",
        Some("X-OSS-META-A, x-oss-meta-b"),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = preflight(&s, "/web/a.txt", PAGE, "PUT", Some(""));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Headers"), None);
}

#[test]
fn a_star_origin_is_answered_with_a_star() {
    let s = setup();
    let mut any = rule(&["*"], &[CorsMethod::Get, CorsMethod::Post]);
    any.allowed_headers = vec!["*".into()];
    set_rules(&s, "web", vec![any], None);
    let r = preflight(
        &s,
        "/web/a.txt",
        "http://anything.test",
        "POST",
        Some("x-whatever,content-type"),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some("*"));
    assert_eq!(
        r.header("Access-Control-Allow-Headers"),
        Some("x-whatever,content-type")
    );
    assert_eq!(r.header("Access-Control-Max-Age"), None);
}

#[test]
fn ordinary_answers_carry_the_matching_rules_headers() {
    let s = setup();
    let mut get = rule(&[PAGE], &[CorsMethod::Get, CorsMethod::Head]);
    get.expose_headers = vec!["ETag".into()];
    get.max_age_seconds = Some(30);
    set_rules(&s, "web", vec![get], None);
    call(
        &s,
        &ossio_core::ops::PutBucketAcl::new("web", ossio_core::Acl::PublicRead),
    )
    .unwrap();

    // An anonymous GET of a public object from the page.
    let r = raw(s.addr(), "GET", "/web/a.txt", &[("Origin", PAGE)], &[]).unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"hello");
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    assert_eq!(r.header("Access-Control-Allow-Methods"), Some("GET, HEAD"));
    assert_eq!(r.header("Access-Control-Expose-Headers"), Some("ETag"));
    assert_eq!(r.header("Access-Control-Max-Age"), Some("30"));
    assert_eq!(r.header("Access-Control-Allow-Headers"), None);
    let r = raw(s.addr(), "HEAD", "/web/a.txt", &[("Origin", PAGE)], &[]).unwrap();
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));

    // An error answer carries them too.
    let r = raw(s.addr(), "GET", "/web/missing", &[("Origin", PAGE)], &[]).unwrap();
    assert_eq!((r.status, r.code().as_str()), (404, "NoSuchKey"));
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));

    // A method the rule does not list, another origin, or no Origin: nothing.
    let r = raw(s.addr(), "PUT", "/web/b.txt", &[("Origin", PAGE)], b"x").unwrap();
    assert_eq!(r.status, 403);
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    let r = raw(
        s.addr(),
        "GET",
        "/web/a.txt",
        &[("Origin", "http://evil.test")],
        &[],
    )
    .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    let r = anon(&s, "GET", "/web/a.txt", &[]);
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    assert_eq!(r.header("Access-Control-Allow-Methods"), None);

    // A signed request from the page (the owner's PUT) once PUT is allowed.
    set_rules(
        &s,
        "web",
        vec![rule(&[PAGE], &[CorsMethod::Put, CorsMethod::Get])],
        None,
    );
    let mut req = Request::new(Method::Put)
        .bucket("web")
        .key("c.txt")
        .body(ossio_core::Body::Bytes(b"c".to_vec()));
    req.headers.insert("Origin", PAGE);
    let r = send(&s, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    assert_eq!(r.header("Access-Control-Allow-Methods"), Some("PUT, GET"));
    assert_eq!(r.header("Access-Control-Max-Age"), None);
    assert_eq!(r.header("Access-Control-Expose-Headers"), None);

    // Another bucket's rules say nothing about this one.
    create_bucket(&s, "plain");
    let r = raw(s.addr(), "GET", "/plain/x", &[("Origin", PAGE)], &[]).unwrap();
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
}

#[test]
fn presigned_requests_from_another_origin() {
    let s = setup();
    let mut r1 = rule(&[PAGE], &[CorsMethod::Put, CorsMethod::Get]);
    r1.allowed_headers = vec!["content-type".into()];
    r1.expose_headers = vec!["ETag".into()];
    set_rules(&s, "web", vec![r1], None);
    let creds = Credentials::new(AK, SK);
    for v in [SignatureVersion::V1, SignatureVersion::V4] {
        let mut req = Request::new(Method::Put)
            .bucket("web")
            .key("up.txt")
            .body(ossio_core::Body::Bytes(b"up".to_vec()));
        req.headers.insert("Content-Type", "text/plain");
        let p = Signer::new(config(&s, v))
            .presign(&req, &creds, now(), Duration::from_secs(60))
            .unwrap();
        let target = target_of(&p.url);
        // The browser's preflight carries the presigned URL's query, and no signature of
        // its own.
        let r = preflight(&s, &target, PAGE, "PUT", Some("content-type"));
        assert_eq!(r.status, 200, "{v:?}: {}", r.text());
        assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
        let r = raw(
            s.addr(),
            "PUT",
            &target,
            &[("Origin", PAGE), ("Content-Type", "text/plain")],
            b"up",
        )
        .unwrap();
        assert_eq!(r.status, 200, "{v:?}: {}", r.text());
        assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
        assert_eq!(r.header("Access-Control-Expose-Headers"), Some("ETag"));
        // A tampered URL is refused, and the refusal is still readable by the page.
        let bad = target.replacen("up.txt", "other.txt", 1);
        let r = raw(
            s.addr(),
            "PUT",
            &bad,
            &[("Origin", PAGE), ("Content-Type", "text/plain")],
            b"up",
        )
        .unwrap();
        assert_eq!(r.status, 403, "{v:?}");
        assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
        // From an origin the rules do not name: served (the signature decides), but
        // without the headers a browser needs to let the page see it.
        let r = raw(
            s.addr(),
            "PUT",
            &target,
            &[
                ("Origin", "http://evil.test"),
                ("Content-Type", "text/plain"),
            ],
            b"up",
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    }
}

#[test]
fn response_vary_adds_vary_origin_to_every_answer() {
    let s = setup();
    set_rules(
        &s,
        "web",
        vec![rule(&[PAGE], &[CorsMethod::Get])],
        Some(true),
    );
    let allowed = preflight(&s, "/web/a.txt", PAGE, "GET", None);
    let denied = preflight(&s, "/web/a.txt", PAGE, "DELETE", None);
    let plain = send(&s, &Request::new(Method::Get).bucket("web").key("a.txt"));
    let error = anon(&s, "GET", "/web/a.txt", &[]);
    for r in [&allowed, &denied, &plain, &error] {
        assert_eq!(r.header("Vary"), Some("Origin"), "{}", r.status);
    }
    assert_eq!(denied.status, 403);
    assert_eq!(error.status, 403);
    set_rules(
        &s,
        "web",
        vec![rule(&[PAGE], &[CorsMethod::Get])],
        Some(false),
    );
    let r = preflight(&s, "/web/a.txt", PAGE, "GET", None);
    assert_eq!(r.header("Vary"), None);
}

#[test]
fn preflights_are_logged_as_option_object() {
    let s = setup();
    set_rules(&s, "web", vec![rule(&["*"], &[CorsMethod::Get])], None);
    s.clear_requests();
    preflight(&s, "/web/a.txt", PAGE, "GET", None);
    preflight(&s, "/web/?uploads", PAGE, "PUT", None);
    let log = s.requests();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].operation, Some("OptionObject"));
    assert_eq!(log[0].status, 200);
    assert_eq!(log[1].operation, Some("OptionObject"));
    assert_eq!(log[1].status, 403);
}

#[test]
fn an_access_point_alias_answers_with_its_buckets_rules() {
    use ossio_core::ops::{CreateAccessPoint, NetworkOrigin};
    let s = setup();
    set_rules(&s, "web", vec![rule(&[PAGE], &[CorsMethod::Get])], None);
    let alias = call(
        &s,
        &CreateAccessPoint::new("web", "ap-web", NetworkOrigin::Internet),
    )
    .unwrap()
    .alias;
    let r = preflight(&s, &format!("/{alias}/a.txt"), PAGE, "GET", None);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
    let mut req = Request::new(Method::Get).bucket(&alias).key("a.txt");
    req.headers.insert("Origin", PAGE);
    let r = send(&s, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(PAGE));
}
