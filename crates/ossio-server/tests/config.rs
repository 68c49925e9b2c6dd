//! Bucket configurations served generically: for every configuration family the server
//! classifies from the registry (none is named here), a sample document made from the
//! schema is set through the ossio client, read back as the same value, removed, refused
//! when unreadable, refused to anyone but the owner, and kept across a restart.

mod common;

use common::*;
use ossio::{Client, Credentials, RetryPolicy};
use ossio_core::ops::decl::{Location, OpSchema, TypeRef};
use ossio_core::ops::dynamic::{self, Dyn, ErasedOp};
use ossio_core::ops::sample;
use ossio_core::subresources::Unset;
use ossio_core::{Body, Headers, Request, SignatureVersion};
use ossio_server::config::{ConfigFamily, Document, families};
use ossio_server::{ServerConfig, ServerHandle, start};
use std::time::Duration;

fn client(s: &ServerHandle) -> Client {
    Client::builder(s.region())
        .endpoint(&s.endpoint())
        .credentials(Credentials::new(AK, SK))
        .retry_policy(RetryPolicy::default().max_attempts(1))
        .build()
        .unwrap()
}

/// `value` with `field` set to `v`.
fn with(value: &Dyn, field: &str, v: Dyn) -> Dyn {
    let Dyn::Map(m) = value else {
        panic!("not a map: {value:?}")
    };
    let mut m = m.clone();
    match m.iter_mut().find(|(k, _)| k == field) {
        Some(slot) => slot.1 = v,
        None => m.push((field.to_owned(), v)),
    }
    Dyn::Map(m)
}

/// A sample input of `op` on `bucket`, naming the same configuration as `put` (its
/// identity query parameters take the PUT's values).
fn input_for(op: &OpSchema, bucket: &str, put: Option<(&OpSchema, &Dyn)>) -> Box<dyn ErasedOp> {
    let (mut v, _, _) = sample::input(op).unwrap_or_else(|e| panic!("{}: {e}", op.name));
    for f in op.input.fields {
        match f.location {
            Location::Bucket => v = with(&v, f.name, Dyn::from(bucket)),
            Location::Query(q) => {
                let Some((put_op, put_value)) = put else {
                    continue;
                };
                let same = put_op
                    .input
                    .fields
                    .iter()
                    .find(|pf| pf.location == Location::Query(q));
                if let Some(val) = same.and_then(|pf| put_value.get(pf.name)) {
                    v = with(&v, f.name, val.clone());
                }
            }
            _ => {}
        }
    }
    dynamic::build(op.name, &v).unwrap_or_else(|e| panic!("{}: {e}", op.name))
}

/// The value without the output's headers (the request id differs per call).
fn without_headers(op: &OpSchema, v: &Dyn) -> Dyn {
    let Dyn::Map(m) = v else { return v.clone() };
    Dyn::Map(
        m.iter()
            .filter(|(k, _)| {
                !op.output.fields.iter().any(|f| {
                    f.name == k
                        && matches!(f.location, Location::Header(_) | Location::HeaderPrefix(_))
                })
            })
            .cloned()
            .collect(),
    )
}

/// The document a GET answered, written again by the core: what the PUT sent, if the
/// server returned it exactly.
fn document_of(get: &dyn ErasedOp, out: &Dyn) -> Vec<u8> {
    get.response_for(out)
        .unwrap_or_else(|e| panic!("{}: {e}", get.schema().name))
        .body
}

/// Checks a GET of a configuration never set (or deleted) answers the core's fact.
fn expect_unset(c: &Client, f: &ConfigFamily, get: &dyn ErasedOp) {
    let name = f.get.name;
    match f.unset() {
        Unset::Document(d) => {
            let out = c
                .send_dyn(get)
                .unwrap_or_else(|e| panic!("{name} before any PUT: {e}"));
            let headers = Headers::new();
            let want = get
                .parse_response(&ossio_core::Response::new(200, &headers, d.as_bytes()))
                .unwrap_or_else(|e| panic!("{name}: the default document reads: {e}"));
            assert_eq!(
                without_headers(f.get, &out),
                without_headers(f.get, &want),
                "{name}: the default document"
            );
        }
        Unset::Error { status, code, .. } => {
            let e = c.send_dyn(get).expect_err(name);
            assert_eq!(e.status(), Some(status), "{name}: {e}");
            assert_eq!(e.code(), Some(&*code), "{name}: {e}");
        }
    }
}

