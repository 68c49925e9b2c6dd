//! Multipart uploads, UploadPartCopy, CopyObject and AppendObject, through the core's
//! declarations (and raw requests where a client would refuse to send).

mod common;

use common::*;
use md5::{Digest, Md5};
use ossio_core::ops::*;
use ossio_core::{Method, Request, crc64};
use ossio_server::{ServerConfig, start};

const KIB: usize = 1024;

fn data(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

fn get(s: &ossio_server::ServerHandle, bucket: &str, key: &str) -> Reply {
    send(s, &Request::new(Method::Get).bucket(bucket).key(key))
}

fn initiate(s: &ossio_server::ServerHandle, bucket: &str, key: &str) -> String {
    call(
        s,
        &InitiateMultipartUpload::new(bucket, key).content_type("application/x-test"),
    )
    .unwrap()
    .upload_id
}

fn upload(
    s: &ossio_server::ServerHandle,
    bucket: &str,
    key: &str,
    id: &str,
    n: u32,
    body: &[u8],
) -> String {
    call(s, &UploadPart::new(bucket, key, id, n).bytes(body.to_vec()))
        .unwrap()
        .etag
        .unwrap()
}

fn md5_hex(b: &[u8]) -> String {
    Md5::digest(b).iter().map(|x| format!("{x:02X}")).collect()
}

#[test]
fn a_multipart_upload_joins_its_parts_with_oss_etag_and_crc() {
    let s = server();
    create_bucket(&s, "mpu");
    let key = "dir/big file+é.bin";
    let id = initiate(&s, "mpu", key);
    let (p1, p2, p3) = (data(100 * KIB, 1), data(150 * KIB, 2), data(10, 3));
    let e1 = upload(&s, "mpu", key, &id, 1, &p1);
    assert_eq!(e1, format!("\"{}\"", md5_hex(&p1)));
    let e3 = upload(&s, "mpu", key, &id, 3, &p3);
    // A part uploaded again replaces the first one.
    upload(&s, "mpu", key, &id, 2, b"replaced");
    let e2 = upload(&s, "mpu", key, &id, 2, &p2);

    let parts = call(&s, &ListParts::new("mpu", key, &id)).unwrap();
    assert_eq!(parts.key, key);
    assert_eq!(
        parts
            .parts
            .iter()
            .map(|p| (p.part_number, p.size))
            .collect::<Vec<_>>(),
        [(1, p1.len() as u64), (2, p2.len() as u64), (3, 10)]
    );
    assert_eq!(parts.parts[1].crc64, Some(crc64::checksum(&p2)));
    // Pages of parts.
    let page = call(
        &s,
        &ListParts {
            max_parts: Some(2),
            ..ListParts::new("mpu", key, &id)
        },
    )
    .unwrap();
    assert!(page.is_truncated);
    assert_eq!(page.next_part_number_marker, Some(2));
    let rest = call(
        &s,
        &ListParts {
            part_number_marker: Some(2),
            ..ListParts::new("mpu", key, &id)
        },
    )
    .unwrap();
    assert_eq!(rest.parts.len(), 1);
    assert!(!rest.is_truncated);

    let uploads = call(&s, &ListMultipartUploads::new("mpu")).unwrap();
    assert_eq!(uploads.uploads.len(), 1);
    assert_eq!(
        (
            uploads.uploads[0].key.as_str(),
            uploads.uploads[0].upload_id.as_str()
        ),
        (key, id.as_str())
    );

    let done = call(
        &s,
        &CompleteMultipartUpload::new("mpu", key, &id)
            .part(1, &e1)
            .part(2, &e2)
            .part(3, &e3),
    )
    .unwrap();
    let whole: Vec<u8> = [p1.as_slice(), &p2, &p3].concat();
    let mut concat = Vec::new();
    for p in [&p1, &p2, &p3] {
        concat.extend_from_slice(&Md5::digest(p));
    }
    let expected = format!("\"{}-3\"", md5_hex(&concat));
    assert_eq!(done.etag.as_deref(), Some(expected.as_str()));
    assert_eq!(done.key.as_deref(), Some(key));
    let r = get(&s, "mpu", key);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, whole);
    assert_eq!(r.header("etag"), Some(expected.as_str()));
    assert_eq!(r.header("x-oss-object-type"), Some("Multipart"));
    assert_eq!(r.header("content-type"), Some("application/x-test"));
    assert_eq!(
        r.header("x-oss-hash-crc64ecma"),
        Some(crc64::checksum(&whole).to_string().as_str())
    );
    // The upload is gone.
    let e = call(&s, &ListParts::new("mpu", key, &id)).unwrap_err();
    assert!(e.to_string().contains("NoSuchUpload"), "{e}");
    assert!(
        call(&s, &ListMultipartUploads::new("mpu"))
            .unwrap()
            .uploads
            .is_empty()
    );
}

