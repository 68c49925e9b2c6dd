//! The controls a test suite uses between its tests: reset, snapshot and restore, and the
//! request log.

mod common;

use common::*;
use ossio_core::ops::{GetBucketAcl, ListObjectsV2, PutBucket};
use ossio_core::{Credentials, Method, Request, SignatureVersion};
use ossio_server::{ServerConfig, ServerHandle, start};
use std::time::SystemTime;

fn body(s: &ServerHandle, bucket: &str, key: &str) -> Option<Vec<u8>> {
    let r = send(s, &Request::new(Method::Get).bucket(bucket).key(key));
    (r.status == 200).then_some(r.body)
}

fn snapshot_and_restore(s: &ServerHandle) {
    create_bucket(s, "snap");
    put(s, "snap", "kept", b"version one");
    let snap = s.snapshot().unwrap();
    put(s, "snap", "kept", b"version two, longer");
    put(s, "snap", "added", b"x");
    create_bucket(s, "later");
    s.restore(&snap).unwrap();
    assert_eq!(
        body(s, "snap", "kept").as_deref(),
        Some(&b"version one"[..])
    );
    assert_eq!(body(s, "snap", "added"), None);
    assert_eq!(
        call(s, &GetBucketAcl::new("later"))
            .unwrap_err()
            .as_service()
            .unwrap()
            .code,
        "NoSuchBucket"
    );
    // The same snapshot restores again, after more changes.
    call(s, &ossio_core::ops::DeleteObject::new("snap", "kept")).unwrap();
    s.restore(&snap).unwrap();
    assert_eq!(
        body(s, "snap", "kept").as_deref(),
        Some(&b"version one"[..])
    );
    s.reset().unwrap();
    assert_eq!(
        call(s, &GetBucketAcl::new("snap"))
            .unwrap_err()
            .as_service()
            .unwrap()
            .code,
        "NoSuchBucket"
    );
    // Reset leaves a working server.
    create_bucket(s, "snap");
    put(s, "snap", "kept", b"again");
    assert_eq!(body(s, "snap", "kept").as_deref(), Some(&b"again"[..]));
}

#[test]
fn snapshot_restore_and_reset_in_memory() {
    snapshot_and_restore(&server());
}

#[test]
fn snapshot_restore_and_reset_with_a_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        snapshot_and_restore(&s);
        let snap = s.snapshot().unwrap();
        s.reset().unwrap();
        s.restore(&snap).unwrap();
    }
    // What a restore wrote is durable: a new server on the directory sees it.
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(body(&s, "snap", "kept").as_deref(), Some(&b"again"[..]));
    // Nothing but live objects is left in the directory.
    let files = std::fs::read_dir(dir.path().join("objects"))
        .unwrap()
        .count();
    assert_eq!(files, 2, "one metadata and one data file");
}

#[test]
fn the_request_log_names_each_operation() {
    let s = server();
    let t0 = SystemTime::now();
    call(&s, &PutBucket::new("logged")).unwrap();
    put(&s, "logged", "k", b"x");
    s.faults().fail_next(1, 503, "ServiceUnavailable");
    let _ = call(&s, &ListObjectsV2::new("logged"));
    call(&s, &ListObjectsV2::new("logged")).unwrap();
    let _ = send(
        &s,
        &Request::new(Method::Put)
            .bucket("logged")
            .key("k")
            .query_flag("select"),
    );
    let _ = send_as(
        &s,
        &Request::new(Method::Get).bucket("logged").query_flag("acl"),
        &Credentials::new("someone-else", "x"),
        SignatureVersion::V1,
    );
    let _ = anon(&s, "GET", "/logged/k", b"");
    let log = s.requests();
    let ops: Vec<Option<&str>> = log.iter().map(|r| r.operation).collect();
    assert_eq!(
        ops,
        [
            Some("PutBucket"),
            Some("PutObject"),
            Some("ListObjectsV2"),
            Some("ListObjectsV2"),
            None,
            Some("GetBucketAcl"),
            Some("GetObject"),
        ]
    );
    let statuses: Vec<u16> = log.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 503, 200, 501, 403, 403]);
    assert_eq!(log[2].error_code.as_deref(), Some("ServiceUnavailable"));
    assert_eq!(log[2].fault, Some("fail"));
    assert_eq!(log[3].fault, None);
    assert_eq!(log[0].access_key_id.as_deref(), Some(AK));
    assert_eq!(log[5].access_key_id.as_deref(), Some("someone-else"));
    assert_eq!(log[6].access_key_id, None);
    assert_eq!(log[1].bucket.as_deref(), Some("logged"));
    assert_eq!(log[1].key.as_deref(), Some("k"));
    assert!(log.iter().all(|r| r.time >= t0 && !r.request_id.is_empty()));
    let lists = log
        .iter()
        .filter(|r| r.operation == Some("ListObjectsV2") && r.status == 200)
        .count();
    assert_eq!(lists, 1);
    s.clear_requests();
    assert!(s.requests().is_empty());
}
