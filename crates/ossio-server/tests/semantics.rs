//! ACLs with anonymous requests, access points, buckets, objects and durability.

mod common;

use common::*;
use ossio_core::ops::*;
use ossio_core::{Acl, Body, Method, ObjectAcl, Request};
use ossio_server::{ServerConfig, start};

#[test]
fn bucket_acl_decides_what_anonymous_requests_may_do() {
    let s = server();
    create_bucket(&s, "acl-bucket");
    put(&s, "acl-bucket", "obj", b"secret");
    // private: no anonymous read or write.
    assert_eq!(
        anon(&s, "GET", "/acl-bucket/obj", b"").code(),
        "AccessDenied"
    );
    assert_eq!(anon(&s, "PUT", "/acl-bucket/new", b"x").status, 403);
    // public-read: anonymous GET and HEAD, no PUT or DELETE.
    call(&s, &PutBucketAcl::new("acl-bucket", Acl::PublicRead)).unwrap();
    let r = anon(&s, "GET", "/acl-bucket/obj", b"");
    assert_eq!((r.status, r.body.as_slice()), (200, &b"secret"[..]));
    assert_eq!(anon(&s, "HEAD", "/acl-bucket/obj", b"").status, 200);
    assert_eq!(
        anon(&s, "PUT", "/acl-bucket/new", b"x").code(),
        "AccessDenied"
    );
    assert_eq!(anon(&s, "DELETE", "/acl-bucket/obj", b"").status, 403);
    // Bucket management is never anonymous.
    assert_eq!(anon(&s, "GET", "/acl-bucket/?acl", b"").status, 403);
    assert_eq!(anon(&s, "PUT", "/acl-bucket/?acl", b"").status, 403);
    // public-read-write: anonymous PUT too.
    call(&s, &PutBucketAcl::new("acl-bucket", Acl::PublicReadWrite)).unwrap();
    assert_eq!(anon(&s, "PUT", "/acl-bucket/new", b"anon").status, 200);
    assert_eq!(anon(&s, "GET", "/acl-bucket/new", b"").body, b"anon");
    // Back to private.
    call(&s, &PutBucketAcl::new("acl-bucket", Acl::Private)).unwrap();
    assert_eq!(anon(&s, "GET", "/acl-bucket/new", b"").status, 403);
    let acl = call(&s, &GetBucketAcl::new("acl-bucket")).unwrap();
    assert_eq!(acl.acl, Acl::Private);
    assert_eq!(acl.owner_id, ossio_server::DEFAULT_ACCOUNT_ID);
}

#[test]
fn object_acl_default_follows_the_bucket_and_explicit_acls_win_for_reads() {
    let s = server();
    create_bucket(&s, "oacl");
    put(&s, "oacl", "follows", b"1");
    put(&s, "oacl", "public", b"2");
    let got = call(&s, &GetObjectAcl::new("oacl", "follows")).unwrap();
    assert_eq!(got.acl, ObjectAcl::Default);
    call(
        &s,
        &PutObjectAcl::new("oacl", "public", ObjectAcl::Explicit(Acl::PublicRead)),
    )
    .unwrap();
    assert_eq!(anon(&s, "GET", "/oacl/public", b"").status, 200);
    assert_eq!(anon(&s, "GET", "/oacl/follows", b"").status, 403);
    call(&s, &PutBucketAcl::new("oacl", Acl::PublicRead)).unwrap();
    assert_eq!(anon(&s, "GET", "/oacl/follows", b"").status, 200);
    call(
        &s,
        &PutObjectAcl::new("oacl", "follows", ObjectAcl::Explicit(Acl::Private)),
    )
    .unwrap();
    assert_eq!(anon(&s, "GET", "/oacl/follows", b"").status, 403);
    let bad = send(
        &s,
        &Request::new(Method::Put)
            .bucket("oacl")
            .key("follows")
            .query_flag("acl")
            .header("x-oss-object-acl", "everyone"),
    );
    assert_eq!(bad.code(), "InvalidArgument");
    assert_eq!(bad.error().detail("ArgumentName"), Some("x-oss-object-acl"));
    assert_eq!(
        call(&s, &GetObjectAcl::new("oacl", "nope"))
            .unwrap_err()
            .as_service()
            .unwrap()
            .code,
        "NoSuchKey"
    );
}