#[test]
fn complete_checks_parts_order_etags_and_sizes() {
    let s = server();
    create_bucket(&s, "mpc");
    let id = initiate(&s, "mpc", "k");
    let small = upload(&s, "mpc", "k", &id, 1, b"tiny");
    let big = upload(&s, "mpc", "k", &id, 2, &data(100 * KIB, 9));
    let code = |op: &CompleteMultipartUpload| {
        let r = send(&s, &op.to_request().unwrap());
        (r.status, r.code())
    };
    let base = || CompleteMultipartUpload::new("mpc", "k", &id);
    assert_eq!(
        code(&base().part(2, &big).part(1, &small)),
        (400, "InvalidPartOrder".into())
    );
    assert_eq!(
        code(&base().part(1, "\"00000000000000000000000000000000\"")),
        (400, "InvalidPart".into())
    );
    assert_eq!(code(&base().part(5, &big)), (400, "InvalidPart".into()));
    // Only the last part may be under 100 KiB.
    assert_eq!(
        code(&base().part(1, &small).part(2, &big)),
        (400, "EntityTooSmall".into())
    );
    assert_eq!(
        code(&CompleteMultipartUpload::new("mpc", "k", "NOSUCHUPLOAD").part(1, &small)),
        (404, "NoSuchUpload".into())
    );
    // Part numbers are 1 to 10000 (a raw request: the client refuses to send it).
    let r = send(
        &s,
        &Request::new(Method::Put)
            .bucket("mpc")
            .key("k")
            .query("partNumber", "10001")
            .query("uploadId", id.as_str())
            .body(ossio_core::Body::Bytes(b"x".to_vec())),
    );
    assert_eq!(
        (r.status, r.code()),
        (400, "InvalidArgument".into()),
        "{}",
        r.text()
    );
    // complete-all joins every part in order: 100 KiB then 4 bytes is fine.
    let big1 = upload(&s, "mpc", "k", &id, 1, &data(100 * KIB, 4));
    let _ = big1;
    upload(&s, "mpc", "k", &id, 2, b"tail");
    let done = call(&s, &base().complete_all()).unwrap();
    assert!(done.etag.unwrap().ends_with("-2\""));
    assert_eq!(get(&s, "mpc", "k").body.len(), 100 * KIB + 4);
}

#[test]
fn abort_frees_the_upload_and_uploads_list_by_prefix_and_markers() {
    let s = server();
    create_bucket(&s, "mpl");
    let a = initiate(&s, "mpl", "logs/a");
    let b1 = initiate(&s, "mpl", "logs/b");
    let b2 = initiate(&s, "mpl", "logs/b");
    let _c = initiate(&s, "mpl", "logs/sub/c");
    let _d = initiate(&s, "mpl", "other");
    upload(&s, "mpl", "logs/a", &a, 1, b"x");
    let list = |op: ListMultipartUploads| call(&s, &op).unwrap();
    let all = list(ListMultipartUploads::new("mpl").prefix("logs/"));
    let keys: Vec<_> = all
        .uploads
        .iter()
        .map(|u| (u.key.as_str(), u.upload_id.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("logs/a", a.as_str()),
            ("logs/b", b1.as_str()),
            ("logs/b", b2.as_str()),
            ("logs/sub/c", _c.as_str())
        ]
    );
    let grouped = list(ListMultipartUploads {
        delimiter: Some("/".into()),
        ..ListMultipartUploads::new("mpl").prefix("logs/")
    });
    assert_eq!(grouped.uploads.len(), 3);
    assert_eq!(grouped.common_prefixes, ["logs/sub/"]);
    // Two per page, continuing at key and upload id markers.
    let first = list(ListMultipartUploads {
        max_uploads: Some(2),
        ..ListMultipartUploads::new("mpl")
    });
    assert!(first.is_truncated);
    assert_eq!(first.next_key_marker.as_deref(), Some("logs/b"));
    assert_eq!(first.next_upload_id_marker.as_deref(), Some(b1.as_str()));
    let second = list(ListMultipartUploads {
        max_uploads: Some(2),
        key_marker: first.next_key_marker.clone(),
        upload_id_marker: first.next_upload_id_marker.clone(),
        ..ListMultipartUploads::new("mpl")
    });
    assert_eq!(
        second
            .uploads
            .iter()
            .map(|u| u.upload_id.as_str())
            .collect::<Vec<_>>(),
        [b2.as_str(), _c.as_str()]
    );
    // Abort frees the parts; the upload is then unknown.
    call(&s, &AbortMultipartUpload::new("mpl", "logs/a", &a)).unwrap();
    let e = call(&s, &AbortMultipartUpload::new("mpl", "logs/a", &a)).unwrap_err();
    assert!(e.to_string().contains("NoSuchUpload"), "{e}");
    let e = call(
        &s,
        &UploadPart::new("mpl", "logs/a", &a, 1).bytes(b"x".to_vec()),
    )
    .unwrap_err();
    assert!(e.to_string().contains("NoSuchUpload"), "{e}");
    // A bucket with uploads in progress cannot be deleted.
    let r = send(&s, &DeleteBucket::new("mpl").to_request().unwrap());
    assert_eq!((r.status, r.code()), (409, "BucketNotEmpty".into()));
    // An upload id is bound to its key.
    let e = call(&s, &ListParts::new("mpl", "logs/x", &b1)).unwrap_err();
    assert!(e.to_string().contains("NoSuchUpload"), "{e}");
}

