//! `ossio api <operation>` end to end, exit codes, and `--dry-run`.

mod common;

use common::*;
use ossio_core::ops::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::dynamic::Dyn;
use ossio_core::ops::{
    CreateAccessPoint, NetworkOrigin, OPERATIONS, Operation, PutBucketAcl, sample,
};
use ossio_core::{Acl, Config, Credentials, Signer};
use std::collections::BTreeSet;

/// The subcommands `ossio api --help` lists.
fn listed_operations() -> BTreeSet<String> {
    let help = run(bare(std::env::temp_dir().as_path()).args(["api", "--help"]));
    help.ok();
    let mut ops = BTreeSet::new();
    let mut in_commands = false;
    for line in help.stdout.lines() {
        if line.starts_with("Commands:") {
            in_commands = true;
            continue;
        }
        if in_commands {
            let Some(name) = line.split_whitespace().next() else {
                break;
            };
            if !line.starts_with("  ") {
                break;
            }
            if name != "help" && name.contains('-') {
                ops.insert(name.to_owned());
            }
        }
    }
    ops
}

/// The flags the registry says `field` gets, by the rules the CLI README documents.
fn expected_flags(f: &FieldSchema) -> Vec<String> {
    let kebab = f.name.replace('_', "-");
    let scalar = |t: &TypeRef| {
        !matches!(
            t,
            TypeRef::Struct(_) | TypeRef::List(_) | TypeRef::Map | TypeRef::Body
        )
    };
    let forms: &[&str] = match (f.location, f.ty) {
        (Location::Body, _) => &["", "-file"],
        (_, TypeRef::List(inner)) if scalar(inner) => &["", "-json"],
        (_, TypeRef::Map) => &["", "-json"],
        (_, t) if scalar(&t) => &[""],
        _ => &["-json"],
    };
    forms.iter().map(|s| format!("--{kebab}{s} ")).collect()
}

fn input_fields(s: &'static StructSchema, out: &mut Vec<&'static FieldSchema>) {
    for f in s.fields {
        match (f.location, f.ty) {
            (Location::Flatten, TypeRef::Struct(inner)) => input_fields(inner, out),
            _ => out.push(f),
        }
    }
}

#[test]
fn every_registered_operation_has_a_subcommand_with_its_flags() {
    let home = tempfile::tempdir().unwrap();
    let kebabs: BTreeSet<String> = OPERATIONS.iter().map(|o| o.kebab.to_owned()).collect();
    assert_eq!(listed_operations(), kebabs);
    for op in OPERATIONS.iter() {
        let help = run(bare(home.path()).args(["api", op.kebab, "--help"]));
        help.ok();
        let text = &help.stdout;
        assert!(text.starts_with(&format!("{}: ", op.name)), "{text}");
        let mut fields = Vec::new();
        input_fields(op.input, &mut fields);
        for f in fields {
            for flag in expected_flags(f) {
                assert!(text.contains(&flag), "{} has {flag}: {text}", op.name);
            }
            if let TypeRef::Enum(e) = f.ty {
                let values = format!("[possible values: {}]", e.values.join(", "));
                assert!(text.contains(&values), "{} {}: {text}", op.name, f.name);
            }
        }
        assert!(text.contains("--input <FILE>"), "{text}");
    }
}

