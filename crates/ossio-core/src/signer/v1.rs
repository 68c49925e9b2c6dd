//! V1 signatures: `Authorization: OSS <ak>:<base64 HMAC-SHA1>` and V1 presigned URLs.
//!
//! The pieces (canonical resource, canonical headers, string to sign) are public so the
//! local server verifies requests with exactly the code that signs them.

use crate::request::{Headers, Request};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use std::borrow::Cow;

/// Query parameters that are always V1 sub-resources (Go v2 `requiredSignedParametersMap`).
pub const BUILTIN_SUB_RESOURCES: &[&str] = &[
    "acl",
    "bucketInfo",
    "location",
    "stat",
    "delete",
    "append",
    "tagging",
    "objectMeta",
    "uploads",
    "uploadId",
    "partNumber",
    "security-token",
    "position",
    "response-content-type",
    "response-content-language",
    "response-expires",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "restore",
    "callback",
    "callback-var",
    "versions",
    "versioning",
    "versionId",
    "sequential",
    "continuation-token",
    "regionList",
    "cloudboxes",
    "symlink",
];

/// Sub-resources that individual operations declare (the union over Go v2's operations).
pub const OPERATION_SUB_RESOURCES: &[&str] = &[
    "accessPoint",
    "accessPointPolicy",
    "publicAccessBlock",
    "policyStatus",
    "resourceGroup",
    "accessPointForObjectProcess",
    "accessPointConfigForObjectProcess",
    "accessPointPolicyForObjectProcess",
    "bucketArchiveDirectRead",
    "cleanRestoredObject",
    "cloudboxes",
    "cname",
    "comp",
    "cors",
    "encryption",
    "httpsConfig",
    "inventory",
    "inventoryId",
    "legalHold",
    "lifecycle",
    "logging",
    "metaQuery",
    "objectWorm",
    "overwriteConfig",
    "policy",
    "redundancyTransition",
    "referer",
    "replication",
    "replicationLocation",
    "replicationProgress",
    "requestPayment",
    "retention",
    "rtc",
    "seal",
    "style",
    "styleName",
    "tagging",
    "transferAcceleration",
    "userDefinedLogFieldsConfig",
    "website",
    "worm",
    "wormExtend",
    "wormId",
    "x-oss-write-get-object-response",
];

/// Parameters that name an operation but are not part of the V1 canonical resource: OSS's V1
/// list does not have them and neither Go v2 nor Python v2 signs them.
pub const UNSIGNED_SUB_RESOURCES: &[&str] = &["accessmonitor", "regions"];

/// Every name some operation signs in V1: [`OPERATION_SUB_RESOURCES`] and the sub-resources
/// and constant sub-resource parameters of every registered operation, less
/// [`UNSIGNED_SUB_RESOURCES`]. What a verifier gives [`canonical_resource`] as `declared`.
pub fn signed_sub_resources() -> &'static [Cow<'static, str>] {
    static ALL: std::sync::LazyLock<Vec<Cow<'static, str>>> = std::sync::LazyLock::new(|| {
        let mut out: Vec<Cow<'static, str>> = OPERATION_SUB_RESOURCES
            .iter()
            .map(|s| Cow::Borrowed(*s))
            .collect();
        for op in crate::ops::OPERATIONS.iter() {
            let consts = op
                .fixed_query
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| crate::subresources::is_sub_resource(k));
            for name in op.sub_resources.iter().copied().chain(consts) {
                if !UNSIGNED_SUB_RESOURCES.contains(&name) && !out.iter().any(|o| o == name) {
                    out.push(Cow::Borrowed(name));
                }
            }
        }
        out
    });
    &ALL
}

/// Whether query parameter `name` is part of the V1 canonical resource: a built-in name, a
/// name the operation declared, or any `x-oss-` name (Go v2's rule).
pub fn is_sub_resource(name: &str, declared: &[Cow<'static, str>]) -> bool {
    name.starts_with("x-oss-")
        || BUILTIN_SUB_RESOURCES.contains(&name)
        || declared.iter().any(|d| d == name)
}

/// `/`, `/bucket/` or `/bucket/key`, then `?` and the signed sub-resources sorted by name
/// (decoded, unescaped; a parameter with no or an empty value as its bare name).
///
/// ```
/// use ossio_core::signer::v1::canonical_resource;
/// let q = vec![("acl".to_string(), None), ("max-keys".to_string(), Some("10".to_string()))];
/// assert_eq!(canonical_resource(Some("b"), None, &q, &[]), "/b/?acl");
/// assert_eq!(canonical_resource(Some("b"), Some("k+1"), &[], &[]), "/b/k+1");
/// ```
pub fn canonical_resource(
    bucket: Option<&str>,
    key: Option<&str>,
    query: &[(String, Option<String>)],
    declared: &[Cow<'static, str>],
) -> String {
    let mut out = String::with_capacity(64);
    out.push('/');
    if let Some(b) = bucket {
        out.push_str(b);
        out.push('/');
        if let Some(k) = key {
            out.push_str(k);
        }
    }
    let mut subs: Vec<(&str, Option<&str>)> = query
        .iter()
        .filter(|(k, _)| is_sub_resource(k, declared))
        .map(|(k, v)| (k.as_str(), v.as_deref().filter(|v| !v.is_empty())))
        .collect();
    if !subs.is_empty() {
        subs.sort_by(|a, b| a.0.cmp(b.0));
        out.push('?');
        for (i, (k, v)) in subs.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(k);
            if let Some(v) = v {
                out.push('=');
                out.push_str(v);
            }
        }
    }
    out
}

/// The `x-oss-*` headers as `name:value\n` lines: names lower-cased, values trimmed, sorted
/// by name, repeated names joined with `,`.
pub fn canonical_headers(headers: &Headers) -> String {
    let mut oss: Vec<(String, &str)> = headers
        .iter()
        .filter(|(k, _)| k.len() >= 6 && k[..6].eq_ignore_ascii_case("x-oss-"))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim()))
        .collect();
    oss.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for (k, v) in &oss {
        if prev == Some(k.as_str()) {
            out.pop();
            out.push(',');
        } else {
            out.push_str(k);
            out.push(':');
        }
        out.push_str(v);
        out.push('\n');
        prev = Some(k);
    }
    out
}

/// The V1 string to sign. `date` is the `Date` slot: the date header value for header
/// signing, the `Expires` Unix time for presigned URLs.
pub fn string_to_sign(method: &str, headers: &Headers, date: &str, resource: &str) -> String {
    let mut s = String::with_capacity(128 + resource.len());
    s.push_str(method);
    s.push('\n');
    s.push_str(headers.get("content-md5").unwrap_or(""));
    s.push('\n');
    s.push_str(headers.get("content-type").unwrap_or(""));
    s.push('\n');
    s.push_str(date);
    s.push('\n');
    s.push_str(&canonical_headers(headers));
    s.push_str(resource);
    s
}

/// Base64 of HMAC-SHA1(secret, string to sign).
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The canonical resource of a whole request.
pub fn request_resource(req: &Request) -> String {
    canonical_resource(
        req.bucket.as_deref(),
        req.key.as_deref(),
        &req.query,
        &req.sub_resources,
    )
}
