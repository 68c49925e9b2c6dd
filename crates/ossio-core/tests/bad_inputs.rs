//! Bad input is rejected before anything is built, each with its own clear error.

use ossio_core::ops::{CreateAccessPoint, NetworkOrigin, Operation};
use ossio_core::{
    Acl, Config, Credentials, Error, Method, Request, Signer, ValidationError, ValidationKind,
};
use std::time::{Duration, UNIX_EPOCH};

fn ap(name: &str, origin: NetworkOrigin, vpc: Option<&str>) -> Result<(), Error> {
    let mut op = CreateAccessPoint::new("oss-example", name, origin);
    op.vpc_id = vpc.map(str::to_owned);
    op.to_request().map(|_| ())
}

fn kind(r: Result<(), Error>) -> (ValidationKind, String) {
    match r {
        Err(Error::Validation(ValidationError { kind, reason, .. })) => (kind, reason.into()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn sign(req: Request) -> Result<(), Error> {
    let signer = Signer::new(Config::new("cn-hangzhou").unwrap());
    signer
        .sign(&req, &Credentials::new("ak", "sk"), UNIX_EPOCH)
        .map(|_| ())
}

#[test]
fn table_of_bad_inputs() {
    use NetworkOrigin::*;
    use ValidationKind as K;
    let vpc = Some("vpc-1");
    let cases: Vec<(&str, Result<(), Error>, K, &str)> = vec![
        (
            "2-char name",
            ap("ap", Vpc, vpc),
            K::AccessPointName,
            "3 to 19",
        ),
        (
            "20-char name",
            ap(&"a".repeat(20), Vpc, vpc),
            K::AccessPointName,
            "3 to 19",
        ),
        (
            "uppercase",
            ap("Ap-01", Vpc, vpc),
            K::AccessPointName,
            "lowercase",
        ),
        (
            "underscore",
            ap("ap_01", Vpc, vpc),
            K::AccessPointName,
            "lowercase",
        ),
        (
            "leading hyphen",
            ap("-ap", Vpc, vpc),
            K::AccessPointName,
            "hyphen",
        ),
        (
            "trailing hyphen",
            ap("ap-", Vpc, vpc),
            K::AccessPointName,
            "hyphen",
        ),
        (
            "alias suffix",
            ap("ap-ossalias", Vpc, vpc),
            K::AccessPointName,
            "-ossalias",
        ),
        (
            "vpc without id",
            ap("ap-01", Vpc, None),
            K::NetworkOrigin,
            "requires a VPC id",
        ),
        (
            "vpc with empty id",
            ap("ap-01", Vpc, Some("")),
            K::NetworkOrigin,
            "requires a VPC id",
        ),
        (
            "internet with id",
            ap("ap-01", Internet, vpc),
            K::NetworkOrigin,
            "takes no VPC id",
        ),
        (
            "acl error-acl",
            "error-acl".parse::<Acl>().map(|_| ()).map_err(Error::from),
            K::Acl,
            "private, public-read or public-read-write",
        ),
        (
            "network origin",
            "intranet"
                .parse::<NetworkOrigin>()
                .map(|_| ())
                .map_err(Error::from),
            K::NetworkOrigin,
            "vpc or internet",
        ),
        (
            "key /x",
            sign(Request::new(Method::Get).bucket("b-1").key("/x")),
            K::ObjectKey,
            "must not start",
        ),
        (
            "key \\x",
            sign(Request::new(Method::Get).bucket("b-1").key("\\x")),
            K::ObjectKey,
            "must not start",
        ),
        (
            "empty key",
            sign(Request::new(Method::Get).bucket("b-1").key("")),
            K::ObjectKey,
            "empty",
        ),
        (
            "1024-byte key",
            sign(
                Request::new(Method::Get)
                    .bucket("b-1")
                    .key("k".repeat(1024)),
            ),
            K::ObjectKey,
            "1023",
        ),
        (
            "bucket uppercase",
            sign(Request::new(Method::Get).bucket("Bucket")),
            K::BucketName,
            "lowercase",
        ),
        (
            "bucket too short",
            sign(Request::new(Method::Get).bucket("ab")),
            K::BucketName,
            "3 to 63",
        ),
        (
            "bucket hyphen",
            sign(Request::new(Method::Get).bucket("-abc")),
            K::BucketName,
            "hyphen",
        ),
        (
            "header outer whitespace",
            sign(
                Request::new(Method::Get)
                    .bucket("b-1")
                    .header("x-oss-meta-a", " v "),
            ),
            K::Header,
            "whitespace",
        ),
        (
            "header CRLF",
            sign(
                Request::new(Method::Get)
                    .bucket("b-1")
                    .header("x-oss-meta-a", "a\r\nb"),
            ),
            K::Header,
            "CR, LF",
        ),
        (
            "header name",
            sign(
                Request::new(Method::Get)
                    .bucket("b-1")
                    .header("bad name", "v"),
            ),
            K::Header,
            "token",
        ),
        (
            "presign 604801 s",
            Signer::new(Config::new("cn-hangzhou").unwrap())
                .presign(
                    &Request::new(Method::Get).bucket("b-1").key("k"),
                    &Credentials::new("ak", "sk"),
                    UNIX_EPOCH,
                    Duration::from_secs(604_801),
                )
                .map(|_| ()),
            K::Expires,
            "604800",
        ),
        (
            "region",
            Config::new("CN_HANGZHOU").map(|_| ()).map_err(Error::from),
            K::Config,
            "lowercase",
        ),
        (
            "endpoint scheme",
            Config::new("cn-hangzhou")
                .unwrap()
                .with_endpoint("ftp://x")
                .map(|_| ())
                .map_err(Error::from),
            K::Config,
            "http or https",
        ),
    ];
    let mut messages = std::collections::HashSet::new();
    for (label, result, want_kind, want_text) in cases {
        let (k, reason) = kind(result);
        assert_eq!(k, want_kind, "{label}");
        assert!(
            reason.contains(want_text),
            "{label}: {reason:?} lacks {want_text:?}"
        );
        messages.insert(reason);
    }
    assert!(
        messages.len() >= 15,
        "errors are specific, not one generic message"
    );
}

#[test]
fn valid_edges_are_accepted() {
    for name in ["ap-01", "abc", &"a".repeat(19), "a-ossaliasx"] {
        ap(name, NetworkOrigin::Vpc, Some("vpc-1")).unwrap();
    }
    ap("ap-01", NetworkOrigin::Internet, None).unwrap();
    sign(
        Request::new(Method::Get)
            .bucket("b-1")
            .key("k".repeat(1023)),
    )
    .unwrap();
    sign(
        Request::new(Method::Get)
            .bucket("ap-01-45ee7945007a2f0bcb595f63e2215cxxxx-ossalias")
            .key("?#%+ é"),
    )
    .unwrap();
    Signer::new(Config::new("cn-hangzhou").unwrap())
        .presign(
            &Request::new(Method::Get).bucket("b-1").key("k"),
            &Credentials::new("ak", "sk"),
            UNIX_EPOCH,
            Duration::from_secs(604_800),
        )
        .unwrap();
}

#[test]
fn secrets_stay_out_of_errors_and_debug() {
    let creds = Credentials::new("AKID", "SECRET-VALUE").with_security_token("TOKEN-VALUE");
    let signer = Signer::new(Config::new("cn-hangzhou").unwrap());
    let req = Request::new(Method::Get).bucket("b-1").key("k");
    let signed = signer.sign(&req, &creds, UNIX_EPOCH).unwrap();
    let bad = Request::new(Method::Get)
        .bucket("b-1")
        .header("x-oss-security-token", " TOKEN-VALUE ");
    let err = signer.sign(&bad, &creds, UNIX_EPOCH).unwrap_err();
    let v1 = Signer::new(
        Config::new("cn-hangzhou")
            .unwrap()
            .with_signature_version(ossio_core::SignatureVersion::V1),
    );
    let presigned_v1 = v1
        .presign(&req, &creds, UNIX_EPOCH, Duration::from_secs(60))
        .unwrap();
    let presigned_v4 = signer
        .presign(&req, &creds, UNIX_EPOCH, Duration::from_secs(60))
        .unwrap();
    assert!(
        presigned_v4
            .url
            .contains("x-oss-security-token=TOKEN-VALUE")
    );
    let shown = format!(
        "{creds:?} {creds} {signer:?} {signed:?} {err} {err:?} {:?} {presigned_v1:?} {presigned_v4:?}",
        signed.headers
    );
    assert!(!shown.contains("SECRET-VALUE"), "{shown}");
    assert!(!shown.contains("TOKEN-VALUE"), "{shown}");
    assert!(shown.contains("AKID"));
}