/// A path-style target for `req` (for unsigned requests).
fn target(req: &Request) -> String {
    let q: Vec<String> = req
        .query
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!(
                "{}={}",
                ossio_core::encoding::encode_component(k),
                ossio_core::encoding::encode_component(v)
            ),
            None => ossio_core::encoding::encode_component(k),
        })
        .collect();
    format!("/{}/?{}", req.bucket.as_deref().unwrap_or(""), q.join("&"))
}

/// The PUT request with another body (and the body's own Content-MD5).
fn with_body(req: &Request, body: &[u8]) -> Request {
    let mut r = req.clone();
    r.headers.remove("content-md5");
    if !body.is_empty() {
        r.headers
            .insert("Content-MD5", ossio_core::ops::content_md5(body));
        r.body = Body::Bytes(body.to_vec());
    } else {
        r.body = Body::Empty;
    }
    r
}

/// The top-level fields of a document: a document or body field's value, or the XML
/// fields of an input or output at its own root, in declaration order.
fn document_parts(
    s: &'static ossio_core::ops::decl::StructSchema,
    v: &Dyn,
) -> Option<Result<Dyn, Vec<Dyn>>> {
    if let Some(f) = s
        .fields
        .iter()
        .find(|f| matches!(f.location, Location::Document | Location::Body))
    {
        return Some(Ok(v.get(f.name)?.clone()));
    }
    Some(Err(s
        .fields
        .iter()
        .filter(|f| matches!(f.location, Location::Xml(_)))
        .map(|f| v.get(f.name).cloned().unwrap_or_default())
        .collect()))
}

/// The request body of a PUT value that breaks a rule, written without checking the rules:
/// a raw body is the text itself; an XML document is written by the GET's side, which has
/// the same shape.
fn unchecked_body(k: &Case, bad: &Dyn) -> Option<Vec<u8>> {
    let doc = document_parts(k.family.put.input, bad)?;
    if k.family.document == Document::Raw {
        return match doc.ok()? {
            Dyn::Str(t) => Some(t.into_bytes()),
            Dyn::Bytes(b) => Some(b),
            _ => None,
        };
    }
    let get = k.family.get.output;
    let mut out = Vec::new();
    let body_field = get
        .fields
        .iter()
        .find(|f| matches!(f.location, Location::Document | Location::Body));
    let values: Vec<Dyn> = match (&doc, body_field) {
        (Ok(d), Some(_)) => vec![d.clone()],
        (Ok(Dyn::Map(m)), None) => m.iter().map(|(_, v)| v.clone()).collect(),
        (Err(vs), None) => vs.clone(),
        _ => return None,
    };
    let mut values = values.into_iter();
    for f in get.fields {
        match f.location {
            Location::Header("x-oss-request-id") => {
                out.push((f.name.to_owned(), Dyn::from("0")));
            }
            Location::Document | Location::Body | Location::Xml(_) => {
                out.push((f.name.to_owned(), values.next()?));
            }
            _ => {}
        }
    }
    Some(k.get.response_for(&Dyn::Map(out)).ok()?.body)
}

struct Case {
    family: &'static ConfigFamily,
    bucket: String,
    put: Box<dyn ErasedOp>,
    get: Box<dyn ErasedOp>,
}

fn case(i: usize, family: &'static ConfigFamily) -> Case {
    let bucket = format!("cfg-{i}-{}", family.sub_resources.join("-").to_lowercase());
    let bucket: String = bucket.chars().take(63).collect();
    let put = input_for(family.put, &bucket, None);
    let get = input_for(family.get, &bucket, Some((family.put, &put.input())));
    Case {
        family,
        bucket,
        put,
        get,
    }
}

