//! End to end against the local OSS-compatible server, started in-process on 127.0.0.1.

use ossio::ops::*;
use ossio::{
    Acl, Client, Credentials, Error, ExpiringCredentials, ObjectAcl, RefreshingProvider,
    RetryPolicy, SignatureVersion,
};
use ossio_server::{ServerConfig, ServerHandle};
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

fn server() -> ServerHandle {
    ossio_server::start(ServerConfig::new()).unwrap()
}

fn builder(s: &ServerHandle) -> ossio::ClientBuilder {
    Client::builder(s.region())
        .endpoint(&s.endpoint())
        .credentials(Credentials::new(
            ossio_server::DEFAULT_ACCESS_KEY_ID,
            ossio_server::DEFAULT_ACCESS_KEY_SECRET,
        ))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(20)))
}

fn client(s: &ServerHandle) -> Client {
    builder(s).build().unwrap()
}

fn read_all(mut r: impl Read) -> Vec<u8> {
    let mut v = Vec::new();
    r.read_to_end(&mut v).unwrap();
    v
}

#[test]
fn every_operation() {
    let s = server();
    for version in [SignatureVersion::V4, SignatureVersion::V1] {
        let c = builder(&s).signature_version(version).build().unwrap();
        let bucket = format!(
            "every-op-{}",
            if version == SignatureVersion::V4 {
                "v4"
            } else {
                "v1"
            }
        );
        let b = bucket.as_str();

        c.put_bucket(&PutBucket::new(b)).unwrap();
        let listed = c.list_buckets(&ListBuckets::new()).unwrap();
        assert!(listed.buckets.iter().any(|x| x.name == b));
        let info = c.get_bucket_info(&GetBucketInfo::new(b)).unwrap();
        assert_eq!(info.name, b);

        c.put_bucket_acl(&PutBucketAcl::new(b, Acl::PublicRead))
            .unwrap();
        assert_eq!(
            c.get_bucket_acl(&GetBucketAcl::new(b)).unwrap().acl,
            Acl::PublicRead
        );

        let put = c
            .put_object(
                &PutObject::new(b, "dir/a b+c.txt")
                    .bytes(b"hello".to_vec())
                    .meta("k", "v"),
            )
            .unwrap();
        assert!(put.etag.is_some());
        let head = c.head_object(&HeadObject::new(b, "dir/a b+c.txt")).unwrap();
        assert_eq!(head.meta.content_length, Some(5));
        let mut reader = c.get_object(&GetObject::new(b, "dir/a b+c.txt")).unwrap();
        assert_eq!(reader.meta().meta.content_length, Some(5));
        let mut got = Vec::new();
        reader.read_to_end(&mut got).unwrap();
        assert_eq!(got, b"hello");
        let ranged = c
            .get_object(&GetObject::new(b, "dir/a b+c.txt").range(1, Some(3)))
            .unwrap();
        assert_eq!(read_all(ranged), b"ell");

        c.put_object_acl(&PutObjectAcl::new(
            b,
            "dir/a b+c.txt",
            ObjectAcl::Explicit(Acl::Private),
        ))
        .unwrap();
        assert_eq!(
            c.get_object_acl(&GetObjectAcl::new(b, "dir/a b+c.txt"))
                .unwrap()
                .acl,
            ObjectAcl::Explicit(Acl::Private)
        );

        for i in 0..5 {
            c.put_object(&PutObject::new(b, format!("many/{i}")).bytes(vec![i as u8; 10]))
                .unwrap();
        }
        let page = c
            .list_objects_v2(&ListObjectsV2::new(b).prefix("many/"))
            .unwrap();
        assert_eq!(page.contents.len(), 5);
        let keys: Vec<String> = c
            .pages(ListObjectsV2::new(b).max_keys(2))
            .flat_map(|p| p.unwrap().contents)
            .map(|o| o.key)
            .collect();
        assert_eq!(keys.len(), 6, "{keys:?}");

        let ap = format!(
            "ap-{}",
            if version == SignatureVersion::V4 {
                "v4"
            } else {
                "v1"
            }
        );
        let created = c
            .create_access_point(&CreateAccessPoint::new(b, &ap, NetworkOrigin::Internet))
            .unwrap();
        assert!(!created.alias.is_empty());
        let got_ap = c.get_access_point(&GetAccessPoint::new(b, &ap)).unwrap();
        assert_eq!(got_ap.alias, created.alias);
        let all = c.list_access_points(&ListAccessPoints::new()).unwrap();
        assert!(all.access_points.iter().any(|a| a.name == ap));
        let mine = c
            .list_access_points(&ListAccessPoints::for_bucket(b))
            .unwrap();
        assert_eq!(mine.access_points.len(), 1);

        let policy = format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["{acct}"],"Resource":["acs:oss:{region}:{acct}:accesspoint/{ap}","acs:oss:{region}:{acct}:accesspoint/{ap}/object/*"]}}]}}"#,
            acct = ossio_server::DEFAULT_ACCOUNT_ID,
            region = s.region(),
        );
        c.put_access_point_policy(&PutAccessPointPolicy::new(b, &ap, &policy))
            .unwrap();
        let got_policy = c
            .get_access_point_policy(&GetAccessPointPolicy::new(b, &ap))
            .unwrap();
        assert!(got_policy.policy.contains("oss:GetObject"));
        c.delete_access_point_policy(&DeleteAccessPointPolicy::new(b, &ap))
            .unwrap();
        let gone = c
            .get_access_point_policy(&GetAccessPointPolicy::new(b, &ap))
            .unwrap_err();
        assert_eq!(gone.status(), Some(404));

        c.put_access_point_public_access_block(&PutAccessPointPublicAccessBlock::new(b, &ap, true))
            .unwrap();
        assert!(
            c.get_access_point_public_access_block(&GetAccessPointPublicAccessBlock::new(b, &ap))
                .unwrap()
                .block_public_access
        );
        c.delete_access_point_public_access_block(&DeleteAccessPointPublicAccessBlock::new(b, &ap))
            .unwrap();

        // Objects through the alias.
        let alias = created.alias.as_str();
        c.put_object(&PutObject::new(alias, "via-alias").bytes(b"aliased".to_vec()))
            .unwrap();
        assert_eq!(
            read_all(c.get_object(&GetObject::new(b, "via-alias")).unwrap()),
            b"aliased"
        );
        assert_eq!(
            read_all(c.get_object(&GetObject::new(alias, "via-alias")).unwrap()),
            b"aliased"
        );

        // Presigned GET, fetched with a plain HTTP client.
        let url = c
            .presign_operation(&GetObject::new(b, "via-alias"), Duration::from_secs(300))
            .unwrap()
            .url;
        let mut resp = ureq::get(&url).call().unwrap();
        assert_eq!(resp.body_mut().read_to_vec().unwrap(), b"aliased");

        let deleted = c
            .delete_multiple_objects(&DeleteMultipleObjects::new(
                b,
                (0..5).map(|i| format!("many/{i}")),
            ))
            .unwrap();
        assert_eq!(deleted.deleted.len(), 5);
        for key in ["dir/a b+c.txt", "via-alias"] {
            c.delete_object(&DeleteObject::new(b, key)).unwrap();
        }
        let missing = c.head_object(&HeadObject::new(b, "via-alias")).unwrap_err();
        assert_eq!(missing.status(), Some(404));
        let missing = c.get_object(&GetObject::new(b, "via-alias")).unwrap_err();
        assert_eq!(missing.code(), Some("NoSuchKey"));

        c.delete_access_point(&DeleteAccessPoint::new(b, &ap))
            .unwrap();
        c.delete_bucket(&DeleteBucket::new(b)).unwrap();
        let err = c.get_bucket_info(&GetBucketInfo::new(b)).unwrap_err();
        assert_eq!(err.code(), Some("NoSuchBucket"));
        assert!(
            err.to_string()
                .starts_with("GetBucketInfo failed: 404 NoSuchBucket"),
            "{err}"
        );
    }
}

