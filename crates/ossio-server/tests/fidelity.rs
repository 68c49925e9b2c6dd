//! The server answers as OSS does: one test per behaviour that once differed (issue
//! "ossio-server answers as OSS does"), each through raw requests.

mod common;

use common::*;
use ossio_core::ops::{
    GetBucketInfo, HeadObject, ListBuckets, ListObjectsV2, Operation, PutBucket, PutBucketAcl,
    StorageClass,
};
use ossio_core::{Acl, Body, Config, Credentials, Method, Request, SignatureVersion, Signer};
use ossio_server::{ServerConfig, start};
use std::collections::BTreeSet;
use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(s: &ossio_server::ServerHandle, bucket: &str, key: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::new(Method::Get).bucket(bucket).key(key);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(s, &req)
}

// 1 ----------------------------------------------------------------------------------------

#[test]
fn unserved_sub_resources_are_501_and_change_nothing() {
    let s = server();
    create_bucket(&s, "subs");
    put(&s, "subs", "k", b"original bytes");
    for sub in ["retention", "legalHold", "live", "someNewThing"] {
        let req = Request::new(Method::Put)
            .bucket("subs")
            .key("k")
            .query_flag(sub)
            .body(Body::Bytes(
                b"<Retention><Mode>GOVERNANCE</Mode></Retention>".to_vec(),
            ));
        // Declared operations name themselves in the message; others, the sub-resource.
        let op = ossio_core::ops::route(&req).map(|o| o.name);
        if op.is_some_and(ossio_server::serves) {
            continue;
        }
        let r = send(&s, &req);
        assert_eq!(r.status, 501, "PUT ?{sub}: {}", r.text());
        assert_eq!(r.code(), "NotImplemented");
        let message = r.error().message;
        assert!(
            message.contains(sub) || op.is_some_and(|o| message.contains(o)),
            "{message}"
        );
        assert_eq!(get(&s, "subs", "k", &[]).body, b"original bytes", "?{sub}");
    }
    // Service and bucket reads of unserved sub-resources are not listings.
    let r = send(&s, &Request::new(Method::Get).query_flag("regions"));
    assert_eq!(
        (r.status, r.code()),
        (501, "NotImplemented".into()),
        "{}",
        r.text()
    );
    for sub in ["qos", "live", "cors", "lifecycle", "versions"] {
        // Served once the core declares it (a bucket configuration is served generically).
        let served = ossio_core::ops::OPERATIONS.iter().any(|o| {
            o.method == Method::Get && o.sub_resources == [sub] && ossio_server::serves(o.name)
        });
        if served {
            continue;
        }
        let req = Request::new(Method::Get).bucket("subs").query_flag(sub);
        let op = ossio_core::ops::route(&req).map(|o| o.name);
        let r = send(&s, &req);
        assert_eq!(r.status, 501, "GET ?{sub}: {}", r.text());
        let message = r.error().message;
        assert!(
            message.contains(sub) || op.is_some_and(|o| message.contains(o)),
            "{message}"
        );
    }
    // A copy from a missing source and a specific version (not served) leave the object be.
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("subs")
            .key("k")
            .header("x-oss-copy-source", "/subs/other"),
    );
    assert_eq!(
        (r.status, r.code()),
        (404, "NoSuchKey".into()),
        "{}",
        r.text()
    );
    let r = send(
        &s,
        &Request::new(Method::Delete)
            .bucket("subs")
            .key("k")
            .query("versionId", "CAEQNhiBgM"),
    );
    // Versions are served: a malformed version id is refused and deletes nothing.
    assert_eq!((r.status, r.code()), (400, "InvalidArgument".into()));
    assert_eq!(get(&s, "subs", "k", &[]).body, b"original bytes");
    // A valued parameter OSS does not know is ignored, as OSS does.
    let r = send(
        &s,
        &Request::new(Method::Get).bucket("subs").query("foo", "bar"),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

// 2, 9 -------------------------------------------------------------------------------------

/// A small deterministic generator (xorshift), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Every key or common prefix a listing of `keys` should yield once.
fn expected(keys: &BTreeSet<String>, prefix: &str, delimiter: &str) -> BTreeSet<String> {
    keys.iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| {
            if delimiter.is_empty() {
                return k.clone();
            }
            match k[prefix.len()..].find(delimiter) {
                Some(i) => k[..prefix.len() + i + delimiter.len()].to_owned(),
                None => k.clone(),
            }
        })
        .collect()
}

