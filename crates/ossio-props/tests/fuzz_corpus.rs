//! Replays the fuzz seeds and every input a fuzzer crashed on (`fuzz/seeds/<target>/`,
//! `fuzz/regressions/<target>/`) through the same functions the fuzz targets call, and checks
//! the signed-request seeds still pass the server's authentication.
//!
//! `OSSIO_WRITE_FUZZ_SEEDS=1 cargo test -p ossio-props --test fuzz_corpus -- --ignored`
//! rewrites the seeds from `tests/fixtures` and the signer.

use ossio_props::fuzzing;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

type Target = fn(&[u8]);

fn targets() -> Vec<(&'static str, Target)> {
    vec![
        ("error_body", fuzzing::error_body),
        ("response_parsers", fuzzing::response_parsers),
        ("x_oss_err", fuzzing::x_oss_err),
        ("encoding", fuzzing::encoding),
        ("request_bodies", fuzzing::request_bodies),
        ("server_auth", |d| {
            let _ = fuzzing::server_auth(d);
        }),
    ]
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn seeds_and_regressions_replay_cleanly() {
    let mut replayed = 0;
    for (name, target) in targets() {
        for kind in ["seeds", "regressions"] {
            for file in files(&root().join("fuzz").join(kind).join(name)) {
                let data = std::fs::read(&file).unwrap();
                let result = std::panic::catch_unwind(|| target(&data));
                assert!(result.is_ok(), "{} panicked", file.display());
                replayed += 1;
            }
        }
    }
    println!("fuzz inputs replayed: {replayed}");
    assert!(
        replayed >= 50,
        "the committed seeds are missing ({replayed} found)"
    );
}

#[test]
fn signed_seeds_pass_authentication() {
    // In order: the bucket first, then the object, then reads.
    let mut statuses = Vec::new();
    for (name, data) in fuzzing::server_auth_seeds() {
        let status = fuzzing::server_auth(&data).unwrap();
        assert!(
            (200..300).contains(&status) || (name.contains("put_bucket") && status == 409),
            "{name}: HTTP {status}"
        );
        statuses.push(status);
    }
    assert_eq!(statuses.len(), 48);
    // One signed byte changed is refused: the last byte of the target (the bucket stays
    // one that exists, since a missing bucket is reported before authentication).
    let (_, mut data) = fuzzing::server_auth_seeds().remove(3);
    let first = data.iter().position(|&b| b == b'\n').unwrap();
    let pos = first + data[first + 1..].iter().position(|&b| b == b'\n').unwrap();
    data[pos] ^= 1;
    assert_eq!(fuzzing::server_auth(&data), Some(403));
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(path)).unwrap()
}