/// OSS compresses text objects for `Accept-Encoding: gzip` and then sends no CRC-64: the
/// client returns the compressed bytes as sent and does not fail a check it cannot make.
#[test]
fn reads_a_gzip_answer_without_a_crc() {
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("gzip-read")).unwrap();
    let text = "a line of text that compresses well\n"
        .repeat(200)
        .into_bytes();
    c.put_object(
        &PutObject::new("gzip-read", "notes.txt")
            .content_type("text/plain")
            .bytes(text.clone()),
    )
    .unwrap();
    let reader = c
        .get_object(&GetObject::new("gzip-read", "notes.txt").accept_encoding("gzip"))
        .unwrap();
    assert_eq!(reader.meta().meta.content_encoding.as_deref(), Some("gzip"));
    let compressed = read_all(reader);
    assert!(compressed.len() < text.len());
    let plain = read_all(flate2::read::GzDecoder::new(&compressed[..]));
    assert_eq!(plain, text);
    // Without asking, the same object comes whole and CRC-checked.
    let reader = c
        .get_object(&GetObject::new("gzip-read", "notes.txt"))
        .unwrap();
    assert_eq!(read_all(reader), text);
}

#[test]
fn wrong_secret_shows_both_strings_to_sign() {
    let s = server();
    let c = builder(&s)
        .credentials(Credentials::new(
            ossio_server::DEFAULT_ACCESS_KEY_ID,
            "not-the-secret",
        ))
        .build()
        .unwrap();
    let err = c.list_buckets(&ListBuckets::new()).unwrap_err();
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    let shown = err.to_string();
    assert!(
        shown.contains("client string-to-sign \"OSS4-HMAC-SHA256\\n"),
        "{shown}"
    );
    assert!(!shown.contains("not-the-secret"));
}