/// Pages through ListObjects (v1) or ListObjectsV2; fails after too many pages.
fn list_all(
    s: &ossio_server::ServerHandle,
    bucket: &str,
    prefix: &str,
    delimiter: &str,
    max_keys: u32,
    v2: bool,
) -> Vec<String> {
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..200 {
        let mut req = Request::new(Method::Get)
            .bucket(bucket)
            .query("prefix", prefix)
            .query("max-keys", max_keys.to_string());
        if !delimiter.is_empty() {
            req = req.query("delimiter", delimiter);
        }
        if v2 {
            req = req.query("list-type", "2");
            if let Some(t) = &token {
                req = req.query("continuation-token", t.as_str());
            }
        } else if let Some(m) = &token {
            req = req.query("marker", m.as_str());
        }
        let r = send(s, &req);
        assert_eq!(r.status, 200, "{}", r.text());
        let doc = ossio_core::xml::parse(&r.body).unwrap();
        let mut page = 0;
        for c in doc.children_named("Contents") {
            seen.push(c.text_of("Key").unwrap().to_owned());
            page += 1;
        }
        for p in doc.children_named("CommonPrefixes") {
            seen.push(p.text_of("Prefix").unwrap().to_owned());
            page += 1;
        }
        assert!(page <= max_keys as usize);
        if doc.text_of("IsTruncated") != Some("true") {
            return seen;
        }
        let next = doc
            .text_of(if v2 {
                "NextContinuationToken"
            } else {
                "NextMarker"
            })
            .expect("a truncated page names the next one")
            .to_owned();
        assert_ne!(token.as_deref(), Some(next.as_str()), "the same page again");
        token = Some(next);
    }
    panic!("listing {prefix:?}/{delimiter:?}/{max_keys} (v2: {v2}) never ended");
}

#[test]
fn every_listing_yields_each_key_or_prefix_once_and_ends() {
    let s = server();
    create_bucket(&s, "tree");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let parts = ["a", "b", "d", "a-1", "z"];
    let mut keys = BTreeSet::new();
    while keys.len() < 40 {
        let depth = 1 + rng.below(3);
        let key: Vec<&str> = (0..depth)
            .map(|_| parts[rng.below(parts.len() as u64) as usize])
            .collect();
        keys.insert(key.join("/"));
    }
    // A key that is also a prefix of others.
    keys.insert("d".to_owned());
    for k in &keys {
        put(&s, "tree", k, k.as_bytes());
    }
    let prefixes = ["", "d/", "a", "a/", "zz"];
    let delimiters = ["", "/", "-"];
    for round in 0..30 {
        let prefix = prefixes[rng.below(prefixes.len() as u64) as usize];
        let delimiter = delimiters[rng.below(delimiters.len() as u64) as usize];
        let max_keys = 1 + rng.below(5) as u32;
        let want = expected(&keys, prefix, delimiter);
        for v2 in [false, true] {
            let got = list_all(&s, "tree", prefix, delimiter, max_keys, v2);
            let unique: BTreeSet<String> = got.iter().cloned().collect();
            assert_eq!(
                got.len(),
                unique.len(),
                "round {round}: duplicates listing {prefix:?} by {delimiter:?} max {max_keys} v2 {v2}: {got:?}"
            );
            assert_eq!(
                unique, want,
                "round {round}: {prefix:?} {delimiter:?} {max_keys} v2 {v2}"
            );
        }
    }
}

#[test]
fn continuation_tokens_are_opaque_and_checked() {
    let s = server();
    create_bucket(&s, "tok");
    for k in ["a", "b", "c"] {
        put(&s, "tok", k, b"x");
    }
    let out = call(&s, &ListObjectsV2::new("tok").max_keys(1)).unwrap();
    let token = out.next_continuation_token.unwrap();
    assert_ne!(token, "a", "a token is not a key name");
    let mut op = ListObjectsV2::new("tok").max_keys(1);
    op.continuation_token = Some(token.clone());
    let next = call(&s, &op).unwrap();
    assert_eq!(next.contents[0].key, "b");
    assert_eq!(next.continuation_token.as_deref(), Some(token.as_str()));
    for bad in ["a", "bm90LWEtdG9rZW4", "!!"] {
        let r = send(
            &s,
            &Request::new(Method::Get)
                .bucket("tok")
                .query("list-type", "2")
                .query("continuation-token", bad),
        );
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(r.code(), "InvalidArgument");
        assert_eq!(r.error().ec, "0015-00000404");
        assert_eq!(r.error().detail("ArgumentName"), Some("continuation-token"));
    }
}

