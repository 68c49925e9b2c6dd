//! Hostile input: object keys that try to leave the data directory, oversized bodies and
//! heads, XML with entity declarations (to the server), and CR/LF in header values and
//! metadata (to the client, which must refuse them before opening a connection).

use ossio::ops::*;
use ossio::{Acl, Client, Credentials, Error, RetryPolicy};
use ossio_core::{Config, Headers, Method, Request, Signer};
use ossio_props::{exchange, path_and_query, proc_status_kib};
use ossio_server::{ServerConfig, ServerHandle};
use std::net::TcpListener;
use std::path::Path;
use std::time::SystemTime;

const BUCKET: &str = "hostile-bucket";

fn client_for(endpoint: &str, region: &str) -> Client {
    Client::builder(region)
        .endpoint(endpoint)
        .credentials(Credentials::new(
            ossio_server::DEFAULT_ACCESS_KEY_ID,
            ossio_server::DEFAULT_ACCESS_KEY_SECRET,
        ))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn client(s: &ServerHandle) -> Client {
    client_for(&s.endpoint(), s.region())
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let ft = e.file_type().unwrap();
        assert!(!ft.is_symlink(), "symlink {}", e.path().display());
        if ft.is_dir() {
            files_under(&e.path(), out);
        }
        out.push(e.path());
    }
}

const TRAVERSAL_KEYS: &[&str] = &[
    "../escape-1",
    "../../escape-2",
    "a/../../../escape-3",
    "..",
    "./../escape-4",
    "..\\..\\escape-5",
    "%2e%2e/escape-6",
    "a/%2F..%2F..%2Fescape-7",
    "C:\\escape-8",
    "dir/\u{0}escape-9",
    "..%00/escape-10",
];

#[test]
fn keys_never_escape_the_data_directory() {
    let outer = tempfile::tempdir().unwrap();
    let data = outer.path().join("data");
    let s = ossio_server::start(ServerConfig::new().data_dir(&data)).unwrap();
    let c = client(&s);
    c.put_bucket(&PutBucket::new(BUCKET).acl(Acl::PublicReadWrite))
        .unwrap();
    let mut tried = 0;
    for (i, key) in TRAVERSAL_KEYS.iter().enumerate() {
        let body = format!("body {i}").into_bytes();
        c.put_object(&PutObject::new(BUCKET, *key).bytes(body.clone()))
            .unwrap_or_else(|e| panic!("{key:?}: {e}"));
        let mut got = Vec::new();
        std::io::Read::read_to_end(
            &mut c.get_object(&GetObject::new(BUCKET, *key)).unwrap(),
            &mut got,
        )
        .unwrap();
        assert_eq!(got, body, "{key:?} is an ordinary key");
        tried += 1;
    }
    // Raw request targets a client would never produce, sent anonymously to the
    // public-read-write bucket.
    for target in [
        "/hostile-bucket/../../raw-escape-1",
        "/hostile-bucket/%2e%2e/%2e%2e/raw-escape-2",
        "/hostile-bucket//etc/raw-escape-3",
        "/../../raw-escape-4",
        "/hostile-bucket/..%2f..%2fraw-escape-5",
        "//tmp/raw-escape-6",
        "/hostile-bucket/%00/raw-escape-7",
    ] {
        let r = exchange(s.addr(), "PUT", target, &Headers::new(), b"raw").unwrap();
        assert!(r.status < 500, "{target}: HTTP {}", r.status);
        tried += 1;
    }
    drop(s);
    // Nothing was written beside the data directory, and nothing inside is named after a
    // key (keys never become file names).
    let beside: Vec<_> = std::fs::read_dir(outer.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, vec![std::ffi::OsString::from("data")]);
    let mut inside = Vec::new();
    files_under(&data, &mut inside);
    for f in &inside {
        let name = f.file_name().unwrap().to_string_lossy();
        assert!(!name.contains("escape"), "{}", f.display());
    }
    // The parent of the temporary directory has no such file either.
    for e in std::fs::read_dir(outer.path().parent().unwrap()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !(name.starts_with("escape-") || name.starts_with("raw-escape-")),
            "{name} escaped"
        );
    }
    println!("traversal attempts: {tried}");
    // The state comes back from disk, keys intact.
    let s = ossio_server::start(ServerConfig::new().data_dir(&data)).unwrap();
    let listed = client(&s)
        .list_objects_v2(&ListObjectsV2::new(BUCKET).max_keys(1000))
        .unwrap();
    for key in TRAVERSAL_KEYS {
        assert!(listed.contents.iter().any(|o| o.key == *key), "{key:?}");
    }
}

