//! Versioning: versions kept on every write while enabled, the `null` version while
//! suspended, reads and deletes by `versionId`, delete markers, ListObjectVersions, and
//! durability with a data directory.

mod common;

use common::*;
use ossio_core::ops::{
    DeleteMultipleObjects, DeleteObject, GetBucketInfo, GetObjectAcl, GetObjectTagging, HeadObject,
    ListObjectVersions, ListObjectsV2, ObjectIdentifier, ObjectTagging, Operation,
    PutBucketVersioning, PutObjectTagging, VersioningStatus,
};
use ossio_core::{Method, Request};
use ossio_server::{ServerConfig, ServerHandle, start};

fn versioned(s: &ServerHandle, bucket: &str) {
    create_bucket(s, bucket);
    call(
        s,
        &PutBucketVersioning::new(bucket, VersioningStatus::Enabled),
    )
    .unwrap();
}

/// PUT `body` and return the version id answered.
fn put_v(s: &ServerHandle, bucket: &str, key: &str, body: &[u8]) -> String {
    put(s, bucket, key, body)
        .header("x-oss-version-id")
        .expect("a version id")
        .to_owned()
}

fn get(s: &ServerHandle, bucket: &str, key: &str, version: Option<&str>) -> Reply {
    let mut req = Request::new(Method::Get).bucket(bucket).key(key);
    if let Some(v) = version {
        req = req.query("versionId", v);
    }
    send(s, &req)
}

fn delete(s: &ServerHandle, bucket: &str, key: &str, version: Option<&str>) -> Reply {
    let mut req = Request::new(Method::Delete).bucket(bucket).key(key);
    if let Some(v) = version {
        req = req.query("versionId", v);
    }
    send(s, &req)
}

/// (key, version id, is latest, is a delete marker) of every listed entry, in answer order
/// (versions first, then markers, as the answer groups them).
fn listed(s: &ServerHandle, bucket: &str) -> Vec<(String, String, bool, bool)> {
    let out = call(s, &ListObjectVersions::new(bucket)).unwrap();
    out.versions
        .iter()
        .map(|v| (v.key.clone(), v.version_id.clone(), v.is_latest, false))
        .chain(
            out.delete_markers
                .iter()
                .map(|m| (m.key.clone(), m.version_id.clone(), m.is_latest, true)),
        )
        .collect()
}

#[test]
fn enabled_keeps_every_version() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "k", b"one");
    let v2 = put_v(&s, "ver", "k", b"two");
    assert_ne!(v1, v2);
    assert_eq!(get(&s, "ver", "k", None).body, b"two");
    let r = get(&s, "ver", "k", Some(&v1));
    assert_eq!((r.status, r.body.as_slice()), (200, &b"one"[..]));
    assert_eq!(r.header("x-oss-version-id"), Some(v1.as_str()));
    assert_eq!(
        get(&s, "ver", "k", None).header("x-oss-version-id"),
        Some(v2.as_str())
    );
    let mut head = HeadObject::new("ver", "k");
    head.version_id = Some(v1.clone());
    let h = call(&s, &head).unwrap();
    assert_eq!(h.meta.version_id.as_deref(), Some(v1.as_str()));
    assert_eq!(h.meta.content_length, Some(3));
    assert_eq!(
        listed(&s, "ver"),
        [
            ("k".into(), v2.clone(), true, false),
            ("k".into(), v1.clone(), false, false)
        ]
    );
    let info = call(&s, &GetBucketInfo::new("ver")).unwrap();
    assert_eq!(info.versioning.as_deref(), Some("Enabled"));
}

#[test]
fn unknown_and_malformed_version_ids() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "k", b"one");
    // A well-formed id of no version.
    delete(&s, "ver", "k", Some(&v1));
    let r = get(&s, "ver", "k", Some(&v1));
    assert_eq!((r.status, r.code()), (404, "NoSuchVersion".to_owned()));
    let r = get(&s, "ver", "k", Some("not a version id!"));
    assert_eq!((r.status, r.code()), (400, "InvalidArgument".to_owned()));
}