#[test]
fn every_api_subcommand() {
    let f = Fixture::new();
    let mut used = BTreeSet::new();
    let mut api = |args: &[&str]| -> serde_json::Value {
        used.insert(args[0].to_owned());
        let mut full = vec!["api"];
        full.extend_from_slice(args);
        f.json(&full)
    };
    let ap = |op: &'static str, name: &'static str| -> Vec<&'static str> {
        vec![op, "--bucket", "cli-api", "--access-point-name", name]
    };

    // Buckets.
    let v = api(&[
        "put-bucket",
        "--bucket",
        "cli-api",
        "--acl",
        "private",
        "--storage-class",
        "Standard",
    ]);
    assert!(!v["request_id"].as_str().unwrap().is_empty());
    for i in 0..3 {
        api(&["put-bucket", "--bucket", &format!("cli-page-{i}")]);
    }
    // Every page is fetched and the lists joined.
    let v = api(&["list-buckets", "--max-keys", "2"]);
    let names: Vec<&str> = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["cli-api", "cli-page-0", "cli-page-1", "cli-page-2"]);
    assert_eq!(v["is_truncated"], false);
    let v = api(&["list-buckets", "--max-keys", "2", "--no-paginate"]);
    assert_eq!(v["buckets"].as_array().unwrap().len(), 2);
    assert_eq!(v["is_truncated"], true);
    assert_eq!(v["next_marker"], "cli-page-0");
    let v = api(&["get-bucket-info", "--bucket", "cli-api"]);
    assert_eq!(v["name"], "cli-api");
    assert_eq!(v["acl"], "private");
    api(&[
        "put-bucket-acl",
        "--bucket",
        "cli-api",
        "--acl",
        "public-read",
    ]);
    let v = api(&["get-bucket-acl", "--bucket", "cli-api"]);
    assert_eq!(v["acl"], "public-read");
    assert!(v["owner_id"].is_string());

    // Access points, listed one per page.
    let mut create = ap("create-access-point", "ap-01");
    create.extend([
        "--network-origin",
        "vpc",
        "--vpc-id",
        "vpc-t4nlw426y44rd3iq4xxxx",
    ]);
    let v = api(&create);
    assert!(
        v["access_point_arn"]
            .as_str()
            .unwrap()
            .ends_with("accesspoint/ap-01")
    );
    assert!(v["alias"].as_str().unwrap().starts_with("ap-01-"));
    let mut create = ap("create-access-point", "ap-02");
    create.extend(["--network-origin", "internet"]);
    api(&create);
    let v = api(&ap("get-access-point", "ap-01"));
    assert_eq!(v["access_point_name"], "ap-01");
    assert_eq!(v["network_origin"], "vpc");
    assert_eq!(v["vpc_id"], "vpc-t4nlw426y44rd3iq4xxxx");
    let v = api(&["list-access-points", "--max-keys", "1"]);
    let aps: Vec<&str> = v["access_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["access_point_name"].as_str().unwrap())
        .collect();
    assert_eq!(aps, ["ap-01", "ap-02"], "all pages: {v}");
    let v = api(&["list-access-points", "--bucket", "cli-api"]);
    assert_eq!(v["access_points"].as_array().unwrap().len(), 2);

    let policy_file = f.path("policy.json");
    let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["1234567890123456"],"Resource":["acs:oss:cn-hangzhou:1234567890123456:accesspoint/ap-01/object/*"]}]}"#;
    std::fs::write(&policy_file, policy).unwrap();
    let mut put = ap("put-access-point-policy", "ap-01");
    put.extend(["--body-file", policy_file.to_str().unwrap()]);
    api(&put);
    let v = api(&ap("get-access-point-policy", "ap-01"));
    assert_eq!(v["body"], policy);
    api(&ap("delete-access-point-policy", "ap-01"));
    let mut get = vec!["api"];
    get.extend(ap("get-access-point-policy", "ap-01"));
    f.run(&get).code(3);

    let mut put = ap("put-access-point-public-access-block", "ap-01");
    put.extend(["--block-public-access", "false"]);
    api(&put);
    let v = api(&ap("get-access-point-public-access-block", "ap-01"));
    assert_eq!(v["block_public_access"], false);
    api(&ap("delete-access-point-public-access-block", "ap-01"));

    // Objects.
    let body = f.path("body.txt");
    std::fs::write(&body, b"hello from the command line\n").unwrap();
    let v = api(&[
        "put-object",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
        "--body-file",
        body.to_str().unwrap(),
        "--content-type",
        "text/plain",
        "--metadata",
        "author=alice",
    ]);
    assert_eq!(v["hash_crc64"], crc64(b"hello from the command line\n"));
    let v = api(&["head-object", "--bucket", "cli-api", "--key", "dir/a.txt"]);
    assert_eq!(v["content_length"], 28);
    assert_eq!(v["content_type"], "text/plain");
    assert_eq!(v["metadata"]["author"], "alice");
    let out = f.path("out.txt");
    let v = api(&[
        "get-object",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
        "--outfile",
        out.to_str().unwrap(),
    ]);
    assert_eq!(v["content_length"], 28);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"hello from the command line\n"
    );
    let v = api(&[
        "get-object",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
        "--outfile",
        out.to_str().unwrap(),
        "--range-header",
        "6-9",
    ]);
    assert_eq!(v["content_range"], "bytes 6-9/28");
    assert_eq!(std::fs::read(&out).unwrap(), b"from");
    api(&[
        "put-object-acl",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
        "--acl",
        "public-read-write",
    ]);
    let v = api(&[
        "get-object-acl",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
    ]);
    assert_eq!(v["acl"], "public-read-write");
    for k in ["dir/b.txt", "dir/c.txt", "top.txt"] {
        api(&["put-object", "--bucket", "cli-api", "--key", k]);
    }
    let v = api(&["list-objects-v2", "--bucket", "cli-api", "--max-keys", "1"]);
    assert_eq!(
        v["contents"].as_array().unwrap().len(),
        4,
        "every page: {v}"
    );
    let v = api(&["list-objects", "--bucket", "cli-api", "--max-keys", "3"]);
    assert_eq!(
        v["contents"].as_array().unwrap().len(),
        4,
        "every page: {v}"
    );
    let v = api(&[
        "get-object-meta",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
    ]);
    assert_eq!(v["content_length"], 28);
    assert_eq!(v["hash_crc64"], crc64(b"hello from the command line\n"));
    // Tags and symbolic links.
    api(&[
        "put-object-tagging",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
        "--tagging-json",
        r#"{"tag_set": {"tags": [{"key": "team", "value": "storage"}]}}"#,
    ]);
    let v = api(&[
        "get-object-tagging",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
    ]);
    assert_eq!(v["tag_set"]["tags"][0]["key"], "team", "{v}");
    api(&[
        "delete-object-tagging",
        "--bucket",
        "cli-api",
        "--key",
        "dir/a.txt",
    ]);
    api(&[
        "put-symlink",
        "--bucket",
        "cli-api",
        "--key",
        "link",
        "--target",
        "dir/a.txt",
    ]);
    let v = api(&["get-symlink", "--bucket", "cli-api", "--key", "link"]);
    assert_eq!(v["target"], "dir/a.txt");
    api(&["delete-object", "--bucket", "cli-api", "--key", "link"]);
    let v = api(&["get-bucket-location", "--bucket", "cli-api"]);
    assert_eq!(v["location"], format!("oss-{}", f.server.region()));
    let v = api(&["list-objects-v2", "--bucket", "cli-api", "--delimiter", "/"]);
    assert_eq!(v["common_prefixes"], serde_json::json!(["dir/"]));
    assert_eq!(v["contents"][0]["key"], "top.txt");
    // Multipart uploads (a part copied from an object), copies and appends.
    let mp = |op: &'static str, id: &str, extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = [op, "--bucket", "cli-api", "--key", "mp.bin"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if !id.is_empty() {
            a.extend(["--upload-id".to_owned(), id.to_owned()]);
        }
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let v = api(&refs(&mp("initiate-multipart-upload", "", &[])));
    let id = v["upload_id"].as_str().unwrap().to_owned();
    let part = f.path("part.bin");
    std::fs::write(&part, vec![7u8; 100 * 1024]).unwrap();
    let v = api(&refs(&mp(
        "upload-part",
        &id,
        &["--part-number", "1", "--body-file", part.to_str().unwrap()],
    )));
    let e1 = v["etag"].as_str().unwrap().to_owned();
    let v = api(&refs(&mp(
        "upload-part-copy",
        &id,
        &["--part-number", "2", "--source-key", "dir/a.txt"],
    )));
    let e2 = v["etag"].as_str().unwrap().to_owned();
    let v = api(&refs(&mp("list-parts", &id, &["--max-parts", "1"])));
    assert_eq!(v["parts"].as_array().unwrap().len(), 2, "every page: {v}");
    let v = api(&["list-multipart-uploads", "--bucket", "cli-api"]);
    assert_eq!(v["uploads"][0]["upload_id"], id.as_str());
    let parts = serde_json::json!({"parts": [
        {"part_number": 1, "etag": e1},
        {"part_number": 2, "etag": e2},
    ]})
    .to_string();
    let v = api(&refs(&mp(
        "complete-multipart-upload",
        &id,
        &["--complete-multipart-upload-json", &parts],
    )));
    assert!(v["etag"].as_str().unwrap().ends_with("-2\""), "{v}");
    let v = api(&["head-object", "--bucket", "cli-api", "--key", "mp.bin"]);
    assert_eq!(v["content_length"], 100 * 1024 + 28);
    assert_eq!(v["object_type"], "Multipart");
    let v = api(&refs(&mp("initiate-multipart-upload", "", &[])));
    let gone = v["upload_id"].as_str().unwrap().to_owned();
    api(&refs(&mp("abort-multipart-upload", &gone, &[])));
    api(&[
        "copy-object",
        "--bucket",
        "cli-api",
        "--key",
        "copy.txt",
        "--source-key",
        "dir/a.txt",
    ]);
    let v = api(&["head-object", "--bucket", "cli-api", "--key", "copy.txt"]);
    assert_eq!(v["content_length"], 28);
    for (pos, text) in [("0", "abc"), ("3", "def")] {
        let v = api(&[
            "append-object",
            "--bucket",
            "cli-api",
            "--key",
            "log.txt",
            "--position",
            pos,
            "--body",
            text,
        ]);
        assert!(v["next_position"].is_number(), "{v}");
    }
    assert_eq!(v_len(&f, "log.txt"), 6);
    let v = api(&[
        "seal-append-object",
        "--bucket",
        "cli-api",
        "--key",
        "log.txt",
        "--position",
        "6",
    ]);
    assert!(v["sealed_time"].is_string(), "{v}");
    let v = api(&[
        "list-object-versions",
        "--bucket",
        "cli-api",
        "--max-keys",
        "1",
    ]);
    assert_eq!(v["version"].as_array().unwrap().len(), 7, "every page: {v}");
    for k in ["mp.bin", "copy.txt", "log.txt"] {
        api(&["delete-object", "--bucket", "cli-api", "--key", k]);
    }
    api(&["delete-object", "--bucket", "cli-api", "--key", "top.txt"]);
    let v = api(&[
        "delete-multiple-objects",
        "--bucket",
        "cli-api",
        "--objects-json",
        r#"[{"key": "dir/a.txt"}, {"key": "dir/b.txt"}, {"key": "dir/c.txt"}]"#,
    ]);
    assert_eq!(v["deleted_objects"].as_array().unwrap().len(), 3);
    let v = api(&["list-objects-v2", "--bucket", "cli-api"]);
    assert_eq!(v["contents"], serde_json::json!([]));

    // Every bucket configuration the server serves generically (classified from the
    // registry), exercised with flags built from a sample value of its schema.
    api(&["put-bucket", "--bucket", "cli-cfg"]);
    for family in ossio_server::config::families() {
        let call = |op: &'static OpSchema| {
            let (flags, value) = sample_flags(&f, op, "cli-cfg", Some(family.put));
            let mut args = vec!["api".to_owned(), op.kebab.to_owned()];
            args.extend(flags);
            (args, value)
        };
        let (put_args, put_value) = call(family.put);
        api(&refs(&put_args)[1..]);
        let (get_args, _) = call(family.get);
        let got = api(&refs(&get_args)[1..]);
        assert_eq!(
            document_values(family.get, &got),
            put_document_values(family.put, &put_value),
            "{} answers what {} set: {got}",
            family.get.name,
            family.put.name
        );
        if let Some(del) = family.delete {
            api(&refs(&call(del).0)[1..]);
            let after = f.run(&refs(&get_args));
            match family.unset() {
                ossio_core::subresources::Unset::Document(_) => after.ok(),
                ossio_core::subresources::Unset::Error { .. } => after.code(3),
            };
        }
    }
    // A CORS preflight, answered from the rules just set.
    api(&[
        "put-bucket-cors",
        "--bucket",
        "cli-cfg",
        "--cors-configuration-json",
        r#"{"cors_rules": [{"allowed_origins": ["https://*.example.com"],
            "allowed_methods": ["GET", "PUT"], "allowed_headers": ["x-oss-*"],
            "max_age_seconds": 60}]}"#,
    ]);
    let v = api(&[
        "option-object",
        "--bucket",
        "cli-cfg",
        "--key",
        "page.html",
        "--origin",
        "https://www.example.com",
        "--access-control-request-method",
        "PUT",
        "--access-control-request-headers",
        "x-oss-meta-a",
    ]);
    assert_eq!(
        v["access_control_allow_origin"], "https://www.example.com",
        "{v}"
    );
    assert_eq!(v["access_control_allow_methods"], "GET, PUT", "{v}");
    assert_eq!(v["access_control_max_age"], 60, "{v}");
    api(&["delete-bucket-cors", "--bucket", "cli-cfg"]);
    api(&["delete-bucket", "--bucket", "cli-cfg"]);

    api(&ap("delete-access-point", "ap-01"));
    api(&ap("delete-access-point", "ap-02"));
    api(&["delete-bucket", "--bucket", "cli-api"]);
    f.run(&["api", "get-bucket-info", "--bucket", "cli-api"])
        .code(3);

    // Every subcommand ossio-server serves is exercised live (the rest answer 501 there;
    // their flags are checked against the registry above).
    let served: BTreeSet<String> = OPERATIONS
        .iter()
        .filter(|o| ossio_server::serves(o.name))
        .map(|o| o.kebab.to_owned())
        .collect();
    assert_eq!(used, served, "every served api subcommand is exercised");
    assert!(used.is_subset(&listed_operations()));
}

