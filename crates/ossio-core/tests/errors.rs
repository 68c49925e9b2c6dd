//! Error responses of every shape become typed errors with their status and request id.

use base64::Engine as _;
use ossio_core::response::service_error;
use ossio_core::{Headers, Response};

fn h(pairs: &[(&str, &str)]) -> Headers {
    pairs.iter().copied().collect()
}

#[test]
fn namespaced_error_with_every_field() {
    let body = br#"<?xml version="1.0" encoding="UTF-8"?>
<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">
  <Code>NoSuchBucket</Code>
  <Message>The specified bucket does not exist.</Message>
  <RequestId>5C3D9175B6FC201293AD****</RequestId>
  <HostId>test.oss-cn-hangzhou.aliyuncs.com</HostId>
  <BucketName>test</BucketName>
  <EC>0015-00000101</EC>
  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0015-00000101</RecommendDoc>
</Error>"#;
    let e = service_error(&Response::new(404, &h(&[]), body));
    assert_eq!(e.status, 404);
    assert_eq!(e.code, "NoSuchBucket");
    assert_eq!(e.ec, "0015-00000101");
    assert_eq!(e.request_id, "5C3D9175B6FC201293AD****");
    assert_eq!(
        e.recommend_doc,
        "https://api.aliyun.com/troubleshoot?q=0015-00000101"
    );
    assert_eq!(e.detail("BucketName"), Some("test"));
    assert_eq!(
        e.to_string(),
        "404 NoSuchBucket: The specified bucket does not exist. (request id 5C3D9175B6FC201293AD****, ec 0015-00000101)"
    );
}

#[test]
fn head_error_comes_from_x_oss_err() {
    let xml =
        "<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>R1</RequestId></Error>";
    let b64 = base64::engine::general_purpose::STANDARD.encode(xml);
    let headers = h(&[("x-oss-err", &b64), ("x-oss-request-id", "R1")]);
    let e = service_error(&Response::new(404, &headers, b""));
    assert_eq!((e.code.as_str(), e.message.as_str()), ("NoSuchKey", "gone"));
}

#[test]
fn empty_body_without_header_keeps_status_and_request_id() {
    let headers = h(&[("x-oss-request-id", "R2"), ("x-oss-ec", "0003-00000001")]);
    let e = service_error(&Response::new(403, &headers, b""));
    assert_eq!(e.status, 403);
    assert_eq!(e.code, "AccessDenied");
    assert_eq!(e.request_id, "R2");
    assert_eq!(e.ec, "0003-00000001");
}

#[test]
fn html_and_truncated_bodies_are_bad_error_responses() {
    let headers = h(&[("x-oss-request-id", "R3")]);
    for body in [
        &b"<html><body><h1>502 Bad Gateway</h1></body></html>"[..],
        b"<Error><Code>NoSuchKey</Code><Mess",
        b"\xff\xfe garbage",
    ] {
        let e = service_error(&Response::new(502, &headers, body));
        assert_eq!(e.status, 502);
        assert_eq!(e.code, "BadErrorResponse");
        assert_eq!(e.request_id, "R3");
        assert!(
            e.message.starts_with("unreadable error body"),
            "{}",
            e.message
        );
    }
}

#[test]
fn json_error_body() {
    let body = br#"{"Error":{"Code":"AccessDenied","Message":"no","RequestId":"R4","EC":"0003-00000001"}}"#;
    let e = service_error(&Response::new(403, &h(&[]), body));
    assert_eq!(e.code, "AccessDenied");
    assert_eq!(e.request_id, "R4");
    assert_eq!(e.ec, "0003-00000001");
}

#[test]
fn signature_mismatch_details_do_not_show_the_token() {
    let sts = "GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-security-token:TOKEN-VALUE\n/b/k";
    let hex: String = sts.bytes().map(|b| format!("{b:02x} ")).collect();
    let body = format!(
        "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><RequestId>R</RequestId>\
         <StringToSign>{sts}</StringToSign><StringToSignBytes>{hex}</StringToSignBytes></Error>"
    );
    let e = service_error(&Response::new(403, &h(&[]), body.as_bytes()));
    // The value is kept for diagnosis ...
    assert!(e.detail("StringToSign").unwrap().contains("TOKEN-VALUE"));
    // ... and never shown.
    let shown = format!("{e:?} {e}");
    assert!(!shown.contains("TOKEN-VALUE"), "{shown}");
    let token_hex: String = "TOKEN-VALUE".bytes().map(|b| format!("{b:02x} ")).collect();
    assert!(!shown.contains(token_hex.trim()), "{shown}");
    assert!(shown.contains("SignatureDoesNotMatch"));
}

#[test]
fn error_document_round_trips() {
    let e = ossio_core::ServiceError {
        status: 400,
        code: "InvalidArgument".into(),
        message: "no such bucket access control exists & <more>".into(),
        request_id: "RID".into(),
        host_id: "b.oss-cn-hangzhou.aliyuncs.com".into(),
        ec: "0015-00000101".into(),
        recommend_doc: "https://api.aliyun.com/troubleshoot?q=0015-00000101".into(),
        details: vec![
            ("ArgumentName".into(), "x-oss-acl".into()),
            ("ArgumentValue".into(), "error-acl".into()),
        ],
    };
    let doc = e.to_xml();
    assert_eq!(
        service_error(&Response::new(400, &h(&[]), doc.as_bytes())),
        e
    );
}
