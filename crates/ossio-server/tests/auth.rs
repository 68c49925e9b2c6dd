//! Signature verification: V1/V4 header and presigned URLs, STS, errors.

mod common;

use common::*;
use ossio_core::ops::{GetBucketAcl, ListBuckets, Operation, PutBucket};
use ossio_core::{Body, Credentials, Method, Request, SignatureVersion, Signer};
use ossio_server::{ServerConfig, start};
use std::time::Duration;

const VERSIONS: [SignatureVersion; 2] = [SignatureVersion::V1, SignatureVersion::V4];

#[test]
fn v1_and_v4_header_signatures_are_accepted() {
    let s = server();
    for v in VERSIONS {
        let name = format!("bucket-{v:?}").to_lowercase();
        call_v(&s, &PutBucket::new(&name), v).unwrap();
        let acl = call_v(&s, &GetBucketAcl::new(&name), v).unwrap();
        assert_eq!(acl.acl.as_str(), "private");
        let list = call_v(&s, &ListBuckets::new(), v).unwrap();
        assert!(list.buckets.iter().any(|b| b.name == name));
    }
}

#[test]
fn wrong_secret_gets_signature_does_not_match_with_string_to_sign() {
    let s = server();
    create_bucket(&s, "sig-bucket");
    let req = GetBucketAcl::new("sig-bucket").to_request().unwrap();
    let bad = Credentials::new(AK, "wrong-secret");
    for v in VERSIONS {
        let r = send_as(&s, &req, &bad, v);
        assert_eq!(r.status, 403);
        let e = r.error();
        assert_eq!(e.code, "SignatureDoesNotMatch");
        // The server's string to sign equals the client's: only the key differed.
        let signed = Signer::new(config(&s, v)).sign(&req, &bad, now()).unwrap();
        let sts = e.detail("StringToSign").unwrap();
        assert_eq!(
            sts.lines().last(),
            signed.string_to_sign.lines().last(),
            "{v:?}"
        );
        match v {
            SignatureVersion::V1 => {
                assert!(sts.ends_with("/sig-bucket/?acl"), "{sts}");
                assert!(e.detail("CanonicalRequest").is_none());
            }
            SignatureVersion::V4 => {
                let cr = e.detail("CanonicalRequest").unwrap();
                assert!(cr.starts_with("GET\n/sig-bucket/\nacl\n"), "{cr}");
            }
        }
        assert_eq!(e.request_id, r.header("x-oss-request-id").unwrap());
        assert!(!r.text().contains("wrong-secret"));
    }
}

#[test]
fn unknown_access_key_is_invalid_access_key_id() {
    let s = server();
    let req = ListBuckets::new().to_request().unwrap();
    for v in VERSIONS {
        let r = send_as(&s, &req, &Credentials::new("nobody", "x"), v);
        assert_eq!((r.status, r.code().as_str()), (403, "InvalidAccessKeyId"));
    }
}

#[test]
fn skewed_request_time_is_refused() {
    let s = server();
    let req = ListBuckets::new().to_request().unwrap();
    let creds = Credentials::new(AK, SK);
    for v in VERSIONS {
        let r = send_signed_at(&s, &req, &creds, v, now() - Duration::from_secs(16 * 60));
        assert_eq!((r.status, r.code().as_str()), (403, "RequestTimeTooSkewed"));
        assert!(r.error().detail("ServerTime").is_some());
        // Within 15 minutes is fine.
        let r = send_signed_at(&s, &req, &creds, v, now() - Duration::from_secs(10 * 60));
        assert_eq!(r.status, 200, "{}", r.text());
    }
    // A skewed server clock has the same effect.
    s.faults().set_clock_skew(3600);
    let r = send_as(&s, &req, &creds, SignatureVersion::V4);
    assert_eq!(r.code(), "RequestTimeTooSkewed");
    s.faults().clear();
    assert_eq!(send_as(&s, &req, &creds, SignatureVersion::V4).status, 200);
}

