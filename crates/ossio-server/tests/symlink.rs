//! Symbolic links: PutSymlink / GetSymlink, and reads through a link.

mod common;

use common::*;
use ossio_core::ops::{DeleteObject, GetObject, GetSymlink, HeadObject, PutSymlink};
use ossio_core::{Method, Request};
use ossio_server::{ServerConfig, start};

#[test]
fn a_link_reads_as_its_target() {
    let s = server();
    create_bucket(&s, "links");
    put(&s, "links", "dir/a b.txt", b"target bytes");
    let mut op = PutSymlink::new("links", "link", "dir/a b.txt");
    op.metadata = vec![("team".into(), "storage".into())];
    call(&s, &op).unwrap();
    let got = call(&s, &GetSymlink::new("links", "link")).unwrap();
    assert_eq!(got.target.map(|t| t.0).as_deref(), Some("dir/a b.txt"));
    assert_eq!(got.metadata, [("team".into(), "storage".into())]);
    let r = send(&s, &Request::new(Method::Get).bucket("links").key("link"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.body, b"target bytes");
    assert_eq!(r.header("x-oss-object-type"), Some("Symlink"));
    let head = call(&s, &HeadObject::new("links", "link")).unwrap();
    assert_eq!(head.meta.object_type.as_deref(), Some("Symlink"));
    assert_eq!(head.meta.content_length, Some(12));
    // GetSymlink on an object that is not a link.
    let err = call(&s, &GetSymlink::new("links", "dir/a b.txt")).unwrap_err();
    assert_eq!(
        err.as_service().map(|e| e.code.as_str()),
        Some("NotSymlink")
    );
}

#[test]
fn a_missing_target_is_404_symlink_target_not_exist() {
    let s = server();
    create_bucket(&s, "links");
    put(&s, "links", "t", b"x");
    call(&s, &PutSymlink::new("links", "link", "t")).unwrap();
    call(&s, &DeleteObject::new("links", "t")).unwrap();
    let err = call(&s, &GetObject::new("links", "link")).unwrap_err();
    let e = err.as_service().unwrap();
    assert_eq!((e.status, e.code.as_str()), (404, "SymlinkTargetNotExist"));
    // The link itself is still there.
    assert!(call(&s, &GetSymlink::new("links", "link")).is_ok());
}

#[test]
fn forbid_overwrite_and_durability() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        create_bucket(&s, "links");
        put(&s, "links", "t", b"durable");
        call(&s, &PutSymlink::new("links", "link", "t")).unwrap();
        let mut again = PutSymlink::new("links", "link", "other");
        again.forbid_overwrite = Some(true);
        let err = call(&s, &again).unwrap_err();
        assert_eq!(
            err.as_service().map(|e| e.code.as_str()),
            Some("FileAlreadyExists")
        );
    }
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let got = call(&s, &GetSymlink::new("links", "link")).unwrap();
    assert_eq!(got.target.map(|t| t.0).as_deref(), Some("t"));
    let r = send(&s, &Request::new(Method::Get).bucket("links").key("link"));
    assert_eq!(r.body, b"durable");
}