fn check_same_document(c: &Case, out: &Dyn) {
    let name = c.family.get.name;
    let sent = c.put.to_request().unwrap();
    let sent = sent.body.as_bytes().unwrap_or(&[]).to_vec();
    assert_eq!(
        String::from_utf8_lossy(&document_of(&*c.get, out)),
        String::from_utf8_lossy(&sent),
        "{name} answers the document {} set",
        c.family.put.name
    );
    // Where the GET names the document as the PUT does, the values are the same too.
    for f in c.family.put.input.fields {
        if matches!(f.location, Location::Document | Location::Body) {
            if let Some(got) = out.get(f.name) {
                let put_value = c.put.input();
                let want = put_value.get(f.name).unwrap();
                if matches!(f.ty, TypeRef::Struct(_)) {
                    assert_eq!(got, want, "{name}: {}", f.name);
                }
            }
        }
    }
}

#[test]
fn families_are_classified() {
    // Today's registry has at least versioning; every family is bucket-level and served.
    assert!(
        families().iter().any(|f| f.sub_resources == ["versioning"]),
        "versioning is a configuration family"
    );
    for f in families() {
        for op in f.ops() {
            assert!(ossio_server::serves(op.name), "{}", op.name);
        }
    }
    assert!(!ossio_server::config::serves("PutBucketAcl"));
}