fn presigned_get(
    s: &ossio_server::ServerHandle,
    v: SignatureVersion,
    creds: &Credentials,
    expires: Duration,
    key: &str,
) -> Reply {
    let req = Request::new(Method::Get).bucket("pre").key(key);
    let p = Signer::new(config(s, v))
        .presign(&req, creds, now(), expires)
        .unwrap();
    raw(s.addr(), "GET", &target_of(&p.url), &[], &[]).unwrap()
}

#[test]
fn presigned_urls_work_and_expire() {
    let s = server();
    create_bucket(&s, "pre");
    let key = "dir/a b+c?.txt";
    put(&s, "pre", key, b"presigned body");
    let creds = Credentials::new(AK, SK);
    for v in VERSIONS {
        let r = presigned_get(&s, v, &creds, Duration::from_secs(60), key);
        assert_eq!(r.status, 200, "{v:?}: {}", r.text());
        assert_eq!(r.body, b"presigned body");
        // Expired: signed long enough ago.
        let req = Request::new(Method::Get).bucket("pre").key(key);
        let t = ossio_core::time::unix_seconds(now()) - 3600;
        let p = Signer::new(config(&s, v))
            .presign_until(&req, &creds, t, t + 60, &[])
            .unwrap();
        let r = raw(s.addr(), "GET", &target_of(&p.url), &[], &[]).unwrap();
        assert_eq!(
            (r.status, r.code().as_str()),
            (403, "AccessDenied"),
            "{v:?}"
        );
        assert!(r.error().message.contains("expired"));
        // Wrong secret.
        let r = presigned_get(
            &s,
            v,
            &Credentials::new(AK, "bad"),
            Duration::from_secs(60),
            key,
        );
        assert_eq!(r.code(), "SignatureDoesNotMatch");
    }
}

#[test]
fn sts_credentials_need_their_token() {
    let s = start(ServerConfig::new().sts("sts-ak", "sts-sk", "the-token")).unwrap();
    let req = ListBuckets::new().to_request().unwrap();
    for v in VERSIONS {
        let good = Credentials::new("sts-ak", "sts-sk").with_security_token("the-token");
        assert_eq!(send_as(&s, &req, &good, v).status, 200);
        let wrong = Credentials::new("sts-ak", "sts-sk").with_security_token("other");
        assert_eq!(send_as(&s, &req, &wrong, v).code(), "InvalidSecurityToken");
        let none = Credentials::new("sts-ak", "sts-sk");
        assert_eq!(send_as(&s, &req, &none, v).code(), "InvalidSecurityToken");
    }
    // Presigned, with the token in the URL.
    let creds = Credentials::new("sts-ak", "sts-sk").with_security_token("the-token");
    call_as_sts_bucket(&s, &creds);
}

#[test]
fn sts_triples_added_at_runtime_are_accepted_and_replaced() {
    let s = start(ServerConfig::new().key("AK", "SK")).unwrap();
    let req = ListBuckets::new().to_request().unwrap();
    let first = Credentials::new("STS.one", "sk-1").with_security_token("tok-1");
    assert_eq!(
        send_as(&s, &req, &first, SignatureVersion::V4).code(),
        "InvalidAccessKeyId"
    );
    s.add_sts("STS.one", "sk-1", "tok-1");
    s.add_sts("STS.two", "sk-2", "tok-2");
    for v in VERSIONS {
        assert_eq!(send_as(&s, &req, &first, v).status, 200);
        let second = Credentials::new("STS.two", "sk-2").with_security_token("tok-2");
        assert_eq!(send_as(&s, &req, &second, v).status, 200);
        let wrong = Credentials::new("STS.two", "sk-2").with_security_token("tok-1");
        assert_eq!(send_as(&s, &req, &wrong, v).code(), "InvalidSecurityToken");
        // The configured key still works; an empty access key id matches nothing.
        assert_eq!(
            send_as(&s, &req, &Credentials::new("AK", "SK"), v).status,
            200
        );
        assert_eq!(send_as(&s, &req, &Credentials::new("", ""), v).status, 403);
    }
    // Adding an id again replaces its secret and token.
    s.add_sts("STS.one", "sk-1b", "tok-1b");
    assert_eq!(
        send_as(&s, &req, &first, SignatureVersion::V4).code(),
        "SignatureDoesNotMatch"
    );
    let renewed = Credentials::new("STS.one", "sk-1b").with_security_token("tok-1b");
    call_as_sts_bucket(&s, &renewed);
}