#[test]
fn an_upload_in_progress_survives_a_restart_with_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = data(120 * KIB, 7);
    let (id, e1) = {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        create_bucket(&s, "dur");
        let id = initiate(&s, "dur", "big");
        let e1 = upload(&s, "dur", "big", &id, 1, &p1);
        let gone = initiate(&s, "dur", "aborted");
        upload(&s, "dur", "aborted", &gone, 1, b"freed");
        call(&s, &AbortMultipartUpload::new("dur", "aborted", &gone)).unwrap();
        (id, e1)
    };
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let parts = call(&s, &ListParts::new("dur", "big", &id)).unwrap();
    assert_eq!(parts.parts.len(), 1);
    let e2 = upload(&s, "dur", "big", &id, 2, b"end");
    call(
        &s,
        &CompleteMultipartUpload::new("dur", "big", &id)
            .part(1, &e1)
            .part(2, &e2),
    )
    .unwrap();
    assert_eq!(get(&s, "dur", "big").body, [p1.as_slice(), b"end"].concat());
    // Completed and aborted uploads leave no part files behind.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("uploads"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn every_object_is_its_one_null_version() {
    let s = server();
    create_bucket(&s, "vers");
    for k in ["a", "dir/b", "dir/c", "z é"] {
        put(&s, "vers", k, k.as_bytes());
    }
    let all = call(&s, &ListObjectVersions::new("vers")).unwrap();
    let keys: Vec<_> = all
        .versions
        .iter()
        .map(|v| (v.key.as_str(), v.version_id.as_str(), v.is_latest))
        .collect();
    assert_eq!(
        keys,
        [
            ("a", "null", true),
            ("dir/b", "null", true),
            ("dir/c", "null", true),
            ("z é", "null", true)
        ]
    );
    assert!(all.delete_markers.is_empty());
    let grouped = call(
        &s,
        &ListObjectVersions {
            delimiter: Some("/".into()),
            max_keys: Some(2),
            ..ListObjectVersions::new("vers")
        },
    )
    .unwrap();
    assert_eq!(grouped.common_prefixes, ["dir/"]);
    assert!(grouped.is_truncated);
    assert_eq!(grouped.next_key_marker.as_deref(), Some("dir/"));
    let rest = call(
        &s,
        &ListObjectVersions {
            delimiter: Some("/".into()),
            key_marker: grouped.next_key_marker.clone(),
            ..ListObjectVersions::new("vers")
        },
    )
    .unwrap();
    assert_eq!(
        rest.versions
            .iter()
            .map(|v| v.key.as_str())
            .collect::<Vec<_>>(),
        ["z é"]
    );
}

#[test]
fn snapshots_keep_uploads_in_progress() {
    for dir in [None, Some(tempfile::tempdir().unwrap())] {
        let mut config = ServerConfig::new();
        if let Some(d) = &dir {
            config = config.data_dir(d.path());
        }
        let s = start(config).unwrap();
        create_bucket(&s, "snapmp");
        let id = initiate(&s, "snapmp", "k");
        let e1 = upload(&s, "snapmp", "k", &id, 1, b"kept part");
        let snap = s.snapshot().unwrap();
        call(&s, &AbortMultipartUpload::new("snapmp", "k", &id)).unwrap();
        s.restore(&snap).unwrap();
        call(
            &s,
            &CompleteMultipartUpload::new("snapmp", "k", &id).part(1, &e1),
        )
        .unwrap();
        assert_eq!(get(&s, "snapmp", "k").body, b"kept part");
    }
}