#[test]
fn retries_injected_faults_then_succeeds() {
    let s = server();
    let c = builder(&s)
        .read_timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    c.put_bucket(&PutBucket::new("faults")).unwrap();

    s.faults().fail_next(2, 503, "ServiceUnavailable");
    c.put_object(&PutObject::new("faults", "a").bytes(b"1".to_vec()))
        .unwrap();
    assert_eq!(s.faults().pending(), 0);

    s.faults().drop_next(2);
    c.head_object(&HeadObject::new("faults", "a")).unwrap();
    assert_eq!(s.faults().pending(), 0);

    s.faults().delay_next(1, Duration::from_millis(1500));
    c.get_bucket_acl(&GetBucketAcl::new("faults")).unwrap();
    assert_eq!(s.faults().pending(), 0);

    // A download cut short restarts.
    let data = vec![42u8; 300_000];
    c.put_object(&PutObject::new("faults", "big").bytes(data.clone()))
        .unwrap();
    s.faults().truncate_next(1);
    let path = std::env::temp_dir().join(format!("ossio-e2e-trunc-{}", std::process::id()));
    c.get_object_to_file(&GetObject::new("faults", "big"), &path)
        .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), data);
    std::fs::remove_file(&path).unwrap();

    // A cut-short streamed read is an error, not silently short data.
    s.faults().truncate_next(1);
    let mut reader = c.get_object(&GetObject::new("faults", "big")).unwrap();
    assert!(reader.read_to_end(&mut Vec::new()).is_err());
}

#[test]
fn persistent_faults_end_in_a_clear_error() {
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("persist")).unwrap();
    s.faults().fail_next(3, 500, "InternalError");
    let err = c
        .get_bucket_info(&GetBucketInfo::new("persist"))
        .unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    s.faults().drop_next(3);
    let err = c
        .get_bucket_info(&GetBucketInfo::new("persist"))
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(
        err.to_string().contains("gave up after 3 attempts"),
        "{err}"
    );
    s.faults().fail_next(1, 404, "NoSuchBucket");
    s.faults().fail_next(1, 503, "ServiceUnavailable");
    // 404 is not retried: the queued 503 is still there afterwards.
    assert_eq!(
        c.get_bucket_info(&GetBucketInfo::new("persist"))
            .unwrap_err()
            .status(),
        Some(404)
    );
    assert_eq!(s.faults().pending(), 1);
}

#[test]
fn crc_mismatch_is_detected_both_ways() {
    let s = server();
    let c = builder(&s)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    c.put_bucket(&PutBucket::new("crc")).unwrap();
    s.faults().corrupt_crc_next(1);
    let err = c
        .put_object(&PutObject::new("crc", "k").bytes(b"data".to_vec()))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Crc {
                operation: "PutObject",
                ..
            }
        ),
        "{err:?}"
    );

    s.faults().corrupt_crc_next(1);
    let mut reader = c.get_object(&GetObject::new("crc", "k")).unwrap();
    let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("CRC-64 mismatch"), "{err}");

    s.faults().corrupt_crc_next(1);
    let path = std::env::temp_dir().join(format!("ossio-e2e-crc-{}", std::process::id()));
    let err = c
        .get_object_to_file(&GetObject::new("crc", "k"), &path)
        .unwrap_err();
    assert!(matches!(err, Error::Crc { .. }), "{err:?}");
    let _ = std::fs::remove_file(&path);

    let off = builder(&s).crc_check(false).build().unwrap();
    s.faults().corrupt_crc_next(1);
    off.put_object(&PutObject::new("crc", "k").bytes(b"data".to_vec()))
        .unwrap();
}