/// A sample value of `op` (from its schema) on `bucket` as `ossio api` flags: plain flags
/// for scalars, `--<field>-json` for documents, lists and maps, inline text for a body. The
/// query parameters `op` shares with `put` take the PUT sample's values. Returns the flags
/// and the value.
fn sample_flags(
    f: &Fixture,
    op: &'static OpSchema,
    bucket: &str,
    put: Option<&'static OpSchema>,
) -> (Vec<String>, Dyn) {
    let (value, _, _) = sample::input(op).unwrap_or_else(|e| panic!("{}: {e}", op.name));
    let put_value = put.map(|p| sample::input(p).unwrap().0);
    let help = run(f.bare().args(["api", op.kebab, "--help"])).stdout;
    let mut fields = Vec::new();
    input_fields(op.input, &mut fields);
    let mut out = Vec::new();
    let mut used = Vec::new();
    for field in fields {
        let mut v = value.get(field.name).cloned().unwrap_or_default();
        match field.location {
            Location::Bucket => v = Dyn::from(bucket),
            Location::Query(q) => {
                let same = put.and_then(|p| {
                    p.input
                        .fields
                        .iter()
                        .find(|pf| pf.location == Location::Query(q))
                });
                if let (Some(pf), Some(pv)) = (same, &put_value) {
                    v = pv.get(pf.name).cloned().unwrap_or_default();
                }
            }
            _ => {}
        }
        if v == Dyn::Null {
            continue;
        }
        used.push((field.name.to_owned(), v.clone()));
        let kebab = field.name.replace('_', "-");
        let long = |suffix: &str| {
            let plain = format!("--{kebab}{suffix}");
            if help.contains(&format!("{plain} ")) {
                plain
            } else {
                format!("--field-{kebab}{suffix}")
            }
        };
        match (field.location, field.ty, &v) {
            (Location::Body, _, Dyn::Bytes(b)) => {
                out.push(long(""));
                out.push(String::from_utf8_lossy(b).into_owned());
            }
            (Location::Body, _, Dyn::Str(t)) => {
                out.push(long(""));
                out.push(t.clone());
            }
            (_, TypeRef::Struct(_) | TypeRef::List(_) | TypeRef::Map, _) => {
                out.push(long("-json"));
                out.push(to_json(&v).to_string());
            }
            (_, _, Dyn::Str(t)) => {
                out.push(long(""));
                out.push(t.clone());
            }
            (_, _, Dyn::Int(n)) => {
                out.push(long(""));
                out.push(n.to_string());
            }
            (_, _, Dyn::Bool(b)) => {
                out.push(long(""));
                out.push(b.to_string());
            }
            (_, _, other) => panic!("{}: no flag for {other:?}", op.name),
        }
    }
    (out, Dyn::Map(used))
}