#[test]
fn copies_and_appends_are_durable_with_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        create_bucket(&s, "dura");
        put(&s, "dura", "src", b"source bytes");
        call(&s, &CopyObject::new("dura", "copy", "src")).unwrap();
        call(
            &s,
            &AppendObject::new("dura", "log", 0).bytes(b"one ".to_vec()),
        )
        .unwrap();
        call(
            &s,
            &AppendObject::new("dura", "log", 4).bytes(b"two".to_vec()),
        )
        .unwrap();
        // The source may go: the copy has its own bytes.
        call(&s, &DeleteObject::new("dura", "src")).unwrap();
    }
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(get(&s, "dura", "copy").body, b"source bytes");
    let r = get(&s, "dura", "log");
    assert_eq!(r.body, b"one two");
    assert_eq!(r.header("x-oss-object-type"), Some("Appendable"));
    let out = call(
        &s,
        &AppendObject::new("dura", "log", 7).bytes(b"!".to_vec()),
    )
    .unwrap();
    assert_eq!(out.crc64, Some(crc64::checksum(b"one two!")));
}

#[test]
fn append_checks_the_position_and_chains_the_crc() {
    let s = server();
    create_bucket(&s, "apd");
    let out = call(
        &s,
        &AppendObject::new("apd", "log", 0).bytes(b"hello".to_vec()),
    )
    .unwrap();
    assert_eq!(out.next_position, Some(5));
    assert_eq!(out.crc64, Some(crc64::checksum(b"hello")));
    let out = call(
        &s,
        &AppendObject::new("apd", "log", 5).bytes(b" world".to_vec()),
    )
    .unwrap();
    assert_eq!(out.next_position, Some(11));
    assert_eq!(out.crc64, Some(crc64::checksum(b"hello world")));
    let r = send(
        &s,
        &AppendObject::new("apd", "log", 3)
            .bytes(b"!".to_vec())
            .to_request()
            .unwrap(),
    );
    assert_eq!(
        (r.status, r.code()),
        (409, "PositionNotEqualToLength".into())
    );
    assert_eq!(r.header("x-oss-next-append-position"), Some("11"));
    let r = get(&s, "apd", "log");
    assert_eq!(r.body, b"hello world");
    assert_eq!(r.header("x-oss-object-type"), Some("Appendable"));
    // A missing object appends at 0 only; a Normal object is not appendable.
    let r = send(
        &s,
        &AppendObject::new("apd", "new", 4)
            .bytes(b"x".to_vec())
            .to_request()
            .unwrap(),
    );
    assert_eq!(r.header("x-oss-next-append-position"), Some("0"));
    put(&s, "apd", "normal", b"n");
    let r = send(
        &s,
        &AppendObject::new("apd", "normal", 1)
            .bytes(b"x".to_vec())
            .to_request()
            .unwrap(),
    );
    assert_eq!((r.status, r.code()), (409, "ObjectNotAppendable".into()));
    // Sealing ends the appends; the seal time stays that of the first seal.
    let r = send(
        &s,
        &SealAppendObject::new("apd", "log", 3).to_request().unwrap(),
    );
    assert_eq!(
        (r.status, r.code()),
        (409, "PositionNotEqualToLength".into())
    );
    let sealed = call(&s, &SealAppendObject::new("apd", "log", 11))
        .unwrap()
        .sealed_time;
    assert!(sealed.is_some());
    let again = call(&s, &SealAppendObject::new("apd", "log", 11))
        .unwrap()
        .sealed_time;
    assert_eq!(again, sealed);
    assert_eq!(
        get(&s, "apd", "log").header("x-oss-sealed-time"),
        sealed.as_deref()
    );
    let r = send(
        &s,
        &AppendObject::new("apd", "log", 11)
            .bytes(b"!".to_vec())
            .to_request()
            .unwrap(),
    );
    assert_eq!((r.status, r.code()), (409, "ObjectNotAppendable".into()));
    let r = send(
        &s,
        &SealAppendObject::new("apd", "normal", 1)
            .to_request()
            .unwrap(),
    );
    assert_eq!((r.status, r.code()), (409, "ObjectNotAppendable".into()));
    // A PUT replaces an appendable object with a Normal one.
    put(&s, "apd", "log", b"plain");
    assert_eq!(
        get(&s, "apd", "log").header("x-oss-object-type"),
        Some("Normal")
    );
}

