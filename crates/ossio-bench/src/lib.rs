//! Benchmarks of ossio (`cargo bench -p ossio-bench`); this library holds the inputs the
//! benchmarks share, so every contender works on the same bytes.

use ossio_core::ops::{
    AccessPointSummary, ListAccessPointsOutput, ListObjectsV2Output, ObjectSummary,
};
use ossio_core::{Headers, Method, Request};

/// Access key id used throughout.
pub const AK: &str = "LTAI5tBenchmarkAccessKey";
/// Secret used throughout.
pub const SK: &str = "BenchmarkSecretBenchmarkSecret00";
/// Bucket used throughout.
pub const BUCKET: &str = "examplebucket";
/// Key used throughout.
pub const KEY: &str = "photos/2024/summer holiday+beach.jpg";
/// Signing instant (Unix seconds).
pub const AT: u64 = 1_702_743_657;

/// The (name, value) headers of the benchmark request: a typical object upload.
pub fn headers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Content-Type", "image/jpeg"),
        ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
        ("x-oss-meta-author", "alice"),
        ("x-oss-meta-camera", "X100V"),
        ("x-oss-object-acl", "private"),
    ]
}

/// The benchmark request.
pub fn request() -> Request {
    let mut req = Request::new(Method::Put).bucket(BUCKET).key(KEY);
    req.headers = headers().into_iter().collect::<Headers>();
    req
}

/// A ListObjectsV2 page of `n` keys, URL-encoded, as OSS sends it.
pub fn list_objects_xml(n: usize) -> String {
    ListObjectsV2Output {
        name: BUCKET.into(),
        encoding_type: Some("url".into()),
        max_keys: Some(1000),
        key_count: Some(n as u32),
        contents: (0..n)
            .map(|i| ObjectSummary {
                key: format!("logs/2024/01/{i:06}/part file+{i}.json"),
                last_modified: "2024-01-01T00:00:00.000Z".into(),
                etag: "\"5B3C1A2E053D763E1B002CC607C5A0FE\"".into(),
                size: 1024 + i as u64,
                storage_class: Some("Standard".into()),
                object_type: Some("Normal".into()),
                owner_id: None,
            })
            .collect(),
        ..Default::default()
    }
    .to_xml()
}

/// A ListAccessPoints page of `n` entries.
pub fn list_access_points_xml(n: usize) -> String {
    ListAccessPointsOutput {
        account_id: "1234567890123456".into(),
        max_keys: Some(1000),
        access_points: (0..n)
            .map(|i| AccessPointSummary {
                bucket: BUCKET.into(),
                name: format!("ap-{i:05}"),
                alias: format!("ap-{i:05}-45ee7945007a2f0bcb595f63e2215c12-ossalias"),
                network_origin: "vpc".into(),
                vpc_id: Some(format!("vpc-t4nlw426y44rd3iq4{i:05}")),
                status: "enable".into(),
            })
            .collect(),
        ..Default::default()
    }
    .to_xml()
}

/// The PutBucketAcl error example of the API reference.
pub const ERROR_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>InvalidArgument</Code>
  <Message>no such bucket access control exists</Message>
  <RequestId>56594298207FB304438516F9</RequestId>
  <HostId>leo.oss-test.aliyun-inc.com</HostId>
  <ArgumentName>x-oss-acl</ArgumentName>
  <ArgumentValue>error-acl</ArgumentValue>
  <EC>0015-00000101</EC>
</Error>"#;