/// Arguments as the fixture takes them.
fn refs(a: &[String]) -> Vec<&str> {
    a.iter().map(String::as_str).collect()
}

/// A value as the CLI prints it.
fn to_json(v: &Dyn) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Dyn::Null => J::Null,
        Dyn::Bool(b) => J::Bool(*b),
        Dyn::Int(n) => serde_json::json!(*n as i64),
        Dyn::Str(s) => J::String(s.clone()),
        Dyn::Bytes(b) => J::String(String::from_utf8_lossy(b).into_owned()),
        Dyn::List(items) => J::Array(items.iter().map(to_json).collect()),
        Dyn::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// A document's values (its leaves, sorted): what the PUT set and the GET answered must
/// agree, whatever the GET calls the fields; absent values are left out.
fn values(j: &serde_json::Value) -> Vec<String> {
    fn leaves(j: &serde_json::Value, out: &mut Vec<String>) {
        use serde_json::Value as J;
        match j {
            J::Null => {}
            J::Object(m) => m.values().for_each(|v| leaves(v, out)),
            J::Array(items) => items.iter().for_each(|v| leaves(v, out)),
            J::String(s) => out.push(s.clone()),
            other => out.push(other.to_string()),
        }
    }
    let mut out = Vec::new();
    leaves(j, &mut out);
    out.sort();
    out
}