#[test]
fn bucket_errors_match_oss() {
    let s = server();
    create_bucket(&s, "dup");
    // The owner re-creating its own bucket gets 200 (see tests/fidelity.rs).
    call(&s, &PutBucket::new("dup")).unwrap();
    let r = send_v1_raw(&s, "PUT", "/Bad_Name/", "/Bad_Name/", b"");
    assert_eq!(r.code(), "InvalidBucketName");
    let e = call(&s, &GetBucketAcl::new("missing")).unwrap_err();
    assert_eq!(e.as_service().unwrap().code, "NoSuchBucket");
    assert_eq!(
        e.as_service().unwrap().detail("BucketName"),
        Some("missing")
    );
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("dup")
            .query_flag("acl")
            .header("x-oss-acl", "open"),
    );
    assert_eq!(r.code(), "InvalidArgument");
    assert_eq!(r.error().detail("ArgumentName"), Some("x-oss-acl"));
    assert_eq!(r.error().detail("ArgumentValue"), Some("open"));
    // Not empty, then with an access point, then deletable.
    put(&s, "dup", "k", b"v");
    let e = call(&s, &DeleteBucket::new("dup")).unwrap_err();
    assert_eq!(e.as_service().unwrap().code, "BucketNotEmpty");
    call(&s, &DeleteObject::new("dup", "k")).unwrap();
    call(
        &s,
        &CreateAccessPoint::new("dup", "ap-dup", NetworkOrigin::Internet),
    )
    .unwrap();
    let e = call(&s, &DeleteBucket::new("dup")).unwrap_err();
    assert_eq!(e.as_service().unwrap().status, 409);
    call(&s, &DeleteAccessPoint::new("dup", "ap-dup")).unwrap();
    call(&s, &DeleteBucket::new("dup")).unwrap();
    // Malformed XML and DOCTYPE bodies.
    for body in [
        &b"<CreateBucketConfiguration><StorageClass>"[..],
        b"<!DOCTYPE x [<!ENTITY e \"boom\">]><CreateBucketConfiguration/>",
    ] {
        let r = send(
            &s,
            &Request::new(Method::Put)
                .bucket("xmlb")
                .body(Body::Bytes(body.to_vec())),
        );
        assert_eq!(r.code(), "MalformedXML");
    }
    let info = call(
        &s,
        &PutBucket::new("classy").storage_class(StorageClass::Ia),
    )
    .and_then(|_| call(&s, &GetBucketInfo::new("classy")))
    .unwrap();
    assert_eq!(info.storage_class.as_deref(), Some("IA"));
    assert_eq!(info.acl, "private");
}

#[test]
fn access_points_create_get_list_delete_and_alias() {
    let s = server();
    create_bucket(&s, "apb");
    let created = call(
        &s,
        &CreateAccessPoint::new("apb", "ap-vpc", NetworkOrigin::Vpc).vpc_id("vpc-123"),
    )
    .unwrap();
    assert_eq!(
        created.access_point_arn,
        "acs:oss:cn-hangzhou:1234567890123456:accesspoint/ap-vpc"
    );
    assert!(created.alias.starts_with("ap-vpc-") && created.alias.ends_with("-ossalias"));
    assert!(ossio_core::validate::bucket_name(&created.alias).is_ok());
    let got = call(&s, &GetAccessPoint::new("apb", "ap-vpc")).unwrap();
    assert_eq!(got.status, "enable");
    assert_eq!(got.vpc_id.as_deref(), Some("vpc-123"));
    assert_eq!(got.alias, created.alias);
    // Uniqueness per account and region.
    let e = call(
        &s,
        &CreateAccessPoint::new("apb", "ap-vpc", NetworkOrigin::Internet),
    )
    .unwrap_err();
    assert_eq!(e.as_service().unwrap().status, 409);
    // Name rules.
    let doc = b"<CreateAccessPointConfiguration><AccessPointName>x-ossalias</AccessPointName><NetworkOrigin>internet</NetworkOrigin></CreateAccessPointConfiguration>";
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("apb")
            .query_flag("accessPoint")
            .body(Body::Bytes(doc.to_vec())),
    );
    assert_eq!(r.code(), "InvalidArgument");
    // Listing, account- and bucket-level, with pagination.
    for i in 0..4 {
        call(
            &s,
            &CreateAccessPoint::new("apb", format!("ap-{i}"), NetworkOrigin::Internet),
        )
        .unwrap();
    }
    let mut names = Vec::new();
    let mut token = None;
    loop {
        let mut op = ListAccessPoints::new().max_keys(2);
        if let Some(t) = token.take() {
            op = op.continuation_token(t);
        }
        let page = call(&s, &op).unwrap();
        names.extend(page.access_points.iter().map(|a| a.name.clone()));
        if !page.is_truncated {
            break;
        }
        token = page.next_continuation_token;
    }
    assert_eq!(names, ["ap-0", "ap-1", "ap-2", "ap-3", "ap-vpc"]);
    let mut by_bucket = ListAccessPoints::new();
    by_bucket.bucket = Some("apb".into());
    assert_eq!(call(&s, &by_bucket).unwrap().access_points.len(), 5);
    // The alias works as a bucket name for object requests.
    put(&s, &created.alias, "via-alias", b"through the access point");
    let r = send(
        &s,
        &Request::new(Method::Get).bucket("apb").key("via-alias"),
    );
    assert_eq!(r.body, b"through the access point");
    let r = send(
        &s,
        &Request::new(Method::Get)
            .bucket(&created.alias)
            .key("via-alias"),
    );
    assert_eq!(r.body, b"through the access point");
    // Policy and public access block.
    let policy = r#"{"Version":"1","Statement":[]}"#;
    call(&s, &PutAccessPointPolicy::new("apb", "ap-vpc", policy)).unwrap();
    assert_eq!(
        call(&s, &GetAccessPointPolicy::new("apb", "ap-vpc"))
            .unwrap()
            .policy,
        policy
    );
    call(&s, &DeleteAccessPointPolicy::new("apb", "ap-vpc")).unwrap();
    call(
        &s,
        &PutAccessPointPublicAccessBlock::new("apb", "ap-vpc", true),
    )
    .unwrap();
    assert!(
        call(&s, &GetAccessPointPublicAccessBlock::new("apb", "ap-vpc"))
            .unwrap()
            .block_public_access
    );
    call(&s, &PutBucketAcl::new("apb", Acl::PublicRead)).unwrap();
    let target = format!("/{}/via-alias", created.alias);
    assert_eq!(
        anon(&s, "GET", &target, b"").status,
        403,
        "blocked through the access point"
    );
    call(
        &s,
        &DeleteAccessPointPublicAccessBlock::new("apb", "ap-vpc"),
    )
    .unwrap();
    assert_eq!(anon(&s, "GET", &target, b"").status, 200);
    // Delete.
    call(&s, &DeleteAccessPoint::new("apb", "ap-vpc")).unwrap();
    let e = call(&s, &GetAccessPoint::new("apb", "ap-vpc")).unwrap_err();
    assert_eq!(e.as_service().unwrap().code, "NoSuchAccessPoint");
    assert_eq!(anon(&s, "GET", &target, b"").code(), "NoSuchBucket");
}