#[test]
fn delete_without_version_adds_a_marker() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "k", b"one");
    let r = delete(&s, "ver", "k", None);
    assert_eq!(r.status, 204);
    assert_eq!(r.header("x-oss-delete-marker"), Some("true"));
    let marker = r.header("x-oss-version-id").unwrap().to_owned();
    let r = get(&s, "ver", "k", None);
    assert_eq!((r.status, r.code()), (404, "NoSuchKey".to_owned()));
    assert_eq!(r.header("x-oss-delete-marker"), Some("true"));
    assert_eq!(r.header("x-oss-version-id"), Some(marker.as_str()));
    let err = call(&s, &HeadObject::new("ver", "k")).unwrap_err();
    assert_eq!(err.as_service().map(|e| e.status), Some(404));
    // The marker is the latest; the old version is still there.
    assert_eq!(get(&s, "ver", "k", Some(&v1)).body, b"one");
    let r = get(&s, "ver", "k", Some(&marker));
    assert_eq!(r.status, 405);
    assert_eq!(
        listed(&s, "ver"),
        [
            ("k".into(), v1.clone(), false, false),
            ("k".into(), marker.clone(), true, true)
        ]
    );
    // Not listed by ListObjects.
    let l = call(&s, &ListObjectsV2::new("ver")).unwrap();
    assert!(l.contents.is_empty());
    // Removing the marker brings the object back.
    let r = delete(&s, "ver", "k", Some(&marker));
    assert_eq!(r.status, 204);
    assert_eq!(r.header("x-oss-delete-marker"), Some("true"));
    assert_eq!(r.header("x-oss-version-id"), Some(marker.as_str()));
    assert_eq!(get(&s, "ver", "k", None).body, b"one");
    // Deleting a version for good.
    let r = delete(&s, "ver", "k", Some(&v1));
    assert_eq!(r.status, 204);
    assert_eq!(r.header("x-oss-version-id"), Some(v1.as_str()));
    assert_eq!(r.header("x-oss-delete-marker"), None);
    assert!(listed(&s, "ver").is_empty());
    assert_eq!(get(&s, "ver", "k", None).status, 404);
}

#[test]
fn deleting_the_latest_version_promotes_the_previous() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "k", b"one");
    let v2 = put_v(&s, "ver", "k", b"two");
    assert_eq!(delete(&s, "ver", "k", Some(&v2)).status, 204);
    let r = get(&s, "ver", "k", None);
    assert_eq!(r.body, b"one");
    assert_eq!(r.header("x-oss-version-id"), Some(v1.as_str()));
    let mut d = DeleteObject::new("ver", "k");
    d.version_id = Some(v1.clone());
    let out = call(&s, &d).unwrap();
    assert_eq!(out.version_id.as_deref(), Some(v1.as_str()));
    assert!(!out.delete_marker);
}

#[test]
fn suspended_writes_replace_the_null_version() {
    let s = server();
    create_bucket(&s, "sus");
    put(&s, "sus", "k", b"before");
    call(
        &s,
        &PutBucketVersioning::new("sus", VersioningStatus::Enabled),
    )
    .unwrap();
    let v1 = put_v(&s, "sus", "k", b"enabled");
    call(
        &s,
        &PutBucketVersioning::new("sus", VersioningStatus::Suspended),
    )
    .unwrap();
    assert_eq!(put_v(&s, "sus", "k", b"s1"), "null");
    assert_eq!(put_v(&s, "sus", "k", b"s2"), "null");
    let l = listed(&s, "sus");
    assert_eq!(
        l,
        [
            ("k".into(), "null".into(), true, false),
            ("k".into(), v1.clone(), false, false)
        ]
    );
    assert_eq!(get(&s, "sus", "k", Some("null")).body, b"s2");
    // A delete adds a `null` marker in place of the null version.
    let r = delete(&s, "sus", "k", None);
    assert_eq!(r.header("x-oss-version-id"), Some("null"));
    assert_eq!(r.header("x-oss-delete-marker"), Some("true"));
    assert_eq!(
        listed(&s, "sus"),
        [
            ("k".into(), v1, false, false),
            ("k".into(), "null".into(), true, true)
        ]
    );
    let info = call(&s, &GetBucketInfo::new("sus")).unwrap();
    assert_eq!(info.versioning.as_deref(), Some("Suspended"));
}

#[test]
fn versioning_cannot_be_turned_off_once_enabled() {
    let s = server();
    versioned(&s, "ver");
    let doc = "<VersioningConfiguration></VersioningConfiguration>";
    let req = Request::new(Method::Put)
        .bucket("ver")
        .query("versioning", "")
        .body(ossio_core::Body::Bytes(doc.as_bytes().to_vec()));
    let r = send(&s, &req);
    assert_eq!(r.status, 400, "{}", r.text());
}