#[test]
#[ignore = "writes the seed corpora; run by hand after changing the fixtures or the harness"]
fn write_seeds() {
    if std::env::var_os("OSSIO_WRITE_FUZZ_SEEDS").is_none() {
        return;
    }
    let seeds = root().join("fuzz/seeds");
    let write = |target: &str, name: &str, data: &[u8]| {
        let dir = seeds.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), data).unwrap();
    };
    let all = [
        "create_access_point/request.xml",
        "create_access_point/response.xml",
        "put_bucket_acl/error.xml",
        "ops/get_access_point.xml",
        "ops/get_bucket_acl.xml",
        "ops/get_bucket_info.xml",
        "ops/list_access_points.xml",
        "ops/list_buckets.xml",
        "ops/list_objects_v2.xml",
        "ops/no_such_bucket.xml",
    ];
    let errors = ["put_bucket_acl/error.xml", "ops/no_such_bucket.xml"];
    let stem = |p: &str| p.replace(['/', '.'], "_");
    for e in errors {
        let body = fixture(e);
        for (i, status) in [(33u8, "400"), (34, "403"), (35, "404"), (67, "503")] {
            let mut d = vec![i];
            d.extend_from_slice(b"x-oss-ec: 0015-00000101\n\n");
            d.extend_from_slice(&body);
            write("error_body", &format!("{}-{status}", stem(e)), &d);
        }
        write(
            "x_oss_err",
            &format!("{}-b64", stem(e)),
            &[&[4u8][..], &body].concat(),
        );
        write(
            "x_oss_err",
            &format!("{}-raw", stem(e)),
            &[&[5u8][..], &body].concat(),
        );
    }
    write(
        "error_body",
        "json",
        b"\x21{\"Error\":{\"Code\":\"NoSuchKey\",\"Message\":\"m\"}}",
    );
    write(
        "error_body",
        "html",
        b"\x43<html><body>502 Bad Gateway</body></html>",
    );
    write("error_body", "empty", b"\x44");
    // Response parsers: the fixture of each operation, with the operation's selector, and
    // every error fixture against a few operations.
    let by_op: [(u8, &str); 8] = [
        (0, "create_access_point/response.xml"),
        (1, "ops/get_access_point.xml"),
        (2, "ops/list_access_points.xml"),
        (11, "ops/get_bucket_acl.xml"),
        (13, "ops/get_bucket_acl.xml"),
        (16, "ops/list_buckets.xml"),
        (17, "ops/get_bucket_info.xml"),
        (23, "ops/list_objects_v2.xml"),
    ];
    for (op, f) in by_op {
        let mut d = vec![op, 0];
        d.extend_from_slice(b"x-oss-request-id: 5C3D9175B6FC201293AD4890\n\n");
        d.extend_from_slice(&fixture(f));
        write("response_parsers", &format!("{op:02}-{}", stem(f)), &d);
    }
    let heads = b"content-length: 5\netag: \"5B3C1A2E053D763E1B002CC607C5A0FE\"\nx-oss-hash-crc64ecma: 3231342946509354535\nx-oss-meta-a: b\nlast-modified: Fri, 24 Feb 2012 06:07:48 GMT\n\nhello";
    for op in [18u8, 19, 20, 21] {
        write(
            "response_parsers",
            &format!("{op:02}-headers"),
            &[&[op, 0][..], heads].concat(),
        );
    }
    write(
        "response_parsers",
        "22-delete-result",
        b"\x16\x00\n\n<DeleteResult><Deleted><Key>a</Key></Deleted><Deleted><Key>b</Key></Deleted></DeleteResult>",
    );
    for (i, e) in errors.iter().enumerate() {
        for op in [2u8, 11, 16, 23] {
            let d = [&[op, 6 + i as u8][..], b"\n\n", &fixture(e)].concat();
            write("response_parsers", &format!("{op:02}-error-{i}"), &d);
        }
    }
    for f in all {
        write("request_bodies", &stem(f), &fixture(f));
    }
    write(
        "request_bodies",
        "create_bucket_configuration",
        b"<CreateBucketConfiguration><StorageClass>IA</StorageClass><DataRedundancyType>LRS</DataRedundancyType></CreateBucketConfiguration>",
    );
    write(
        "request_bodies",
        "delete",
        b"<Delete><Quiet>false</Quiet><Object><Key>a&amp;b</Key></Object><Object><Key>c</Key><VersionId>v</VersionId></Object></Delete>",
    );
    write(
        "request_bodies",
        "public_access_block",
        b"<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>",
    );
    write(
        "request_bodies",
        "doctype",
        b"<!DOCTYPE d [<!ENTITY e \"x\">]><Delete><Object><Key>&e;</Key></Object></Delete>",
    );
    for (i, s) in [
        "dir/a%20b%2Bc%7E.txt",
        "acl&max-keys=10&prefix=a%2Fb+c&x=%E4%B8%AD",
        "Sat, 16 Dec 2023 16:20:57 GMT",
        "20231216T162057Z",
        "key\u{1}value%",
        "%zz%4",
    ]
    .iter()
    .enumerate()
    {
        write("encoding", &format!("s{i}"), s.as_bytes());
    }
    for (name, data) in fuzzing::server_auth_seeds() {
        write("server_auth", &name, &data);
    }
}