fn call_as_sts_bucket(s: &ossio_server::ServerHandle, creds: &Credentials) {
    let req = PutBucket::new("sts-bucket").to_request().unwrap();
    assert_eq!(send_as(s, &req, creds, SignatureVersion::V4).status, 200);
    let put = Request::new(Method::Put)
        .bucket("sts-bucket")
        .key("k")
        .body(Body::Bytes(b"x".to_vec()));
    assert_eq!(send_as(s, &put, creds, SignatureVersion::V1).status, 200);
    for v in VERSIONS {
        let get = Request::new(Method::Get).bucket("sts-bucket").key("k");
        let p = Signer::new(config(s, v))
            .presign(&get, creds, now(), Duration::from_secs(60))
            .unwrap();
        let r = raw(s.addr(), "GET", &target_of(&p.url), &[], &[]).unwrap();
        assert_eq!(r.status, 200, "{v:?} {}", r.text());
    }
}

#[test]
fn v4_scope_must_name_the_server_region() {
    let s = server();
    let cfg = ossio_core::Config::new("us-east-1")
        .unwrap()
        .with_endpoint(&s.endpoint())
        .unwrap();
    let req = ListBuckets::new().to_request().unwrap();
    let signed = Signer::new(cfg)
        .sign(&req, &Credentials::new(AK, SK), now())
        .unwrap();
    let h: Vec<(String, String)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = raw(s.addr(), "GET", "/", &h, &[]).unwrap();
    assert_eq!((r.status, r.code().as_str()), (400, "InvalidArgument"));
}

#[test]
fn head_errors_travel_in_x_oss_err_and_every_response_has_a_request_id() {
    let s = server();
    create_bucket(&s, "heads");
    let req = Request::new(Method::Head).bucket("heads").key("missing");
    let r = send(&s, &req);
    assert_eq!(r.status, 404);
    assert!(r.body.is_empty());
    assert!(r.header("x-oss-err").is_some());
    let e = r.error();
    assert_eq!(e.code, "NoSuchKey");
    assert_eq!(e.request_id, r.header("x-oss-request-id").unwrap());
    let ok = send(&s, &ListBuckets::new().to_request().unwrap());
    assert_eq!(ok.header("x-oss-request-id").unwrap().len(), 24);
}

#[test]
fn virtual_hosted_requests_verify_like_path_style() {
    let s = server();
    create_bucket(&s, "vhost");
    put(&s, "vhost", "a/b.txt", b"hello");
    // Sign as a virtual-hosted client of a named endpoint and send to the server with
    // that Host.
    for v in VERSIONS {
        let cfg = ossio_core::Config::new("cn-hangzhou")
            .unwrap()
            .with_endpoint(&format!("http://localhost:{}", s.addr().port()))
            .unwrap()
            .with_signature_version(v);
        let req = Request::new(Method::Get).bucket("vhost").key("a/b.txt");
        let signed = Signer::new(cfg)
            .sign(&req, &Credentials::new(AK, SK), now())
            .unwrap();
        assert!(signed.url.starts_with("http://vhost.localhost:"));
        let host = format!("vhost.localhost:{}", s.addr().port());
        let mut h: Vec<(String, String)> = signed
            .headers
            .iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        h.push(("Host".into(), host));
        let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = raw(s.addr(), "GET", &target_of(&signed.url), &h, &[]).unwrap();
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.body, b"hello");
    }
}