#[test]
fn delete_multiple_reports_markers_and_versions() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "a", b"a");
    put_v(&s, "ver", "b", b"b");
    let mut op = DeleteMultipleObjects::new("ver", ["b"]);
    op.objects.push(ObjectIdentifier {
        key: "a".into(),
        version_id: Some(v1.clone()),
    });
    let out = call(&s, &op).unwrap();
    assert_eq!(out.deleted.len(), 2);
    let b = out.deleted.iter().find(|d| d.key == "b").unwrap();
    assert!(b.delete_marker);
    let a = out.deleted.iter().find(|d| d.key == "a").unwrap();
    assert!(!a.delete_marker);
    assert_eq!(a.version_id.as_deref(), Some(v1.as_str()));
    assert_eq!(b.version_id, None);
    let l = listed(&s, "ver");
    assert_eq!(l.len(), 2, "{l:?}");
    let marker = l
        .iter()
        .find(|e| e.0 == "b" && e.3 && e.2)
        .unwrap()
        .1
        .clone();
    // The answer names the marker created, and the marker removed.
    let r = send(&s, &op.to_request().unwrap());
    assert!(r.text().contains("<DeleteMarkerVersionId>"), "{}", r.text());
    let mut rm = DeleteMultipleObjects::new("ver", Vec::<String>::new());
    rm.objects.push(ObjectIdentifier {
        key: "b".into(),
        version_id: Some(marker.clone()),
    });
    let r = send(&s, &rm.to_request().unwrap());
    let text = r.text();
    assert!(
        text.contains(&format!(
            "<DeleteMarkerVersionId>{marker}</DeleteMarkerVersionId>"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("<VersionId>{marker}</VersionId>")),
        "{text}"
    );
}

#[test]
fn acl_and_tags_address_a_version() {
    let s = server();
    versioned(&s, "ver");
    let v1 = put_v(&s, "ver", "k", b"one");
    put_v(&s, "ver", "k", b"two");
    let mut op = PutObjectTagging::new("ver", "k", ObjectTagging::from_pairs([("v", "1")]));
    op.version_id = Some(v1.clone());
    call(&s, &op).unwrap();
    let mut g = GetObjectTagging::new("ver", "k");
    assert!(call(&s, &g).unwrap().tag_set.tags.is_empty());
    g.version_id = Some(v1.clone());
    assert_eq!(call(&s, &g).unwrap().tag_set.tags.len(), 1);
    let req = Request::new(Method::Put)
        .bucket("ver")
        .key("k")
        .query("acl", "")
        .query("versionId", &v1)
        .header("x-oss-object-acl", "public-read");
    assert_eq!(send(&s, &req).status, 200);
    let mut acl = GetObjectAcl::new("ver", "k");
    acl.version_id = Some(v1);
    assert_eq!(call(&s, &acl).unwrap().acl.as_str(), "public-read");
    let latest = call(&s, &GetObjectAcl::new("ver", "k")).unwrap();
    assert_eq!(latest.acl.as_str(), "default");
}

#[test]
fn list_object_versions_pages() {
    let s = server();
    versioned(&s, "ver");
    let a1 = put_v(&s, "ver", "a", b"1");
    let a2 = put_v(&s, "ver", "a", b"2");
    let b1 = put_v(&s, "ver", "b", b"1");
    let mut op = ListObjectVersions::new("ver");
    op.max_keys = Some(1);
    let mut seen = Vec::new();
    loop {
        let out = call(&s, &op).unwrap();
        seen.extend(
            out.versions
                .iter()
                .map(|v| (v.key.clone(), v.version_id.clone())),
        );
        if !out.is_truncated {
            break;
        }
        op.key_marker = out.next_key_marker;
        op.version_id_marker = out.next_version_id_marker;
    }
    assert_eq!(
        seen,
        [
            ("a".to_owned(), a2),
            ("a".to_owned(), a1),
            ("b".to_owned(), b1)
        ]
    );
}

#[test]
fn versions_survive_a_restart_with_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let (v1, marker) = {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        versioned(&s, "ver");
        let v1 = put_v(&s, "ver", "k", b"one");
        put_v(&s, "ver", "k", b"two");
        put_v(&s, "ver", "other", b"x");
        let r = delete(&s, "ver", "k", None);
        (v1, r.header("x-oss-version-id").unwrap().to_owned())
    };
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let l = listed(&s, "ver");
    assert_eq!(l.len(), 4, "{l:?}");
    assert_eq!(get(&s, "ver", "k", Some(&v1)).body, b"one");
    assert_eq!(
        get(&s, "ver", "k", None).header("x-oss-delete-marker"),
        Some("true")
    );
    assert_eq!(get(&s, "ver", "other", None).body, b"x");
    delete(&s, "ver", "k", Some(&marker));
    assert_eq!(get(&s, "ver", "k", None).body, b"two");
    drop(s);
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(get(&s, "ver", "k", None).body, b"two");
    assert_eq!(listed(&s, "ver").len(), 3);
}

#[test]
fn an_unversioned_bucket_answers_no_version_ids() {
    let s = server();
    create_bucket(&s, "plain");
    let r = put(&s, "plain", "k", b"x");
    assert_eq!(r.header("x-oss-version-id"), None);
    assert_eq!(get(&s, "plain", "k", Some("null")).body, b"x");
    let r = delete(&s, "plain", "k", None);
    assert_eq!(r.header("x-oss-delete-marker"), None);
    assert!(listed(&s, "plain").is_empty());
}