/// The document a PUT's value carries: its document or body field, else its XML fields.
fn put_document_values(op: &OpSchema, v: &Dyn) -> Vec<String> {
    let mut fields = Vec::new();
    input_fields(op.input, &mut fields);
    if let Some(f) = fields
        .iter()
        .find(|f| matches!(f.location, Location::Document | Location::Body))
    {
        return values(&to_json(v.get(f.name).unwrap_or(&Dyn::Null)));
    }
    let doc: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter(|f| matches!(f.location, Location::Xml(_)))
        .map(|f| {
            (
                f.name.to_owned(),
                to_json(v.get(f.name).unwrap_or(&Dyn::Null)),
            )
        })
        .collect();
    values(&serde_json::Value::Object(doc))
}

/// The document a GET's printed output carries: its document or body field, else every
/// field but the headers.
fn document_values(op: &OpSchema, out: &serde_json::Value) -> Vec<String> {
    let mut fields = Vec::new();
    input_fields(op.output, &mut fields);
    if let Some(f) = fields
        .iter()
        .find(|f| matches!(f.location, Location::Document | Location::Body))
    {
        return values(&out[f.name]);
    }
    let doc: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter(|f| matches!(f.location, Location::Xml(_)))
        .map(|f| (f.name.to_owned(), out[f.name].clone()))
        .collect();
    values(&serde_json::Value::Object(doc))
}

/// The size of an object of the `cli-api` bucket.
fn v_len(f: &Fixture, key: &str) -> u64 {
    let v = f.json(&["api", "head-object", "--bucket", "cli-api", "--key", key]);
    v["content_length"].as_u64().unwrap()
}