#[test]
fn clock_skew_is_corrected() {
    let s = server();
    let c = builder(&s)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    s.faults().set_clock_skew(2 * 3600);
    c.put_bucket(&PutBucket::new("skewed")).unwrap();
    assert!(c.clock_offset() > Duration::from_secs(7000));
    c.get_bucket_info(&GetBucketInfo::new("skewed")).unwrap();
    s.faults().set_clock_skew(-3 * 3600);
    c.get_bucket_info(&GetBucketInfo::new("skewed")).unwrap();
    assert!(c.clock_offset() > Duration::from_secs(10_000));
}

/// A deterministic byte stream that is never held in memory.
struct Pattern {
    left: u64,
    state: u64,
}

impl Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (buf.len() as u64).min(self.left) as usize;
        for chunk in buf[..n].chunks_mut(8) {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            chunk.copy_from_slice(&self.state.to_le_bytes()[..chunk.len()]);
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[test]
fn streams_100_mib_up_and_down_with_crc() {
    const LEN: u64 = 100 << 20;
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("big")).unwrap();
    let mut expected = ossio::ossio_core::crc64::Crc64::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut p = Pattern {
        left: LEN,
        state: 0x1234_5678,
    };
    loop {
        let n = p.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        expected.update(&buf[..n]);
    }
    let expected = expected.value();

    let out = c
        .put_object_from_reader(
            &PutObject::new("big", "blob"),
            Pattern {
                left: LEN,
                state: 0x1234_5678,
            },
            LEN,
        )
        .unwrap();
    assert_eq!(out.crc64, Some(expected));

    let mut reader = c.get_object(&GetObject::new("big", "blob")).unwrap();
    assert_eq!(reader.meta().meta.content_length, Some(LEN));
    let mut got = ossio::ossio_core::crc64::Crc64::new();
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        got.update(&buf[..n]);
        total += n as u64;
    }
    assert_eq!(total, LEN);
    assert_eq!(got.value(), expected);
}

#[test]
fn uploads_from_a_file() {
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("files")).unwrap();
    let path = std::env::temp_dir().join(format!("ossio-e2e-file-{}", std::process::id()));
    let data: Vec<u8> = (0..1_000_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(&path, &data).unwrap();
    // The first attempt is dropped: the file is sent again from the start.
    s.faults().drop_next(1);
    c.put_object_from_file(&PutObject::new("files", "f"), &path)
        .unwrap();
    let back = path.with_extension("back");
    let out = c
        .get_object_to_file(&GetObject::new("files", "f"), &back)
        .unwrap();
    assert_eq!(out.meta.content_length, Some(data.len() as u64));
    assert_eq!(std::fs::read(&back).unwrap(), data);
    std::fs::remove_file(&path).unwrap();
    std::fs::remove_file(&back).unwrap();
}