// 3 ----------------------------------------------------------------------------------------

#[test]
fn a_body_that_never_comes_is_answered_within_the_body_timeout() {
    let s = start(ServerConfig::new().body_timeout(Duration::from_millis(500))).unwrap();
    create_bucket(&s, "slow");
    let addr = s.addr();
    for (method, target) in [("GET", "/slow/k"), ("PUT", "/slow/k"), ("GET", "/")] {
        let mut c = TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let t0 = Instant::now();
        write!(
            c,
            "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 10\r\n\r\n"
        )
        .unwrap();
        let reply = read_reply(&mut BufReader::new(c), false).unwrap();
        let took = t0.elapsed();
        assert_eq!(reply.status, 400, "{method} {target}");
        assert_eq!(reply.code(), "RequestTimeout");
        assert_eq!(reply.error().ec, "0017-00000704");
        assert!(
            took < Duration::from_secs(5),
            "{method} {target} took {took:?}"
        );
    }
    // The PUT whose body never came stored nothing.
    let r = get(&s, "slow", "k", &[]);
    assert_eq!(r.code(), "NoSuchKey");
    // A body that stops half-way, past the read-ahead size, fails the same way and
    // stores nothing (an anonymous write into a public-read-write bucket).
    call(&s, &PutBucketAcl::new("slow", Acl::PublicReadWrite)).unwrap();
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        c,
        "PUT /slow/big HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 4000000\r\n\r\n"
    )
    .unwrap();
    c.write_all(&vec![7u8; 1_500_000]).unwrap();
    let t0 = Instant::now();
    let reply = read_reply(&mut BufReader::new(c), false).unwrap();
    assert!(t0.elapsed() < Duration::from_secs(5));
    assert_eq!(reply.code(), "RequestTimeout");
    assert_eq!(get(&s, "slow", "big", &[]).code(), "NoSuchKey");
}

// 4 ----------------------------------------------------------------------------------------

#[test]
fn a_missing_bucket_is_reported_before_a_bad_key() {
    let s = server();
    create_bucket(&s, "here");
    let stranger = Credentials::new("no-such-access-key", "whatever");
    let reads = [
        Request::new(Method::Get).bucket("gone").query_flag("acl"),
        Request::new(Method::Get)
            .bucket("gone")
            .query_flag("bucketInfo"),
        Request::new(Method::Get)
            .bucket("gone")
            .query_flag("location"),
        Request::new(Method::Get).bucket("gone"),
        Request::new(Method::Get)
            .bucket("gone")
            .query("list-type", "2"),
        Request::new(Method::Head).bucket("gone").key("k"),
        Request::new(Method::Head)
            .bucket("gone")
            .key("k")
            .query_flag("objectMeta"),
        Request::new(Method::Get)
            .bucket("gone")
            .query_flag("accessPoint"),
        Request::new(Method::Get)
            .bucket("gone")
            .query_flag("accessPoint")
            .header("x-oss-access-point-name", "ap-1"),
    ];
    for v in [SignatureVersion::V1, SignatureVersion::V4] {
        for req in &reads {
            let r = send_as(&s, req, &stranger, v);
            assert_eq!(
                r.status,
                404,
                "{} {:?} {v:?}",
                req.method.as_str(),
                req.query_value("acl")
            );
            if req.method != Method::Head {
                assert_eq!(r.code(), "NoSuchBucket");
            }
        }
        // Calls that may create a bucket authenticate first.
        for req in [
            PutBucket::new("gone").to_request().unwrap(),
            PutBucketAcl::new("gone", Acl::Private)
                .to_request()
                .unwrap(),
        ] {
            let r = send_as(&s, &req, &stranger, v);
            assert_eq!((r.status, r.code()), (403, "InvalidAccessKeyId".into()));
        }
        // An existing bucket: the key is what is wrong.
        let r = send_as(
            &s,
            &Request::new(Method::Get).bucket("here").query_flag("acl"),
            &stranger,
            v,
        );
        assert_eq!((r.status, r.code()), (403, "InvalidAccessKeyId".into()));
    }
}

