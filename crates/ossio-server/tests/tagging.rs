//! Object tags: PutObjectTagging / GetObjectTagging / DeleteObjectTagging, `x-oss-tagging`
//! on PutObject, `x-oss-tagging-count` on reads, OSS's limits and durability.

mod common;

use common::*;
use ossio_core::ops::{
    DeleteObjectTagging, GetObjectTagging, HeadObject, ObjectTag, ObjectTagSet, ObjectTagging,
    PutObject, PutObjectTagging,
};
use ossio_core::{Body, Method, Request};
use ossio_server::{ServerConfig, start};

fn tags(s: &ossio_server::ServerHandle, bucket: &str, key: &str) -> Vec<(String, String)> {
    call(s, &GetObjectTagging::new(bucket, key))
        .unwrap()
        .tag_set
        .tags
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect()
}

#[test]
fn tags_are_put_read_counted_and_deleted() {
    let s = server();
    create_bucket(&s, "tags");
    put(&s, "tags", "k", b"data");
    assert!(tags(&s, "tags", "k").is_empty());
    let mut op = PutObjectTagging::new(
        "tags",
        "k",
        ObjectTagging::from_pairs([("team", "storage"), ("env", "")]),
    );
    call(&s, &op).unwrap();
    assert_eq!(
        tags(&s, "tags", "k"),
        [
            ("team".into(), "storage".into()),
            ("env".into(), String::new())
        ]
    );
    let head = call(&s, &HeadObject::new("tags", "k")).unwrap();
    assert_eq!(head.meta.tagging_count, Some(2));
    // A put replaces the whole set.
    op.tagging = ObjectTagging::from_pairs([("only", "one")]);
    call(&s, &op).unwrap();
    assert_eq!(tags(&s, "tags", "k"), [("only".into(), "one".into())]);
    call(&s, &DeleteObjectTagging::new("tags", "k")).unwrap();
    assert!(tags(&s, "tags", "k").is_empty());
    let head = call(&s, &HeadObject::new("tags", "k")).unwrap();
    assert_eq!(head.meta.tagging_count, None);
    // On a missing object.
    let err = call(&s, &GetObjectTagging::new("tags", "missing")).unwrap_err();
    assert_eq!(err.as_service().map(|e| e.code.as_str()), Some("NoSuchKey"));
}

#[test]
fn put_object_stores_the_tagging_header() {
    let s = server();
    create_bucket(&s, "tags");
    let mut op = PutObject::new("tags", "k").bytes(b"x".to_vec());
    op.tagging = Some("a=1&b%20c=d%26e".into());
    call(&s, &op).unwrap();
    assert_eq!(
        tags(&s, "tags", "k"),
        [("a".into(), "1".into()), ("b c".into(), "d&e".into())]
    );
}

fn raw_tagging(s: &ossio_server::ServerHandle, tags: &[(String, String)]) -> Reply {
    let doc = ObjectTagging {
        tag_set: ObjectTagSet {
            tags: tags
                .iter()
                .map(|(k, v)| ObjectTag::new(k.clone(), v.clone()))
                .collect(),
        },
    }
    .to_xml();
    let req = Request::new(Method::Put)
        .bucket("limits")
        .key("k")
        .query_flag("tagging")
        .body(Body::Bytes(doc.into_bytes()));
    send(s, &req)
}

#[test]
fn the_limits_are_oss_errors() {
    let s = server();
    create_bucket(&s, "limits");
    put(&s, "limits", "k", b"x");
    let eleven: Vec<_> = (0..11).map(|i| (format!("k{i}"), "v".to_owned())).collect();
    let r = raw_tagging(&s, &eleven);
    assert_eq!(
        (r.status, r.code()),
        (400, "BadRequest".into()),
        "{}",
        r.text()
    );
    for bad in [
        vec![("k".repeat(129), "v".to_owned())],
        vec![("k".to_owned(), "v".repeat(257))],
        vec![
            ("d".to_owned(), "1".to_owned()),
            ("d".to_owned(), "2".to_owned()),
        ],
    ] {
        let r = raw_tagging(&s, &bad);
        assert_eq!(
            (r.status, r.code()),
            (400, "InvalidTag".into()),
            "{}",
            r.text()
        );
    }
    // The limits themselves are accepted.
    let ten: Vec<_> = (0..10)
        .map(|i| (format!("{i}{}", "k".repeat(127)), "v".repeat(256)))
        .collect();
    let r = raw_tagging(&s, &ten);
    assert_eq!(r.status, 200, "{}", r.text());
    // And the header is held to the same rules.
    let mut op = PutObject::new("limits", "h").bytes(b"x".to_vec());
    op.tagging = Some("a=1&a=2".into());
    let err = call(&s, &op).unwrap_err();
    assert_eq!(
        err.as_service().map(|e| e.code.as_str()),
        Some("InvalidTag")
    );
}

#[test]
fn tags_survive_a_restart_with_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        create_bucket(&s, "durable");
        put(&s, "durable", "k", b"x");
        call(
            &s,
            &PutObjectTagging::new("durable", "k", ObjectTagging::from_pairs([("a", "1")])),
        )
        .unwrap();
    }
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    assert_eq!(tags(&s, "durable", "k"), [("a".into(), "1".into())]);
}