#[test]
fn eight_threads_share_one_client() {
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("shared")).unwrap();
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let c = c.clone();
            std::thread::spawn(move || {
                for i in 0..20 {
                    let key = format!("t{t}/o{i}");
                    let body = format!("thread {t} object {i}").into_bytes();
                    c.put_object(&PutObject::new("shared", &key).bytes(body.clone()))
                        .unwrap();
                    let got = read_all(c.get_object(&GetObject::new("shared", &key)).unwrap());
                    assert_eq!(got, body);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let keys: usize = c
        .pages(ListObjectsV2::new("shared"))
        .map(|p| p.unwrap().contents.len())
        .sum();
    assert_eq!(keys, 160);
}

#[test]
fn sts_credentials_from_a_refreshing_provider() {
    let s = ossio_server::start(ServerConfig::new().sts("STS.test", "sts-secret", "sts-token"))
        .unwrap();
    let fetches = Arc::new(AtomicUsize::new(0));
    let f = fetches.clone();
    let provider = RefreshingProvider::new(move || {
        f.fetch_add(1, Ordering::SeqCst);
        Ok(ExpiringCredentials::new(
            Credentials::new("STS.test", "sts-secret").with_security_token("sts-token"),
            Some(SystemTime::now() + Duration::from_secs(3600)),
        ))
    });
    let c = Client::builder(s.region())
        .endpoint(&s.endpoint())
        .credentials_provider(provider)
        .build()
        .unwrap();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let c = c.clone();
            std::thread::spawn(move || {
                c.put_bucket(&PutBucket::new(format!("sts-{i}"))).unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    // Without the token the key is refused.
    let bare = Client::builder(s.region())
        .endpoint(&s.endpoint())
        .credentials(Credentials::new("STS.test", "sts-secret"))
        .build()
        .unwrap();
    assert_eq!(
        bare.list_buckets(&ListBuckets::new()).unwrap_err().status(),
        Some(403)
    );
    assert!(!format!("{c:?}").contains("sts-secret"));
}

/// Every operation can be sent as a plain value (what the bindings and the CLI do), and
/// its output comes back as one.
#[test]
fn operations_built_from_plain_values() {
    use ossio::ops::dynamic::{self, Dyn};
    let s = server();
    let c = client(&s);
    let send = |name: &str, input: Dyn| c.send_dyn(&*dynamic::build(name, &input).unwrap());
    send(
        "put_bucket",
        Dyn::map([("bucket", Dyn::from("plain-values"))]),
    )
    .unwrap();
    let put = send(
        "PutObject",
        Dyn::map([
            ("bucket", Dyn::from("plain-values")),
            ("key", Dyn::from("a/b.txt")),
            ("body", Dyn::Bytes(b"from a value".to_vec())),
            ("metadata", Dyn::map([("team", Dyn::from("storage"))])),
        ]),
    )
    .unwrap();
    assert!(matches!(put.get("etag"), Some(Dyn::Str(e)) if e.len() == 34));
    let list = send(
        "list-objects-v2",
        Dyn::map([
            ("bucket", Dyn::from("plain-values")),
            ("max_keys", Dyn::Int(10)),
        ]),
    )
    .unwrap();
    let Some(Dyn::List(contents)) = list.get("contents") else {
        panic!("{list:?}")
    };
    assert_eq!(contents[0].get("key"), Some(&Dyn::from("a/b.txt")));
    let op = dynamic::build(
        "getObject",
        &Dyn::map([
            ("bucket", Dyn::from("plain-values")),
            ("key", Dyn::from("a/b.txt")),
        ]),
    )
    .unwrap();
    let reader = c.send_dyn_for_reader(&*op).unwrap();
    assert_eq!(
        reader.meta().get("metadata"),
        Some(&Dyn::map([("team", Dyn::from("storage"))]))
    );
    assert_eq!(read_all(reader), b"from a value");
    // A service error names the operation.
    let err = send(
        "GetBucketAcl",
        Dyn::map([("bucket", Dyn::from("no-such-bucket"))]),
    )
    .unwrap_err();
    assert_eq!(err.code(), Some("NoSuchBucket"));
    assert!(err.to_string().contains("GetBucketAcl"), "{err}");
}

#[test]
fn multipart_append_and_copy_with_crc_checks_on() {
    let s = server();
    let c = client(&s);
    c.put_bucket(&PutBucket::new("mp-client")).unwrap();
    let id = c
        .initiate_multipart_upload(&InitiateMultipartUpload::new("mp-client", "big"))
        .unwrap()
        .upload_id;
    let first = vec![1u8; 100 * 1024];
    let e1 = c
        .upload_part(&UploadPart::new("mp-client", "big", &id, 1).bytes(first.clone()))
        .unwrap()
        .etag
        .unwrap();
    // A streamed part is CRC-checked against the part's own checksum.
    let e2 = c
        .send_from_reader(
            &UploadPart::new("mp-client", "big", &id, 2).stream_length(4),
            &b"tail"[..],
            4,
        )
        .unwrap()
        .etag
        .unwrap();
    // The answer's CRC-64 is the whole object's, not the document's: no false mismatch.
    let done = c
        .complete_multipart_upload(
            &CompleteMultipartUpload::new("mp-client", "big", &id)
                .part(1, e1)
                .part(2, e2),
        )
        .unwrap();
    let whole = [first.as_slice(), b"tail"].concat();
    assert_eq!(done.crc64, Some(ossio::ossio_core::crc64::checksum(&whole)));
    c.append_object(&AppendObject::new("mp-client", "log", 0).bytes(b"ab".to_vec()))
        .unwrap();
    let out = c
        .append_object(&AppendObject::new("mp-client", "log", 2).bytes(b"cd".to_vec()))
        .unwrap();
    assert_eq!(out.next_position, Some(4));
    c.copy_object(&CopyObject::new("mp-client", "copy", "big"))
        .unwrap();
    assert_eq!(
        read_all(c.get_object(&GetObject::new("mp-client", "copy")).unwrap()),
        whole
    );
}