// 5, 6 -------------------------------------------------------------------------------------

#[test]
fn conditions_compare_etags_with_or_without_quotes_and_dates() {
    let s = server();
    create_bucket(&s, "cond");
    let etag = put(&s, "cond", "k", b"hello")
        .header("etag")
        .unwrap()
        .to_owned();
    let bare = etag.trim_matches('"').to_owned();
    for m in [
        etag.as_str(),
        bare.as_str(),
        &bare.to_lowercase(),
        "\"x\", \"y\", *",
    ] {
        assert_eq!(
            get(&s, "cond", "k", &[("If-Match", m)]).status,
            200,
            "If-Match {m}"
        );
        assert_eq!(
            get(&s, "cond", "k", &[("If-None-Match", m)]).status,
            304,
            "If-None-Match {m}"
        );
    }
    let r = get(
        &s,
        "cond",
        "k",
        &[("If-Match", "0123456789ABCDEF0123456789ABCDEF")],
    );
    assert_eq!((r.status, r.code()), (412, "PreconditionFailed".into()));
    assert_eq!(r.error().ec, "0017-00001001");
    let now = ossio_core::time::unix_seconds(now());
    let past = ossio_core::time::rfc1123(now - 3600);
    let future = ossio_core::time::rfc1123(now + 3600);
    assert_eq!(
        get(&s, "cond", "k", &[("If-Modified-Since", &future)]).status,
        304
    );
    assert_eq!(
        get(&s, "cond", "k", &[("If-Modified-Since", &past)]).status,
        200
    );
    assert_eq!(
        get(&s, "cond", "k", &[("If-Unmodified-Since", &future)]).status,
        200
    );
    let r = get(&s, "cond", "k", &[("If-Unmodified-Since", &past)]);
    assert_eq!((r.status, r.code()), (412, "PreconditionFailed".into()));
    // If-None-Match wins over If-Modified-Since, If-Match over If-Unmodified-Since.
    assert_eq!(
        get(
            &s,
            "cond",
            "k",
            &[
                ("If-None-Match", "\"other\""),
                ("If-Modified-Since", &future)
            ]
        )
        .status,
        200
    );
    assert_eq!(
        get(
            &s,
            "cond",
            "k",
            &[("If-Match", &bare), ("If-Unmodified-Since", &past)]
        )
        .status,
        200
    );
    // HEAD applies them too.
    let head = send(
        &s,
        &Request::new(Method::Head)
            .bucket("cond")
            .key("k")
            .header("If-Unmodified-Since", past.as_str()),
    );
    assert_eq!(head.status, 412);
}

// 7 ----------------------------------------------------------------------------------------