#[test]
fn copy_within_and_across_buckets_with_directives_and_conditions() {
    let s = server();
    create_bucket(&s, "src");
    create_bucket(&s, "dst");
    let req = Request::new(Method::Put)
        .bucket("src")
        .key("dir/a b+c.txt")
        .header("Content-Type", "text/plain")
        .header("x-oss-meta-author", "alice")
        .body(ossio_core::Body::Bytes(b"copy me".to_vec()));
    assert_eq!(send(&s, &req).status, 200);
    let etag = get(&s, "src", "dir/a b+c.txt")
        .header("etag")
        .unwrap()
        .to_owned();
    // Within the bucket, metadata copied.
    let out = call(&s, &CopyObject::new("src", "same", "dir/a b+c.txt")).unwrap();
    assert_eq!(out.etag.as_deref(), Some(etag.as_str()));
    let r = get(&s, "src", "same");
    assert_eq!(r.body, b"copy me");
    assert_eq!(r.header("x-oss-meta-author"), Some("alice"));
    assert_eq!(r.header("content-type"), Some("text/plain"));
    // Across buckets, metadata replaced.
    let op = CopyObject::new("dst", "copied", "dir/a b+c.txt")
        .source_bucket("src")
        .metadata_directive(CopyDirective::Replace)
        .meta("team", "storage");
    call(&s, &op).unwrap();
    let r = get(&s, "dst", "copied");
    assert_eq!(r.body, b"copy me");
    assert_eq!(r.header("x-oss-meta-team"), Some("storage"));
    assert_eq!(r.header("x-oss-meta-author"), None);
    // Conditions on the source.
    let failed = CopyObject {
        if_match: Some("\"0000\"".into()),
        ..CopyObject::new("dst", "c2", "dir/a b+c.txt").source_bucket("src")
    };
    let r = send(&s, &failed.to_request().unwrap());
    assert_eq!((r.status, r.code()), (412, "PreconditionFailed".into()));
    let ok = CopyObject {
        if_match: Some(etag.clone()),
        ..CopyObject::new("dst", "c2", "dir/a b+c.txt").source_bucket("src")
    };
    call(&s, &ok).unwrap();
    // A missing source; a version (not served).
    let r = send(
        &s,
        &CopyObject::new("dst", "c3", "missing")
            .to_request()
            .unwrap(),
    );
    assert_eq!((r.status, r.code()), (404, "NoSuchKey".into()));
    let r = send(
        &s,
        &CopyObject::new("dst", "c3", "dir/a b+c.txt")
            .source_bucket("src")
            .source_version_id("v1")
            .to_request()
            .unwrap(),
    );
    // A malformed source version id is refused.
    assert_eq!((r.status, r.code()), (400, "InvalidArgument".into()));
    assert_eq!(get(&s, "dst", "c3").status, 404);
}

#[test]
fn upload_part_copy_takes_a_range_of_the_source() {
    let s = server();
    create_bucket(&s, "pcb");
    let src = data(300 * KIB, 5);
    put(&s, "pcb", "src", &src);
    let id = initiate(&s, "pcb", "dst");
    let first = call(
        &s,
        &UploadPartCopy::new("pcb", "dst", &id, 1, "src").source_range(0, 100 * KIB as u64 - 1),
    )
    .unwrap()
    .etag
    .unwrap();
    let second = call(
        &s,
        &UploadPartCopy {
            source_range: Some((100 * KIB as u64, None)),
            ..UploadPartCopy::new("pcb", "dst", &id, 2, "src")
        },
    )
    .unwrap()
    .etag
    .unwrap();
    assert_eq!(first, format!("\"{}\"", md5_hex(&src[..100 * KIB])));
    call(
        &s,
        &CompleteMultipartUpload::new("pcb", "dst", &id)
            .part(1, &first)
            .part(2, &second),
    )
    .unwrap();
    assert_eq!(get(&s, "pcb", "dst").body, src);
    let r = send(
        &s,
        &UploadPartCopy::new("pcb", "dst2", initiate(&s, "pcb", "dst2"), 1, "src")
            .source_range(400 * KIB as u64, 500 * KIB as u64)
            .to_request()
            .unwrap(),
    );
    assert_eq!(r.status, 416);
}