fn signed(s: &ServerHandle, req: &Request) -> (String, Headers) {
    let signer = Signer::new(
        Config::new(s.region())
            .unwrap()
            .with_endpoint(&s.endpoint())
            .unwrap(),
    );
    let creds = ossio_core::Credentials::new(
        ossio_server::DEFAULT_ACCESS_KEY_ID,
        ossio_server::DEFAULT_ACCESS_KEY_SECRET,
    );
    let out = signer.sign(req, &creds, SystemTime::now()).unwrap();
    (path_and_query(&out.url).to_owned(), out.headers)
}

#[test]
fn oversized_bodies_and_heads_are_refused_without_memory_growth() {
    let s = ossio_server::start(ServerConfig::new().max_body(64 * 1024)).unwrap();
    let c = client(&s);
    c.put_bucket(&PutBucket::new(BUCKET)).unwrap();
    let hwm_before = proc_status_kib("VmHWM").unwrap_or(0);

    // A body over the limit, through the client.
    let err = c
        .put_object(&PutObject::new(BUCKET, "big").bytes(vec![7; 100 * 1024]))
        .unwrap_err();
    assert_eq!(err.code(), Some("EntityTooLarge"), "{err}");

    // Announced sizes far past any memory: refused from the head alone.
    for len in ["1099511627776", "18446744073709551615"] {
        let req = Request::new(Method::Put)
            .bucket(BUCKET)
            .key("huge")
            .header("Content-Length", len);
        let (target, headers) = signed(&s, &req);
        let r = exchange(s.addr(), "PUT", &target, &headers, b"tiny").unwrap();
        assert_eq!(r.code().as_deref(), Some("EntityTooLarge"), "{len}");
    }
    let r = exchange(
        s.addr(),
        "PUT",
        "/hostile-bucket/x",
        &[("Content-Length", "99999999999999999999999")]
            .into_iter()
            .collect(),
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 400, "an unparsable Content-Length");

    // A 1 MiB header, and 500 headers.
    let big: Headers = [("x-oss-meta-big", "a".repeat(1 << 20))]
        .into_iter()
        .collect();
    let r = exchange(s.addr(), "GET", "/", &big, b"");
    assert_eq!(r.map(|r| r.status).unwrap_or(431), 431);
    let many: Headers = (0..500)
        .map(|i| (format!("x-h{i}"), "v".to_owned()))
        .collect();
    let r = exchange(s.addr(), "GET", "/", &many, b"").unwrap();
    assert_eq!(r.status, 431);

    // An XML document larger than any the API takes.
    let doc = format!(
        "<Delete>{}</Delete>",
        "<Object><Key>k</Key></Object>".repeat(200_000)
    );
    let req = ossio_core::ops::with_xml_body(
        Request::new(Method::Post)
            .bucket(BUCKET)
            .query_flag("delete"),
        doc,
    )
    .with_known_sub_resources();
    let (target, headers) = signed(&s, &req);
    let r = exchange(
        s.addr(),
        "POST",
        &target,
        &headers,
        req.body.as_bytes().unwrap(),
    )
    .unwrap();
    assert_eq!(r.code().as_deref(), Some("EntityTooLarge"));

    let hwm_after = proc_status_kib("VmHWM").unwrap_or(0);
    println!("oversized input: peak RSS {hwm_before} KiB before, {hwm_after} KiB after");
    // Nothing near the announced sizes was allocated (the 6 MB document is the largest
    // thing sent).
    assert!(
        hwm_after < hwm_before + 256 * 1024,
        "peak RSS went from {hwm_before} to {hwm_after} KiB"
    );
}