#[test]
fn every_configuration_family_is_stored_validated_and_returned_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let c = client(&s);
    let cases: Vec<Case> = families()
        .iter()
        .enumerate()
        .map(|(i, f)| case(i, f))
        .collect();
    for k in &cases {
        let f = k.family;
        create_bucket(&s, &k.bucket);
        // Never set: what OSS answers.
        expect_unset(&c, f, &*k.get);
        // Set, then read back exactly.
        c.send_dyn(&*k.put)
            .unwrap_or_else(|e| panic!("{}: {e}", f.put.name));
        let out = c
            .send_dyn(&*k.get)
            .unwrap_or_else(|e| panic!("{}: {e}", f.get.name));
        check_same_document(k, &out);
        let raw = send(&s, &k.get.to_request().unwrap());
        assert_eq!(raw.status, 200, "{}", raw.text());
        if let Document::Xml(root) = f.document {
            assert_eq!(raw.header("content-type"), Some("application/xml"));
            assert!(raw.text().contains(&format!("<{root}")), "{}", raw.text());
        }

        // Refused: a document that is not one, anonymous callers, unknown keys.
        let put_req = k.put.to_request().unwrap();
        let bad: &[u8] = match f.document {
            Document::Xml(_) => b"<this is not XML",
            Document::Raw => b"",
        };
        let r = send(&s, &with_body(&put_req, bad));
        assert_eq!(r.status, 400, "{}: {}", f.put.name, r.text());
        if let Document::Xml(_) = f.document {
            assert_eq!(r.code(), "MalformedXML", "{}", f.put.name);
        }
        // A readable document that breaks a declared rule: 400 InvalidArgument naming the
        // field (when the sample maker finds one for this document).
        let doc_field = f
            .put
            .input
            .fields
            .iter()
            .find(|x| {
                matches!(
                    x.location,
                    Location::Document | Location::Body | Location::Xml(_)
                )
            })
            .map(|x| x.name);
        let broken = doc_field.and_then(|d| sample::invalid_input(f.put, d));
        if let Some((bad, refusal)) = broken {
            let bad = with(&bad, "bucket", Dyn::from(k.bucket.as_str()));
            // (A document over the server's 1 MiB limit is EntityTooLarge before its rules
            // are read: too many lifecycle rules, say.)
            if let Some(bytes) = unchecked_body(k, &bad).filter(|b| b.len() <= 1 << 20) {
                let r = send(&s, &with_body(&put_req, &bytes));
                assert_eq!(
                    (r.status, r.code().as_str()),
                    (400, "InvalidArgument"),
                    "{}: {}",
                    f.put.name,
                    r.text()
                );
                let named = r
                    .error()
                    .details
                    .iter()
                    .any(|(k, v)| k == "ArgumentName" && *v == refusal.field);
                assert!(
                    named,
                    "{}: names {}: {}",
                    f.put.name,
                    refusal.field,
                    r.text()
                );
            }
        }
        // A body that is not the one its Content-MD5 describes.
        if let Some(md5) = put_req.headers.get("content-md5") {
            let mut tampered = with_body(&put_req, b"<x/>");
            tampered.headers.insert("Content-MD5", md5);
            let r = send(&s, &tampered);
            assert_eq!(
                (r.status, r.code().as_str()),
                (400, "InvalidDigest"),
                "{}",
                r.text()
            );
        }
        let body = put_req.body.as_bytes().unwrap_or(&[]);
        let r = anon(&s, put_req.method.as_str(), &target(&put_req), body);
        assert_eq!(r.status, 403, "{}: {}", f.put.name, r.text());
        let get_req = k.get.to_request().unwrap();
        let r = anon(&s, "GET", &target(&get_req), b"");
        assert_eq!(r.status, 403, "{}: {}", f.get.name, r.text());
        let stranger = Credentials::new("someone-else", "their-secret");
        let r = send_as(&s, &get_req, &stranger, SignatureVersion::V4);
        assert_eq!(r.status, 403, "{}: {}", f.get.name, r.text());
        // The refusals changed nothing.
        let again = c.send_dyn(&*k.get).unwrap();
        check_same_document(k, &again);

        // Removed, when the API can.
        if let Some(del) = f.delete {
            let d = input_for(del, &k.bucket, Some((k.family.put, &k.put.input())));
            let r = send(&s, &d.to_request().unwrap());
            assert_eq!(r.status, 204, "{}: {}", del.name, r.text());
            c.send_dyn(&*d)
                .unwrap_or_else(|e| panic!("{}: {e}", del.name));
            expect_unset(&c, f, &*k.get);
            c.send_dyn(&*k.put).unwrap();
        }
        // A missing bucket is one.
        let missing = input_for(
            f.get,
            "cfg-no-such-bucket",
            Some((k.family.put, &k.put.input())),
        );
        let e = c.send_dyn(&*missing).expect_err("no bucket");
        assert_eq!(e.code(), Some("NoSuchBucket"), "{e}");
    }

    // Snapshots carry configurations; a reset drops them and a restore brings them back.
    let snap = s.snapshot().unwrap();
    s.reset().unwrap();
    s.restore(&snap).unwrap();
    for k in &cases {
        let out = c.send_dyn(&*k.get).unwrap();
        check_same_document(k, &out);
    }

    // A restart with the same data directory keeps them.
    drop(c);
    drop(s);
    std::thread::sleep(Duration::from_millis(50));
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let c = client(&s);
    for k in &cases {
        let get = input_for(
            k.family.get,
            &k.bucket,
            Some((k.family.put, &k.put.input())),
        );
        let out = c
            .send_dyn(&*get)
            .unwrap_or_else(|e| panic!("{} after a restart: {e}", k.family.get.name));
        check_same_document(k, &out);
        // Deleting the bucket drops its configurations.
        c.send_dyn(
            &*dynamic::build(
                "DeleteBucket",
                &Dyn::map([("bucket", Dyn::from(k.bucket.as_str()))]),
            )
            .unwrap(),
        )
        .unwrap();
        create_bucket(&s, &k.bucket);
        expect_unset(&c, k.family, &*get);
    }
}

#[test]
fn an_older_data_directory_without_configurations_loads() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
        create_bucket(&s, "cfg-old");
    }
    // Strip the field a server before configurations did not write.
    let path = dir.path().join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let bucket = state["buckets"]["cfg-old"].as_object_mut().unwrap();
    assert!(bucket.remove("configs").is_some());
    std::fs::write(&path, serde_json::to_vec(&state).unwrap()).unwrap();
    let s = start(ServerConfig::new().data_dir(dir.path())).unwrap();
    let c = client(&s);
    for f in families() {
        let put = input_for(f.put, "cfg-old", None);
        let get = input_for(f.get, "cfg-old", Some((f.put, &put.input())));
        expect_unset(&c, f, &*get);
    }
}