#[test]
fn access_point_limits_per_bucket_and_per_account() {
    let s = server();
    for b in 0..11 {
        create_bucket(&s, &format!("lim-{b}"));
    }
    for i in 0..100 {
        call(
            &s,
            &CreateAccessPoint::new("lim-0", format!("a0-{i}"), NetworkOrigin::Internet),
        )
        .unwrap();
    }
    let e = call(
        &s,
        &CreateAccessPoint::new("lim-0", "a0-100", NetworkOrigin::Internet),
    )
    .unwrap_err();
    assert_eq!(e.as_service().unwrap().code, "TooManyAccessPoints");
    for b in 1..10 {
        for i in 0..100 {
            call(
                &s,
                &CreateAccessPoint::new(
                    format!("lim-{b}"),
                    format!("a{b}-{i}"),
                    NetworkOrigin::Internet,
                ),
            )
            .unwrap();
        }
    }
    let e = call(
        &s,
        &CreateAccessPoint::new("lim-10", "one-too-many", NetworkOrigin::Internet),
    )
    .unwrap_err();
    assert_eq!(e.as_service().unwrap().code, "TooManyAccessPoints");
    assert!(e.as_service().unwrap().message.contains("account"));
    call(&s, &DeleteAccessPoint::new("lim-3", "a3-7")).unwrap();
    call(
        &s,
        &CreateAccessPoint::new("lim-10", "one-too-many", NetworkOrigin::Internet),
    )
    .unwrap();
}

