#![allow(missing_docs)] // criterion_group! generates undocumented functions

//! ossio-core against the physical floor (the bare cryptography and a bare quick-xml scan of
//! the same bytes) and against peer signers, in one run. Read the ratios, not the times.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use ossio_bench::*;
use ossio_core::ops::{
    CreateAccessPoint, ListAccessPoints, ListObjectsV2, ListObjectsV2Output, NetworkOrigin,
    ObjectSummary, Operation, PutBucketAcl,
};
use ossio_core::signer::v4;
use ossio_core::{Acl, Config, Credentials, Headers, Response, SignatureVersion, Signer};
use sha2::{Digest, Sha256};
use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn at() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(AT)
}

fn creds() -> Credentials {
    Credentials::new(AK, SK)
}

fn signer(version: SignatureVersion) -> Signer {
    Signer::new(
        Config::new("cn-hangzhou")
            .unwrap()
            .with_signature_version(version),
    )
}

fn bench_v4(c: &mut Criterion) {
    let req = request();
    let creds = creds();
    let s = signer(SignatureVersion::V4);
    let signed = s.sign(&req, &creds, at()).unwrap();
    let canonical = signed.canonical_request.clone().unwrap();
    let key = v4::signing_key(SK, "20231216", "cn-hangzhou", "oss");
    // "Cached key" as the signer caches it: HMAC state with the pads already hashed.
    let keyed = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    let scope = v4::scope("20231216", "cn-hangzhou", "oss");

    let mut g = c.benchmark_group("v4_header_sign");
    g.bench_function("ossio (cached key)", |b| {
        b.iter(|| s.sign(black_box(&req), &creds, at()).unwrap())
    });
    g.bench_function("ossio (cold key)", |b| {
        let cfg = s.config().clone();
        b.iter_batched(
            || Signer::new(cfg.clone()),
            |fresh| fresh.sign(black_box(&req), &creds, at()).unwrap(),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("floor: sha256(canonical) + hmac-sha256", |b| {
        b.iter(|| {
            let hash = Sha256::digest(black_box(canonical.as_bytes()));
            let mut mac = keyed.clone();
            mac.update(b"OSS4-HMAC-SHA256\n20231216T162057Z\n");
            mac.update(scope.as_bytes());
            mac.update(b"\n");
            mac.update(&hash);
            black_box(mac.finalize().into_bytes())
        })
    });
    g.bench_function("peer: aws-sigv4 (same size)", |b| {
        use aws_credential_types::Credentials as AwsCreds;
        use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
        use aws_sigv4::sign::v4 as awsv4;
        let identity = AwsCreds::new(AK, SK, None, None, "bench").into();
        let uri = format!(
            "https://{BUCKET}.s3.us-east-1.amazonaws.com/{}",
            ossio_core::encoding::encode_path(KEY)
        );
        let hdrs = headers();
        b.iter(|| {
            let params = awsv4::SigningParams::builder()
                .identity(&identity)
                .region("us-east-1")
                .name("s3")
                .time(at())
                .settings(SigningSettings::default())
                .build()
                .unwrap()
                .into();
            let signable = SignableRequest::new(
                "PUT",
                &uri,
                hdrs.iter().copied(),
                SignableBody::UnsignedPayload,
            )
            .unwrap();
            black_box(sign(signable, &params).unwrap())
        })
    });
    g.finish();

    let mut g = c.benchmark_group("v4_presign");
    let get = ossio_core::Request::new(ossio_core::Method::Get)
        .bucket(BUCKET)
        .key(KEY);
    let p = s
        .presign(&get, &creds, at(), Duration::from_secs(3600))
        .unwrap();
    let pcanon = p.canonical_request.clone().unwrap();
    g.bench_function("ossio", |b| {
        b.iter(|| {
            s.presign(black_box(&get), &creds, at(), Duration::from_secs(3600))
                .unwrap()
        })
    });
    g.bench_function("floor: sha256(canonical) + hmac-sha256", |b| {
        b.iter(|| {
            let hash = Sha256::digest(black_box(pcanon.as_bytes()));
            let mut mac = keyed.clone();
            mac.update(
                p.string_to_sign
                    .as_bytes()
                    .split_at(p.string_to_sign.len() - 64)
                    .0,
            );
            mac.update(&hash);
            black_box(mac.finalize().into_bytes())
        })
    });
    g.finish();
}

/// The pieces of a V4 header signature that the crypto floor leaves out, each timed alone,
/// so the gap between `ossio (cached key)` and the floor can be read off.
fn bench_v4_parts(c: &mut Criterion) {
    let req = request();
    let s = signer(SignatureVersion::V4);
    let cfg = s.config().clone();
    let mut headers = req.headers.clone();
    headers.insert("x-oss-date", "20231216T162057Z");
    headers.insert("x-oss-content-sha256", v4::UNSIGNED_PAYLOAD);
    headers.insert("Date", "Sat, 16 Dec 2023 16:20:57 GMT");
    let canonical = s
        .sign(&req, &creds(), at())
        .unwrap()
        .canonical_request
        .unwrap();

    let mut g = c.benchmark_group("v4_sign_parts");
    g.bench_function("validate", |b| b.iter(|| black_box(&req).validate()));
    g.bench_function("clone headers", |b| {
        b.iter(|| black_box(&req.headers).clone())
    });
    g.bench_function("format dates (iso8601 + rfc1123)", |b| {
        b.iter(|| {
            (
                ossio_core::time::iso8601(black_box(AT)),
                ossio_core::time::rfc1123(black_box(AT)),
            )
        })
    });
    g.bench_function("canonical request", |b| {
        b.iter(|| {
            v4::canonical_request(&v4::CanonicalInput {
                method: "PUT",
                bucket: Some(BUCKET),
                key: Some(black_box(KEY)),
                query: &[],
                headers: &headers,
                additional: &[],
            })
        })
    });
    g.bench_function("string to sign (incl. sha256)", |b| {
        b.iter(|| {
            v4::string_to_sign(
                "20231216T162057Z",
                "20231216/cn-hangzhou/oss/aliyun_v4_request",
                black_box(&canonical),
            )
        })
    });
    g.bench_function("url", |b| {
        b.iter(|| ossio_core::url::build(&cfg, black_box(&req)))
    });
    g.finish();
}

fn bench_v1(c: &mut Criterion) {
    let req = request();
    let creds = creds();
    let s = signer(SignatureVersion::V1);
    let signed = s.sign(&req, &creds, at()).unwrap();
    let sts = signed.string_to_sign.clone();

    let mut g = c.benchmark_group("v1_header_sign");
    g.bench_function("ossio", |b| {
        b.iter(|| s.sign(black_box(&req), &creds, SystemTime::now()).unwrap())
    });
    g.bench_function("floor: hmac-sha1", |b| {
        b.iter(|| {
            let mut mac = Hmac::<sha1::Sha1>::new_from_slice(SK.as_bytes()).unwrap();
            mac.update(black_box(sts.as_bytes()));
            black_box(mac.finalize().into_bytes())
        })
    });
    g.bench_function("peer: reqsign-aliyun-oss", |b| {
        use reqsign_aliyun_oss::{Credential, RequestSigner};
        use reqsign_core::{Context, SignRequest};
        let rs = RequestSigner::new(BUCKET);
        let ctx = Context::new();
        let cred = Credential {
            access_key_id: AK.into(),
            access_key_secret: SK.into(),
            ..Default::default()
        };
        let uri = format!(
            "https://{BUCKET}.oss-cn-hangzhou.aliyuncs.com/{}",
            ossio_core::encoding::encode_path(KEY)
        );
        let mut builder = http::Request::put(uri);
        for (k, v) in headers() {
            builder = builder.header(k, v);
        }
        let (parts, ()) = builder.body(()).unwrap().into_parts();
        b.iter_batched(
            || parts.clone(),
            |mut p| {
                futures_executor::block_on(rs.sign_request(&ctx, &mut p, Some(&cred), None))
                    .unwrap();
                black_box(p)
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn bench_build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build_request");
    g.bench_function("CreateAccessPoint", |b| {
        let op = CreateAccessPoint::new(BUCKET, "ap-01", NetworkOrigin::Vpc)
            .vpc_id("vpc-t4nlw426y44rd3iq4xxxx");
        b.iter(|| black_box(&op).to_request().unwrap())
    });
    g.bench_function("PutBucketAcl", |b| {
        let op = PutBucketAcl::new(BUCKET, Acl::PublicRead);
        b.iter(|| black_box(&op).to_request().unwrap())
    });
    g.finish();
}

/// Counts events: the least any parser of the document must do.
fn scan(doc: &[u8]) -> usize {
    let mut r = quick_xml::Reader::from_reader(doc);
    let mut n = 0;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => return n,
            Ok(_) => n += 1,
            Err(_) => return n,
        }
    }
}

/// A prototype for ossio-core (not used by ossio): ListObjectsV2 read straight from
/// quick-xml events into the output, with no intermediate element tree. Same output as
/// `ListObjectsV2::parse_response` for the benchmark document; it shows what a streaming
/// reader would gain.
fn list_objects_streaming(doc: &[u8]) -> Result<ListObjectsV2Output, String> {
    use quick_xml::events::Event;
    #[derive(Clone, Copy, PartialEq)]
    enum F {
        Other,
        Contents,
        Key,
        LastModified,
        ETag,
        Size,
        StorageClass,
        Type,
        Name,
        EncodingType,
        MaxKeys,
        KeyCount,
        IsTruncated,
    }
    let mut r = quick_xml::Reader::from_reader(doc);
    let mut out = ListObjectsV2Output::default();
    // What each open element is, by depth (the root is depth 1): no name is copied.
    let mut stack: Vec<F> = Vec::with_capacity(8);
    let mut cur = ObjectSummary::default();
    let mut text = String::new();
    loop {
        match r.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                let name = e.local_name();
                let f = match (stack.len(), name.as_ref()) {
                    (1, b"Contents") => F::Contents,
                    (2, b"Key") if stack[1] == F::Contents => F::Key,
                    (2, b"LastModified") if stack[1] == F::Contents => F::LastModified,
                    (2, b"ETag") if stack[1] == F::Contents => F::ETag,
                    (2, b"Size") if stack[1] == F::Contents => F::Size,
                    (2, b"StorageClass") if stack[1] == F::Contents => F::StorageClass,
                    (2, b"Type") if stack[1] == F::Contents => F::Type,
                    (1, b"Name") => F::Name,
                    (1, b"EncodingType") => F::EncodingType,
                    (1, b"MaxKeys") => F::MaxKeys,
                    (1, b"KeyCount") => F::KeyCount,
                    (1, b"IsTruncated") => F::IsTruncated,
                    _ => F::Other,
                };
                stack.push(f);
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.unescape().map_err(|e| e.to_string())?),
            Event::End(_) => {
                let f = stack.pop().ok_or("unbalanced")?;
                let mut take = || std::mem::take(&mut text);
                match f {
                    F::Contents => out.contents.push(std::mem::take(&mut cur)),
                    F::Key => cur.key = take(),
                    F::LastModified => cur.last_modified = take(),
                    F::ETag => cur.etag = take(),
                    F::Size => cur.size = text.trim().parse().map_err(|_| "Size")?,
                    F::StorageClass => cur.storage_class = Some(take()),
                    F::Type => cur.object_type = Some(take()),
                    F::Name => out.name = take(),
                    F::EncodingType => out.encoding_type = Some(take()),
                    F::MaxKeys => out.max_keys = text.trim().parse().ok(),
                    F::KeyCount => out.key_count = text.trim().parse().ok(),
                    F::IsTruncated => out.is_truncated = text.trim() == "true",
                    F::Other => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if out.encoding_type.as_deref() == Some("url") {
        for c in &mut out.contents {
            if c.key.bytes().any(|b| b == b'%' || b == b'+') {
                c.key = ossio_core::encoding::decode(&c.key, true).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(out)
}

fn bench_parse(c: &mut Criterion) {
    let h: Headers = [("x-oss-request-id", "5C1B138A109F4E405B2Dxxxx")]
        .into_iter()
        .collect();
    let objects = list_objects_xml(1000);
    let aps = list_access_points_xml(1000);

    let mut g = c.benchmark_group("parse_error");
    g.bench_function("ossio", |b| {
        b.iter(|| {
            ossio_core::response::service_error(&Response::new(
                400,
                &h,
                black_box(ERROR_XML.as_bytes()),
            ))
        })
    });
    g.bench_function("floor: quick-xml scan", |b| {
        b.iter(|| scan(black_box(ERROR_XML.as_bytes())))
    });
    g.finish();

    let mut g = c.benchmark_group("parse_list_objects_v2_1000");
    let op = ListObjectsV2::new(BUCKET);
    let mut theirs = op
        .parse_response(&Response::new(200, &h, objects.as_bytes()))
        .unwrap();
    theirs.request_id.clear();
    assert_eq!(list_objects_streaming(objects.as_bytes()).unwrap(), theirs);
    g.bench_function("ossio", |b| {
        b.iter(|| {
            op.parse_response(&Response::new(200, &h, black_box(objects.as_bytes())))
                .unwrap()
        })
    });
    g.bench_function("floor: quick-xml scan", |b| {
        b.iter(|| scan(black_box(objects.as_bytes())))
    });
    g.bench_function("prototype: streaming, no element tree", |b| {
        b.iter(|| list_objects_streaming(black_box(objects.as_bytes())).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("parse_list_access_points_1000");
    let op = ListAccessPoints::new();
    g.bench_function("ossio", |b| {
        b.iter(|| {
            op.parse_response(&Response::new(200, &h, black_box(aps.as_bytes())))
                .unwrap()
        })
    });
    g.bench_function("floor: quick-xml scan", |b| {
        b.iter(|| scan(black_box(aps.as_bytes())))
    });
    g.finish();
}

/// Starting a local server for a test suite: bind, spawn, answer the first request, stop.
fn bench_server_start(c: &mut Criterion) {
    use std::io::{Read, Write};
    let mut g = c.benchmark_group("server_start");
    g.bench_function("ossio-server: start, first answer, stop", |b| {
        b.iter(|| {
            let server = ossio_server::start(ossio_server::ServerConfig::new()).unwrap();
            let mut s = std::net::TcpStream::connect(server.addr()).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut answer = Vec::new();
            s.read_to_end(&mut answer).unwrap();
            assert!(answer.starts_with(b"HTTP/1.1 403"));
            drop(server);
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_v4, bench_v4_parts, bench_v1, bench_build, bench_parse, bench_server_start
}
criterion_main!(benches);