#[test]
fn input_documents_stdin_and_streamed_answers() {
    let f = Fixture::new();
    f.run(&["mb", "oss://cli-docs"]).ok();
    // The whole input from a file, JSON or YAML; flags override its fields.
    let json = f.path("in.json");
    std::fs::write(&json, r#"{"bucket": "cli-docs", "acl": "public-read"}"#).unwrap();
    f.json(&["api", "put-bucket-acl", "--input", json.to_str().unwrap()]);
    let v = f.json(&["api", "get-bucket-acl", "--bucket", "cli-docs"]);
    assert_eq!(v["acl"], "public-read");
    let yaml = f.path("in.yaml");
    std::fs::write(
        &yaml,
        "bucket: cli-docs\nkey: k.txt\nmetadata:\n  team: storage\nacl: private\n",
    )
    .unwrap();
    f.json(&[
        "api",
        "put-object",
        "--input",
        yaml.to_str().unwrap(),
        "--acl",
        "public-read",
        "--body",
        "inline body",
    ]);
    let v = f.json(&[
        "api",
        "head-object",
        "--bucket",
        "cli-docs",
        "--key",
        "k.txt",
    ]);
    assert_eq!(v["metadata"], serde_json::json!({"team": "storage"}));
    assert_eq!(v["content_length"], 11);
    let v = f.json(&[
        "api",
        "get-object-acl",
        "--bucket",
        "cli-docs",
        "--key",
        "k.txt",
    ]);
    assert_eq!(v["acl"], "public-read", "the flag wins");

    // A body from stdin, and an answer to stdout: the bytes only.
    let args = [
        "api",
        "put-object",
        "--bucket",
        "cli-docs",
        "--key",
        "in",
        "--body",
        "-",
    ];
    let out = with_stdin(f.cmd().args(args), b"from stdin");
    assert!(out.status.success(), "{out:?}");
    let r = f.run(&["api", "get-object", "--bucket", "cli-docs", "--key", "in"]);
    r.ok();
    assert_eq!(r.stdout, "from stdin");
    // A corrupted CRC-64 on the way down: exit 5, and no file appears.
    let dest = f.path("corrupt.bin");
    f.server.faults().corrupt_crc_next(1);
    let args = [
        "api",
        "get-object",
        "--bucket",
        "cli-docs",
        "--key",
        "in",
        "--outfile",
    ];
    let r = f.run(&[&args[..], &[dest.to_str().unwrap()]].concat());
    r.code(5);
    assert!(r.stderr.contains("CRC-64 mismatch"), "{}", r.stderr);
    assert!(!dest.exists());
    assert!(!f.path("corrupt.bin.ossio-part").exists());
}

/// Every kind of bad input is refused before anything is sent, naming the operation and
/// the field.
#[test]
fn bad_input_names_the_operation_and_the_field() {
    let f = Fixture::new();
    let doc = f.path("bad.json");
    std::fs::write(&doc, r#"{"bucket": "b-x", "acls": "private"}"#).unwrap();
    let doc = doc.to_str().unwrap();
    let table: &[(&[&str], &[&str])] = &[
        // A missing required field.
        (
            &["put-bucket-acl", "--bucket", "b-x"],
            &["PutBucketAcl", "acl (--acl)", "is required"],
        ),
        (
            &[
                "put-access-point-policy",
                "--bucket",
                "b-x",
                "--access-point-name",
                "ap-1",
            ],
            &[
                "PutAccessPointPolicy",
                "--body or --body-file",
                "is required",
            ],
        ),
        // A wrong type.
        (
            &["list-buckets", "--max-keys", "ten"],
            &["ListBuckets", "max_keys (--max-keys)", "\"ten\"", "integer"],
        ),
        (
            &["list-buckets", "--max-keys", "99999999999"],
            &["ListBuckets", "max_keys", "out of range"],
        ),
        (
            &[
                "delete-multiple-objects",
                "--bucket",
                "b-x",
                "--quiet",
                "maybe",
            ],
            &["DeleteMultipleObjects", "quiet (--quiet)", "true or false"],
        ),
        (
            &[
                "delete-multiple-objects",
                "--bucket",
                "b-x",
                "--objects-json",
                "[{\"key\": 5}]",
            ],
            &["DeleteMultipleObjects", "key", "expected a string"],
        ),
        (
            &[
                "delete-multiple-objects",
                "--bucket",
                "b-x",
                "--objects-json",
                "[{",
            ],
            &[
                "DeleteMultipleObjects",
                "objects (--objects-json)",
                "bad JSON",
            ],
        ),
        (
            &[
                "put-object",
                "--bucket",
                "b-x",
                "--key",
                "k",
                "--metadata",
                "novalue",
            ],
            &["PutObject", "metadata (--metadata", "NAME=VALUE"],
        ),
        // An unknown enum value.
        (
            &["put-bucket-acl", "--bucket", "b-x", "--acl", "public"],
            &[
                "PutBucketAcl",
                "acl (--acl)",
                "\"public\"",
                "private, public-read, public-read-write",
            ],
        ),
        (
            &["put-bucket", "--bucket", "b-x", "--storage-class", "Cold"],
            &["PutBucket", "storage_class", "\"Cold\""],
        ),
        // An unknown flag or field.
        (
            &["put-bucket-acl", "--bucket", "b-x", "--colour", "red"],
            &["PutBucketAcl", "--colour", "put-bucket-acl --help"],
        ),
        (
            &["put-bucket-acl", "--bucket", "b-x", "--acll", "private"],
            &["PutBucketAcl", "'--acll'", "a similar flag exists: --acl)"],
        ),
        (
            &["put-bucket-acl", "--input", doc],
            &["PutBucketAcl", "unknown field acls"],
        ),
        (
            &[
                "put-object",
                "--bucket",
                "b-x",
                "--key",
                "k",
                "--input",
                "-",
                "--body",
                "-",
            ],
            &["PutObject", "input (--input)", "not both"],
        ),
        // Rules the declaration states.
        (
            &["get-bucket-acl", "--bucket", "B"],
            &["GetBucketAcl", "bucket (--bucket)", "\"B\""],
        ),
        (
            &[
                "get-object",
                "--bucket",
                "b-x",
                "--key",
                "k",
                "--range-header",
                "9-1",
            ],
            &["GetObject", "range"],
        ),
    ];
    // A queued fault is consumed by the next request that reaches the server: it must
    // still be there afterwards.
    f.server.faults().fail_next(1, 403, "Sentinel");
    for (args, needles) in table {
        let mut full = vec!["api"];
        full.extend_from_slice(args);
        let r = f.run(&full);
        r.code(2);
        assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
        assert!(r.stderr.starts_with("ossio: error: "), "{}", r.stderr);
        for n in *needles {
            assert!(r.stderr.contains(n), "{args:?}: {n:?} in {}", r.stderr);
        }
        assert!(r.stdout.is_empty());
    }
    assert_eq!(
        f.server.faults().pending(),
        1,
        "no request reached the server"
    );
}

#[test]
fn yaml_and_table_output() {
    let f = Fixture::new();
    f.run(&["mb", "oss://cli-out"]).ok();
    let y = f.run(&["api", "get-bucket-acl", "--bucket", "cli-out", "-o", "yaml"]);
    y.ok();
    assert!(y.stdout.contains("\nacl: private\n"), "{}", y.stdout);
    assert!(y.stdout.starts_with("owner_id: "), "{}", y.stdout);
    let t = f.run(&["api", "list-buckets", "--output", "table"]);
    t.ok();
    let lines: Vec<&str> = t.stdout.lines().collect();
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("CREATION_DATE"),
        "{}",
        t.stdout
    );
    assert!(lines[1].starts_with("cli-out "), "{}", t.stdout);
}

#[test]
fn bad_access_point_name_is_rejected_before_sending() {
    let f = Fixture::new();
    // A queued fault is consumed by the next request that reaches the server: it must
    // still be there afterwards.
    f.server.faults().fail_next(1, 403, "Sentinel");
    let r = f.run(&[
        "api",
        "create-access-point",
        "--bucket",
        "b-x",
        "--access-point-name",
        "AP_01!",
        "--network-origin",
        "vpc",
        "--vpc-id",
        "vpc-1",
    ]);
    r.code(2);
    assert!(r.stderr.contains("access point name"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was sent"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
    assert!(r.stdout.is_empty());
    assert_eq!(
        f.server.faults().pending(),
        1,
        "no request reached the server"
    );

    // A vpc origin without a VPC id is refused the same way.
    f.run(&[
        "api",
        "create-access-point",
        "--bucket",
        "b-x",
        "--access-point-name",
        "ap-01",
        "--network-origin",
        "vpc",
    ])
    .code(2);
    assert_eq!(f.server.faults().pending(), 1);
    // ... and the fault is really consumed by a request that does go out.
    f.run(&["api", "list-buckets"]).code(3);
    assert_eq!(f.server.faults().pending(), 0);
}

#[test]
fn missing_bucket_is_a_service_error() {
    let f = Fixture::new();
    let r = f.run(&["api", "get-bucket-info", "--bucket", "no-such-bucket"]);
    r.code(3);
    let line = r.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.starts_with("ossio: error: GetBucketInfo failed: 404 NoSuchBucket: "),
        "{line}"
    );
    assert!(line.contains("request id "), "{line}");
    f.run(&["ls", "oss://no-such-bucket"]).code(3);
    f.run(&["rb", "oss://no-such-bucket"]).code(3);
}

#[test]
fn refused_connection_is_a_transport_error() {
    let f = Fixture::new();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let endpoint = format!("http://127.0.0.1:{port}");
    let r = f.run(&[
        "--endpoint",
        &endpoint,
        "--max-attempts",
        "1",
        "api",
        "list-buckets",
    ]);
    r.code(4);
    assert!(r.stderr.contains("ListBuckets failed"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::new();
    f.run(&[
        "api",
        "put-bucket-acl",
        "--bucket",
        "b-x",
        "--acl",
        "public",
    ])
    .code(2);
    f.run(&["api", "no-such-operation"]).code(2);
    f.run(&["ls", "s3://bucket"]).code(2);
    // No credentials and no region.
    let r = run(f.bare().args(["api", "list-buckets"]));
    r.code(2);
    assert!(r.stderr.contains("no region"), "{}", r.stderr);
    let r = run(f
        .bare()
        .args(["--region", "cn-hangzhou", "api", "list-buckets"]));
    r.code(2);
    assert!(r.stderr.contains("no credentials"), "{}", r.stderr);
    run(f.bare().arg("--help")).ok();
    run(f.bare().arg("--version")).ok();
}

const SEED_TIME: &str = "Mon, 19 Jun 2023 03:15:40 GMT";
const SEED_SECS: u64 = 1_687_144_540;

/// `ossio --dry-run` for a seed request, with fixed credentials and time.
fn dry_run(extra: &[&str], args: &[&str]) -> Run {
    let home = tempfile::tempdir().unwrap();
    let mut c = bare(home.path());
    c.args([
        "--region",
        "cn-hangzhou",
        "--access-key-id",
        "LTAI5tExampleKeyId",
        "--access-key-secret",
        "the-very-secret-key",
        "--signing-time",
        SEED_TIME,
        "--dry-run",
    ]);
    c.args(extra).args(args);
    let r = run(&mut c);
    r.ok();
    assert!(!r.stdout.contains("the-very-secret-key"));
    assert!(!r.stderr.contains("the-very-secret-key"));
    r
}

/// The signature ossio-core computes for the same request.
fn expected_signature(req: &ossio_core::Request, v1: bool) -> String {
    let mut config = Config::new("cn-hangzhou").unwrap();
    if v1 {
        config = config.with_signature_version(ossio_core::SignatureVersion::V1);
    }
    let signed = Signer::new(config)
        .sign(
            req,
            &Credentials::new("LTAI5tExampleKeyId", "the-very-secret-key"),
            ossio_core::time::from_unix_seconds(SEED_SECS),
        )
        .unwrap();
    let auth = signed.headers.get("Authorization").unwrap().to_owned();
    match auth.split_once("Signature=") {
        Some((_, sig)) => sig.to_owned(),
        None => auth.rsplit(':').next().unwrap().to_owned(),
    }
}

const CREATE_AP: [&str; 10] = [
    "api",
    "create-access-point",
    "--bucket",
    "oss-example",
    "--access-point-name",
    "ap-01",
    "--network-origin",
    "vpc",
    "--vpc-id",
    "vpc-t4nlw426y44rd3iq4xxxx",
];

#[test]
fn dry_run_create_access_point_seed() {
    let r = dry_run(&[], &CREATE_AP);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "PUT https://oss-example.oss-cn-hangzhou.aliyuncs.com/?accessPoint"
    );
    assert!(
        lines.contains(&"Date: Mon, 19 Jun 2023 03:15:40 GMT"),
        "{}",
        r.stdout
    );
    assert!(
        lines.contains(&"x-oss-date: 20230619T031540Z"),
        "{}",
        r.stdout
    );
    assert!(
        lines.contains(&"Content-Type: application/xml"),
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Content-MD5: ")),
        "{}",
        r.stdout
    );
    let auth = lines
        .iter()
        .find(|l| l.starts_with("Authorization: "))
        .unwrap();
    assert!(
        auth.starts_with("Authorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId/20230619/cn-hangzhou/oss/aliyun_v4_request,"),
        "{auth}"
    );
    assert!(auth.ends_with("Signature=<redacted>"), "{auth}");
    assert!(
        r.stdout
            .contains("<AccessPointName>ap-01</AccessPointName>")
    );
    assert!(r.stdout.contains("<NetworkOrigin>vpc</NetworkOrigin>"));
    assert!(
        r.stdout
            .contains("<VpcId>vpc-t4nlw426y44rd3iq4xxxx</VpcId>")
    );

    let req = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Vpc)
        .vpc_id("vpc-t4nlw426y44rd3iq4xxxx")
        .to_request()
        .unwrap();
    let sig = expected_signature(&req, false);
    assert!(!r.stdout.contains(&sig), "the signature is redacted");
    let shown = dry_run(&["--show-signature"], &CREATE_AP);
    assert!(
        shown.stdout.contains(&format!("Signature={sig}\n")),
        "{}",
        shown.stdout
    );
}

#[test]
fn dry_run_put_bucket_acl_seed() {
    let args = [
        "api",
        "put-bucket-acl",
        "--bucket",
        "oss-example",
        "--acl",
        "public-read",
    ];
    let r = dry_run(&[], &args);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "PUT https://oss-example.oss-cn-hangzhou.aliyuncs.com/?acl"
    );
    assert!(lines.contains(&"x-oss-acl: public-read"), "{}", r.stdout);
    let req = PutBucketAcl::new("oss-example", Acl::PublicRead)
        .to_request()
        .unwrap();
    let shown = dry_run(&["--show-signature"], &args);
    assert!(shown.stdout.contains(&expected_signature(&req, false)));

    // V1 redacts after the key id; an STS token never shows.
    let r = dry_run(
        &[
            "--signature-version",
            "v1",
            "--security-token",
            "sts-token-do-not-print",
        ],
        &args,
    );
    assert!(
        r.stdout
            .contains("Authorization: OSS LTAI5tExampleKeyId:<redacted>\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("x-oss-security-token: <redacted>\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("sts-token-do-not-print"));
    let shown = dry_run(&["--signature-version", "v1", "--show-signature"], &args);
    assert!(shown.stdout.contains(&format!(
        "Authorization: OSS LTAI5tExampleKeyId:{}\n",
        expected_signature(&req, true)
    )));

    // JSON when asked for.
    let j = dry_run(&["--output", "json"], &args);
    let v: serde_json::Value = serde_json::from_str(&j.stdout).unwrap();
    assert_eq!(v["Method"], "PUT");
    assert_eq!(v["Headers"]["x-oss-acl"], "public-read");
}

#[test]
fn dry_run_sends_nothing() {
    let f = Fixture::new();
    f.server.faults().fail_next(1, 403, "Sentinel");
    let r = f.run(&["--dry-run", "api", "put-bucket", "--bucket", "dry-bucket"]);
    r.ok();
    assert!(
        r.stdout
            .starts_with(&format!("PUT {}/dry-bucket/\n", f.server.endpoint())),
        "{}",
        r.stdout
    );
    f.run(&["--dry-run", "mb", "oss://dry-bucket"]).ok();
    f.run(&["--dry-run", "ls", "oss://dry-bucket"]).ok();
    let file = f.path("f.bin");
    std::fs::write(&file, vec![7u8; 1000]).unwrap();
    let up = f.run(&[
        "--dry-run",
        "cp",
        file.to_str().unwrap(),
        "oss://dry-bucket/k",
    ]);
    up.ok();
    assert!(
        up.stdout.contains("Content-Length: 1000\n"),
        "{}",
        up.stdout
    );
    assert!(up.stdout.contains("<1000 bytes from "), "{}", up.stdout);
    assert_eq!(
        f.server.faults().pending(),
        1,
        "no request reached the server"
    );
}