#[test]
fn get_object_meta_reports_the_size() {
    let s = server();
    create_bucket(&s, "meta");
    put(&s, "meta", "k", &[1u8; 1234]);
    let r = send(
        &s,
        &Request::new(Method::Head)
            .bucket("meta")
            .key("k")
            .query_flag("objectMeta"),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-length"), Some("1234"));
    assert!(r.header("etag").is_some());
}

// 8 ----------------------------------------------------------------------------------------

#[test]
fn bucket_info_has_what_the_sdks_read() {
    let s = server();
    create_bucket(&s, "plain");
    let info = call(&s, &GetBucketInfo::new("plain")).unwrap();
    assert_eq!(info.access_monitor.as_deref(), Some("Disabled"));
    assert_eq!(info.cross_region_replication.as_deref(), Some("Disabled"));
    assert_eq!(info.transfer_acceleration.as_deref(), Some("Disabled"));
    assert_eq!(info.block_public_access, Some(false));
    assert_eq!(info.comment.as_deref(), Some(""));
    assert_eq!(info.resource_group_id.as_deref(), Some("rg-default-id"));
    let sse = info.sse_rule.unwrap();
    assert_eq!(sse.sse_algorithm.as_deref(), Some("None"));

    let mut req = PutBucket::new("enc").to_request().unwrap();
    req.headers.insert("x-oss-server-side-encryption", "KMS");
    req.headers
        .insert("x-oss-server-side-data-encryption", "SM4");
    req.headers
        .insert("x-oss-server-side-encryption-key-id", "key-1");
    req.headers.insert("x-oss-resource-group-id", "rg-team");
    assert_eq!(send(&s, &req).status, 200);
    let info = call(&s, &GetBucketInfo::new("enc")).unwrap();
    let sse = info.sse_rule.unwrap();
    assert_eq!(sse.sse_algorithm.as_deref(), Some("KMS"));
    assert_eq!(sse.kms_data_encryption.as_deref(), Some("SM4"));
    assert_eq!(sse.kms_master_key_id.as_deref(), Some("key-1"));
    assert_eq!(info.resource_group_id.as_deref(), Some("rg-team"));
    let list = call(&s, &ListBuckets::new()).unwrap();
    let enc = list.buckets.iter().find(|b| b.name == "enc").unwrap();
    assert_eq!(enc.resource_group_id.as_deref(), Some("rg-team"));
    // Listing one resource group.
    let only = send(
        &s,
        &ListBuckets::new()
            .to_request()
            .unwrap()
            .header("x-oss-resource-group-id", "rg-team"),
    );
    let names: Vec<String> = only
        .parse(&ListBuckets::new())
        .unwrap()
        .buckets
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["enc"]);
    // Bad encryption settings are refused and create nothing.
    let mut bad = PutBucket::new("enc2").to_request().unwrap();
    bad.headers.insert("x-oss-server-side-encryption", "AES256");
    bad.headers
        .insert("x-oss-server-side-data-encryption", "SM4");
    let r = send(&s, &bad);
    assert_eq!(r.status, 400);
    assert_eq!(
        r.error().detail("ArgumentName"),
        Some("x-oss-server-side-data-encryption")
    );
    assert_eq!(
        call(&s, &GetBucketInfo::new("enc2"))
            .unwrap_err()
            .as_service()
            .unwrap()
            .code,
        "NoSuchBucket"
    );
}

// 10 ---------------------------------------------------------------------------------------

#[test]
fn signing_region_mismatch_is_worded_as_oss_words_it() {
    let s = server();
    create_bucket(&s, "reg");
    let elsewhere = Config::new("cn-shanghai")
        .unwrap()
        .with_endpoint(&s.endpoint())
        .unwrap();
    let creds = Credentials::new(AK, SK);
    let req = Request::new(Method::Get).bucket("reg").query_flag("acl");
    let signed = Signer::new(elsewhere.clone())
        .sign(&req, &creds, now())
        .unwrap();
    let r = send_signed(&s, "GET", &signed, b"");
    assert_eq!((r.status, r.code()), (400, "InvalidArgument".into()));
    assert_eq!(
        r.error().message,
        "Invalid signing region in Authorization header."
    );
    assert_eq!(r.error().ec, "0002-00000228");

    let url = Signer::new(elsewhere)
        .presign(&req, &creds, now(), Duration::from_secs(600))
        .unwrap()
        .url;
    let r = raw(s.addr(), "GET", &target_of(&url), &[], b"").unwrap();
    assert_eq!((r.status, r.code()), (400, "InvalidArgument".into()));
    assert_eq!(
        r.error().message,
        "The signing region in credential is invalid."
    );
    assert_eq!(r.error().ec, "0002-00000226");
}

// 11 ---------------------------------------------------------------------------------------

#[test]
fn the_owner_recreating_a_bucket_gets_200_and_changes_nothing() {
    let s = server();
    call(
        &s,
        &PutBucket::new("mine")
            .acl(Acl::PublicRead)
            .storage_class(StorageClass::Ia),
    )
    .unwrap();
    call(&s, &PutBucket::new("mine").acl(Acl::Private)).unwrap();
    let info = call(&s, &GetBucketInfo::new("mine")).unwrap();
    assert_eq!(info.acl, "public-read");
    assert_eq!(info.storage_class.as_deref(), Some("IA"));
}

// 12 ---------------------------------------------------------------------------------------