#[test]
fn objects_round_trip_with_metadata_etag_crc_ranges_and_listing() {
    let s = server();
    create_bucket(&s, "objs");
    let body = b"0123456789abcdef".repeat(100);
    let op = PutObject::new("objs", "dir/file.bin")
        .bytes(body.clone())
        .content_type("text/plain")
        .meta("author", "alice");
    let out = call(&s, &op).unwrap();
    let md5 = md5_hex(&body);
    assert_eq!(out.etag.as_deref(), Some(format!("\"{md5}\"").as_str()));
    assert_eq!(out.crc64, Some(ossio_core::crc64::checksum(&body)));
    let r = send(
        &s,
        &GetObject::new("objs", "dir/file.bin").to_request().unwrap(),
    );
    assert_eq!(r.body, body);
    assert_eq!(r.header("content-type"), Some("text/plain"));
    assert_eq!(r.header("x-oss-meta-author"), Some("alice"));
    assert_eq!(
        r.header("x-oss-hash-crc64ecma").unwrap(),
        ossio_core::crc64::checksum(&body).to_string()
    );
    let r = send(
        &s,
        &GetObject::new("objs", "dir/file.bin")
            .range(10, Some(19))
            .to_request()
            .unwrap(),
    );
    assert_eq!(r.status, 206);
    assert_eq!(r.body, &body[10..20]);
    assert_eq!(r.header("content-range"), Some("bytes 10-19/1600"));
    let head = call(&s, &HeadObject::new("objs", "dir/file.bin")).unwrap();
    assert_eq!(head.meta.content_length, Some(1600));
    for k in ["a", "dir/x", "dir/y/z", "e"] {
        put(&s, "objs", k, b"");
    }
    let list = call(
        &s,
        &ListObjectsV2::new("objs").prefix("dir/").delimiter("/"),
    )
    .unwrap();
    let keys: Vec<_> = list.contents.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["dir/file.bin", "dir/x"]);
    assert_eq!(list.common_prefixes, ["dir/y/"]);
    let page = call(&s, &ListObjectsV2::new("objs").max_keys(2)).unwrap();
    assert!(page.is_truncated);
    assert_eq!(page.contents.len(), 2);
    let del = call(
        &s,
        &DeleteMultipleObjects::new("objs", ["a", "e", "never-existed"]),
    )
    .unwrap();
    assert_eq!(del.deleted.len(), 3);
    assert_eq!(
        call(&s, &ListObjectsV2::new("objs"))
            .unwrap()
            .contents
            .len(),
        3
    );
    // Content-MD5 is checked.
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("objs")
            .key("md5")
            .header("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==")
            .body(Body::Bytes(b"x".to_vec())),
    );
    assert_eq!(r.code(), "InvalidDigest");
}

fn md5_hex(b: &[u8]) -> String {
    use md5::{Digest, Md5};
    Md5::digest(b).iter().map(|x| format!("{x:02X}")).collect()
}

#[test]
fn oversized_bodies_are_refused() {
    let s = start(ServerConfig::new().max_body(1024)).unwrap();
    create_bucket(&s, "small");
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("small")
            .key("big")
            .body(Body::Bytes(vec![7; 2048])),
    );
    assert_eq!(r.code(), "EntityTooLarge");
    assert_eq!(
        send(
            &s,
            &Request::new(Method::Put)
                .bucket("small")
                .key("ok")
                .body(Body::Bytes(vec![7; 1024]))
        )
        .status,
        200
    );
}

#[test]
fn state_survives_a_restart_with_a_data_dir_and_keys_cannot_escape_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let alias;
    {
        let s = start(ServerConfig::new().data_dir(&data)).unwrap();
        create_bucket(&s, "durable");
        call(&s, &PutBucketAcl::new("durable", Acl::PublicRead)).unwrap();
        alias = call(
            &s,
            &CreateAccessPoint::new("durable", "ap-dur", NetworkOrigin::Internet),
        )
        .unwrap()
        .alias;
        put(&s, "durable", "../../escape.txt", b"must stay inside");
        let r = send_v1_raw(&s, "PUT", "/durable//abs/../x", "/durable//abs/../x", b"x");
        assert_eq!(r.code(), "InvalidObjectName");
        put(&s, "durable", "kept", b"first");
        put(&s, "durable", "kept", b"second version");
        put(&s, "durable", "gone", b"deleted");
        call(&s, &DeleteObject::new("durable", "gone")).unwrap();
    }
    // Nothing was written outside the data directory, and no file is named after a key.
    let outside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(outside, ["data"]);
    for e in walk(&data) {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.contains("escape") && !name.contains("kept"), "{name}");
    }
    let s = start(ServerConfig::new().data_dir(&data)).unwrap();
    let acl = call(&s, &GetBucketAcl::new("durable")).unwrap();
    assert_eq!(acl.acl, Acl::PublicRead);
    assert_eq!(
        anon(&s, "GET", "/durable/kept", b"").body,
        b"second version"
    );
    assert_eq!(
        anon(&s, "GET", "/durable/..%2F..%2Fescape.txt", b"").body,
        b"must stay inside"
    );
    assert_eq!(anon(&s, "GET", "/durable/gone", b"").code(), "NoSuchKey");
    assert_eq!(
        call(&s, &GetAccessPoint::new("durable", "ap-dur"))
            .unwrap()
            .alias,
        alias
    );
    let r = send(&s, &Request::new(Method::Get).bucket(&alias).key("kept"));
    assert_eq!(r.body, b"second version");
    // One data file per live object: replaced and deleted data is gone.
    let data_files = walk(&data)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "data"))
        .count();
    assert_eq!(data_files, 2);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