#[test]
fn xml_with_entity_declarations_is_refused() {
    let s = ossio_server::start(ServerConfig::new()).unwrap();
    let c = client(&s);
    c.put_bucket(&PutBucket::new(BUCKET)).unwrap();
    let laughs = concat!(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">",
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">",
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>",
    );
    let external =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    let mut tried = 0;
    for prolog in [laughs, external] {
        let docs = [
            (
                Request::new(Method::Post)
                    .bucket(BUCKET)
                    .query_flag("delete"),
                format!("{prolog}<Delete><Object><Key>&lol3;&xxe;</Key></Object></Delete>"),
            ),
            (
                Request::new(Method::Put).bucket("hostile-new"),
                format!(
                    "{prolog}<CreateBucketConfiguration><StorageClass>&lol3;</StorageClass></CreateBucketConfiguration>"
                ),
            ),
            (
                Request::new(Method::Put)
                    .bucket(BUCKET)
                    .query_flag("accessPoint"),
                format!(
                    "{prolog}<CreateAccessPointConfiguration><AccessPointName>&xxe;</AccessPointName><NetworkOrigin>internet</NetworkOrigin></CreateAccessPointConfiguration>"
                ),
            ),
        ];
        for (req, doc) in docs {
            let req = ossio_core::ops::with_xml_body(req, doc).with_known_sub_resources();
            let (target, headers) = signed(&s, &req);
            let r = exchange(
                s.addr(),
                req.method.as_str(),
                &target,
                &headers,
                req.body.as_bytes().unwrap(),
            )
            .unwrap();
            assert_eq!(r.status, 400, "{target}");
            assert_eq!(r.code().as_deref(), Some("MalformedXML"), "{target}");
            assert!(!String::from_utf8_lossy(&r.body).contains("root:"));
            tried += 1;
        }
    }
    assert_eq!(tried, 6);
    // Nothing was created by the refused documents.
    assert!(
        c.get_bucket_info(&GetBucketInfo::new("hostile-new"))
            .is_err()
    );
}

/// A listener that never accepts: the test checks afterwards that nobody connected.
fn silent_endpoint() -> (String, TcpListener) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.set_nonblocking(true).unwrap();
    (format!("http://{}", l.local_addr().unwrap()), l)
}

fn nobody_connected(l: &TcpListener) -> bool {
    matches!(l.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
}

#[test]
fn cr_lf_in_headers_and_metadata_is_refused_before_sending() {
    let (endpoint, listener) = silent_endpoint();
    let c = client_for(&endpoint, "cn-hangzhou");
    let bad_values = [
        "a\r\nx-oss-acl: public-read",
        "a\nInjected: 1",
        "a\rb",
        "\r\n\r\nGET / HTTP/1.1",
        "tail\r\n",
        "nul\0byte",
    ];
    let mut tried = 0;
    for v in bad_values {
        let attempts: Vec<(&str, Result<PutObjectOutput, Error>)> = vec![
            (
                "metadata value",
                c.put_object(&PutObject::new(BUCKET, "k").meta("m", v)),
            ),
            (
                "content type",
                c.put_object(&PutObject::new(BUCKET, "k").content_type(v)),
            ),
        ];
        for (what, out) in attempts {
            let err = out.expect_err(what);
            assert!(matches!(err, Error::Validation(_)), "{what} {v:?}: {err:?}");
            tried += 1;
        }
        // A metadata name with CR/LF.
        let name = format!("m{v}");
        let err = c
            .put_object(&PutObject::new(BUCKET, "k").meta(name.as_str(), "v"))
            .unwrap_err();
        assert!(matches!(err, Error::Validation(_)), "{err:?}");
        tried += 1;
    }
    // Credentials carrying CR/LF (they go into headers): refused too.
    for (ak, token) in [
        ("ak\r\nx: y", "t"),
        ("ak", "token\r\nx-oss-acl: public-read"),
    ] {
        let c = Client::builder("cn-hangzhou")
            .endpoint(&endpoint)
            .credentials(Credentials::new(ak, "sk").with_security_token(token))
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        let out = c.get_bucket_acl(&GetBucketAcl::new(BUCKET));
        assert!(out.is_err(), "{ak:?} / token: {out:?}");
        tried += 1;
    }
    assert!(
        nobody_connected(&listener),
        "a request with CR/LF reached the network"
    );
    println!("CR/LF inputs refused before sending: {tried}");
}
