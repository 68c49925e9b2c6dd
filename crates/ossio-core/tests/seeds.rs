//! The examples of the two API pages the product started from, as fixtures.

use ossio_core::ops::{CreateAccessPoint, NetworkOrigin, Operation, PutBucketAcl};
use ossio_core::{Acl, Error, Headers, Method, Response, xml};

fn fixture(path: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn headers(pairs: &[(&str, &str)]) -> Headers {
    pairs.iter().copied().collect()
}

#[test]
fn create_access_point_request_matches_the_documented_body() {
    let op = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Vpc)
        .vpc_id("vpc-t4nlw426y44rd3iq4xxxx");
    let req = op.to_request().unwrap();
    assert_eq!(req.method, Method::Put);
    assert_eq!(req.bucket.as_deref(), Some("oss-example"));
    assert_eq!(req.key, None);
    assert_eq!(req.query, vec![("accessPoint".to_string(), None)]);
    assert!(req.sub_resources.iter().any(|s| s == "accessPoint"));
    assert_eq!(req.headers.get("content-type"), Some("application/xml"));
    let body = req.body.as_bytes().unwrap();
    // Byte-identical to what the Go v2 SDK sends ...
    assert_eq!(
        std::str::from_utf8(body).unwrap(),
        "<CreateAccessPointConfiguration><AccessPointName>ap-01</AccessPointName>\
         <NetworkOrigin>vpc</NetworkOrigin><VpcConfiguration><VpcId>vpc-t4nlw426y44rd3iq4xxxx\
         </VpcId></VpcConfiguration></CreateAccessPointConfiguration>"
    );
    // ... and the same document as the API reference's sample (which is indented).
    assert_eq!(
        xml::parse(body).unwrap(),
        xml::parse(&fixture("create_access_point/request.xml")).unwrap()
    );
    assert_eq!(
        req.headers.get("content-md5"),
        Some(ossio_core::ops::content_md5(body).as_str())
    );
    // The server side reads the documented sample back into the same input.
    assert_eq!(
        CreateAccessPoint::from_xml("oss-example", &fixture("create_access_point/request.xml"))
            .unwrap(),
        op
    );
}

#[test]
fn create_access_point_internet_has_no_vpc_configuration() {
    let req = CreateAccessPoint::new("b-1", "ap-01", NetworkOrigin::Internet)
        .to_request()
        .unwrap();
    assert_eq!(
        req.body.as_bytes().unwrap(),
        b"<CreateAccessPointConfiguration><AccessPointName>ap-01</AccessPointName>\
          <NetworkOrigin>internet</NetworkOrigin></CreateAccessPointConfiguration>"
    );
}

#[test]
fn create_access_point_sample_response_parses() {
    let op = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Internet);
    let h = headers(&[("x-oss-request-id", "5C1B138A109F4E405B2Dxxxx")]);
    let body = fixture("create_access_point/response.xml");
    let out = op.parse_response(&Response::new(200, &h, &body)).unwrap();
    assert_eq!(
        out.access_point_arn,
        "acs:oss:cn-hangzhou:128364106451xxxx:accesspoint/ap-01"
    );
    assert_eq!(
        out.alias,
        "ap-01-45ee7945007a2f0bcb595f63e2215cxxxx-ossalias"
    );
    assert_eq!(out.request_id, "5C1B138A109F4E405B2Dxxxx");
    assert_eq!(
        xml::parse(out.to_xml().as_bytes()).unwrap(),
        xml::parse(&body).unwrap()
    );
}

#[test]
fn create_access_point_response_missing_alias_names_the_element() {
    let op = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Internet);
    let h = headers(&[("x-oss-request-id", "RID")]);
    let body =
        b"<CreateAccessPointResult><AccessPointArn>arn</AccessPointArn></CreateAccessPointResult>";
    match op.parse_response(&Response::new(200, &h, body)) {
        Err(Error::Parse(e)) => {
            assert!(e.reason.contains("<Alias>"), "{}", e.reason);
            assert_eq!(e.request_id.as_deref(), Some("RID"));
            assert_eq!(e.status, 200);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn put_bucket_acl_request_and_documented_error() {
    let op = PutBucketAcl::new("oss-example", Acl::PublicRead);
    let req = op.to_request().unwrap();
    assert_eq!(req.method, Method::Put);
    assert_eq!(req.query, vec![("acl".to_string(), None)]);
    assert_eq!(req.headers.get("x-oss-acl"), Some("public-read"));
    assert!(req.body.is_empty());

    let h = headers(&[
        ("x-oss-request-id", "56594298207FB304438516F9"),
        ("Content-Type", "text/xml; charset=UTF-8"),
    ]);
    let body = fixture("put_bucket_acl/error.xml");
    let err = op
        .parse_response(&Response::new(400, &h, &body))
        .unwrap_err();
    let e = err.as_service().expect("a service error");
    assert_eq!(e.status, 400);
    assert_eq!(e.code, "InvalidArgument");
    assert_eq!(e.message, "no such bucket access control exists");
    assert_eq!(e.request_id, "56594298207FB304438516F9");
    assert_eq!(e.host_id, "leo.oss-test.aliyun-inc.com");
    assert_eq!(e.detail("ArgumentName"), Some("x-oss-acl"));
    assert_eq!(e.detail("ArgumentValue"), Some("error-acl"));

    let ok = op
        .parse_response(&Response::new(
            200,
            &headers(&[("x-oss-request-id", "534B371674E88A4D8906008B")]),
            b"",
        ))
        .unwrap();
    assert_eq!(ok.request_id, "534B371674E88A4D8906008B");
}