#[test]
fn objects_take_the_buckets_storage_class() {
    let s = server();
    for class in [
        StorageClass::Ia,
        StorageClass::Archive,
        StorageClass::ColdArchive,
    ] {
        let bucket = format!("class-{}", class.as_str().to_lowercase());
        call(&s, &PutBucket::new(bucket.as_str()).storage_class(class)).unwrap();
        put(&s, &bucket, "k", b"x");
        let head = call(&s, &HeadObject::new(bucket.as_str(), "k")).unwrap();
        assert_eq!(head.meta.storage_class.as_deref(), Some(class.as_str()));
        let list = call(&s, &ListObjectsV2::new(bucket.as_str())).unwrap();
        assert_eq!(
            list.contents[0].storage_class.as_deref(),
            Some(class.as_str())
        );
        // An explicit class still wins.
        let r = send(
            &s,
            &Request::new(Method::Put)
                .bucket(bucket.as_str())
                .key("std")
                .header("x-oss-storage-class", "Standard")
                .body(Body::Bytes(b"y".to_vec())),
        );
        assert_eq!(r.status, 200);
        let head = call(&s, &HeadObject::new(bucket.as_str(), "std")).unwrap();
        assert_eq!(head.meta.storage_class.as_deref(), Some("Standard"));
    }
}

// 13 ---------------------------------------------------------------------------------------

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[test]
fn text_objects_are_gzipped_on_request() {
    let s = server();
    create_bucket(&s, "gzb");
    let text: Vec<u8> = (0..4000).map(|i| b"hello, oss! "[i % 12]).collect();
    let put_typed = |key: &str, ct: &str, body: &[u8]| {
        let r = send(
            &s,
            &Request::new(Method::Put)
                .bucket("gzb")
                .key(key)
                .header("Content-Type", ct)
                .body(Body::Bytes(body.to_vec())),
        );
        assert_eq!(r.status, 200);
    };
    put_typed("a.txt", "text/plain", &text);
    put_typed("a.json", "application/json; charset=utf-8", &text);
    put_typed("small.txt", "text/plain", &text[..1000]);
    put_typed("a.bin", "application/octet-stream", &text);
    for key in ["a.txt", "a.json"] {
        let r = get(&s, "gzb", key, &[("Accept-Encoding", "gzip, deflate")]);
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-encoding"), Some("gzip"), "{key}");
        assert_eq!(r.header("transfer-encoding"), Some("chunked"));
        assert_eq!(r.header("content-length"), None);
        assert_eq!(r.header("x-oss-hash-crc64ecma"), None);
        assert!(r.body.len() < text.len());
        assert_eq!(gunzip(&r.body), text);
    }
    // Not compressed: not asked, too small, not text, a range, refused with q=0.
    for (key, headers) in [
        ("a.txt", vec![]),
        ("small.txt", vec![("Accept-Encoding", "gzip")]),
        ("a.bin", vec![("Accept-Encoding", "gzip")]),
        (
            "a.txt",
            vec![("Accept-Encoding", "gzip"), ("Range", "bytes=0-99")],
        ),
        ("a.txt", vec![("Accept-Encoding", "gzip;q=0")]),
    ] {
        let r = get(&s, "gzb", key, &headers);
        assert_eq!(r.header("content-encoding"), None, "{key} {headers:?}");
        assert!(r.header("content-length").is_some());
    }
    // Keep-alive survives a chunked answer.
    let mut c = TcpStream::connect(s.addr()).unwrap();
    let mut reader = BufReader::new(c.try_clone().unwrap());
    for _ in 0..2 {
        let signed = Signer::new(config(&s, SignatureVersion::V4))
            .sign(
                &Request::new(Method::Get)
                    .bucket("gzb")
                    .key("a.txt")
                    .header("Accept-Encoding", "gzip"),
                &Credentials::new(AK, SK),
                now(),
            )
            .unwrap();
        write_signed(&mut c, s.addr(), "GET", &signed, b"").unwrap();
        let r = read_reply(&mut reader, false).unwrap();
        assert_eq!(gunzip(&r.body), text);
    }
}

/// DeleteMultipleObjects as oss2 sends it: `?delete` alone, without `encoding-type`.
#[test]
fn delete_multiple_without_encoding_type_is_routed() {
    let s = server();
    create_bucket(&s, "multi");
    put(&s, "multi", "a", b"1");
    let doc = "<Delete><Quiet>false</Quiet><Object><Key>a</Key></Object></Delete>";
    let req = ossio_core::ops::with_xml_body(
        Request::new(Method::Post)
            .bucket("multi")
            .query_flag("delete"),
        doc.to_owned(),
    );
    let r = send(&s, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(get(&s, "multi", "a", &[]).code(), "NoSuchKey");
}