#[test]
fn forbid_overwrite_does_not_apply_with_versioning() {
    let s = server();
    versioned(&s, "ver");
    put_v(&s, "ver", "k", b"one");
    let req = Request::new(Method::Put)
        .bucket("ver")
        .key("k")
        .header("x-oss-forbid-overwrite", "true")
        .body(ossio_core::Body::Bytes(b"two".to_vec()));
    let r = send(&s, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(listed(&s, "ver").len(), 2);
}

#[test]
fn a_bucket_with_versions_is_not_empty() {
    let s = server();
    versioned(&s, "ver");
    let v = put_v(&s, "ver", "k", b"one");
    delete(&s, "ver", "k", None);
    let del = Request::new(Method::Delete).bucket("ver");
    let r = send(&s, &del);
    assert_eq!((r.status, r.code()), (409, "BucketNotEmpty".to_owned()));
    let marker = listed(&s, "ver").into_iter().find(|e| e.3).unwrap().1;
    delete(&s, "ver", "k", Some(&v));
    delete(&s, "ver", "k", Some(&marker));
    assert_eq!(send(&s, &del).status, 204);
}

#[test]
fn url_encoded_listing_of_versions() {
    let s = server();
    versioned(&s, "ver");
    put_v(&s, "ver", "a b/c", b"1");
    let req = Request::new(Method::Get)
        .bucket("ver")
        .query("versions", "")
        .query("encoding-type", "url");
    let r = send(&s, &req);
    assert!(r.text().contains("<Key>a%20b%2Fc</Key>"), "{}", r.text());
}

/// A data directory as a crash between the two writes of a change leaves it (the current
/// object's file as before, the history file as after) loads as one state or the other.
#[test]
fn a_crash_between_the_two_writes_leaves_the_old_or_the_new_state() {
    fn history_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir.join("objects"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".history.json"))
            .collect()
    }
    fn current_file(dir: &std::path::Path) -> std::path::PathBuf {
        std::fs::read_dir(dir.join("objects"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let n = p.to_string_lossy();
                n.ends_with(".json") && !n.ends_with(".history.json")
            })
            .unwrap()
    }
    // A delete whose marker was written, but whose current object file was not removed.
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        versioned(&s, "ver");
        put_v(&s, "ver", "k", b"one");
        put_v(&s, "ver", "k", b"two");
        let path = current_file(dir.path());
        let saved = std::fs::read(&path).unwrap();
        delete(&s, "ver", "k", None);
        std::fs::write(path, saved).unwrap();
    }
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(
        get(&s, "ver", "k", None).header("x-oss-delete-marker"),
        Some("true")
    );
    assert_eq!(listed(&s, "ver").len(), 3);
    drop(s);
    // A put whose history was written, but not its new current object.
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        versioned(&s, "ver");
        put_v(&s, "ver", "k", b"one");
        let saved = std::fs::read(current_file(dir.path())).unwrap();
        put_v(&s, "ver", "k", b"two");
        std::fs::write(current_file(dir.path()), saved).unwrap();
    }
    assert_eq!(history_files(dir.path()).len(), 1);
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(get(&s, "ver", "k", None).body, b"one");
    assert_eq!(listed(&s, "ver").len(), 1);
}

#[test]
fn head_of_a_marker_and_snapshots_keep_versions() {
    for dir in [None, Some(tempfile::tempdir().unwrap())] {
        let mut cfg = ServerConfig::new();
        if let Some(d) = &dir {
            cfg = cfg.data_dir(d.path());
        }
        let s = start(cfg).unwrap();
        versioned(&s, "ver");
        let v1 = put_v(&s, "ver", "k", b"one");
        let marker = delete(&s, "ver", "k", None)
            .header("x-oss-version-id")
            .unwrap()
            .to_owned();
        let head = send(&s, &Request::new(Method::Head).bucket("ver").key("k"));
        assert_eq!(head.status, 404);
        assert_eq!(head.header("x-oss-delete-marker"), Some("true"));
        assert_eq!(head.header("x-oss-version-id"), Some(marker.as_str()));
        let snap = s.snapshot().unwrap();
        delete(&s, "ver", "k", Some(&marker));
        delete(&s, "ver", "k", Some(&v1));
        assert!(listed(&s, "ver").is_empty());
        s.restore(&snap).unwrap();
        assert_eq!(
            listed(&s, "ver"),
            [
                ("k".into(), v1.clone(), false, false),
                ("k".into(), marker.clone(), true, true)
            ]
        );
        assert_eq!(get(&s, "ver", "k", Some(&v1)).body, b"one");
    }
}
