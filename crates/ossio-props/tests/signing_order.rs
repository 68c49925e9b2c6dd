//! A signature depends on what a request says, never on the order its headers and query
//! parameters were given in (V1 and V4, header signing and presigning).

use ossio_core::encoding::parse_query;
use ossio_core::{Config, Credentials, Method, Request, SignatureVersion, Signer};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, UNIX_EPOCH};

#[derive(Debug, Clone)]
struct Parts {
    headers: Vec<(String, String)>,
    query: Vec<(String, Option<String>)>,
}

fn header_value() -> impl Strategy<Value = String> {
    "[!-~]([ -~]{0,20}[!-~])?"
}

fn parts() -> impl Strategy<Value = Parts> {
    let headers = prop::collection::btree_map(
        prop_oneof![
            "x-oss-meta-[a-z0-9_-]{1,10}",
            "x-oss-[a-z-]{1,10}",
            Just("Content-Type".to_owned()),
            Just("Content-MD5".to_owned()),
            "x-custom-[a-z]{1,6}",
        ],
        header_value(),
        0..8,
    );
    // Sub-resources (signed by V1), response overrides and arbitrary names (signed by V4).
    let query = prop::collection::btree_map(
        prop_oneof![
            Just("acl".to_owned()),
            Just("tagging".to_owned()),
            Just("versionId".to_owned()),
            Just("response-content-type".to_owned()),
            Just("uploadId".to_owned()),
            "[a-zA-Z0-9 +%~?#&=é-]{1,10}",
        ],
        prop::option::of("[ -~é中]{0,12}"),
        0..8,
    );
    (headers, query).prop_map(|(h, q)| Parts {
        // Names differing only in case would be one header: keep the first.
        headers: dedup_case(h),
        query: q.into_iter().collect(),
    })
}

fn dedup_case(h: BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in h {
        if !out.iter().any(|(e, _)| e.eq_ignore_ascii_case(&k)) {
            out.push((k, v));
        }
    }
    out
}

fn request(
    method: Method,
    key: &str,
    headers: &[(String, String)],
    query: &[(String, Option<String>)],
) -> Request {
    let mut r = Request::new(method).bucket("order-bucket").key(key);
    for (k, v) in headers {
        r = r.header(k.clone(), v.clone());
    }
    r.query = query.to_vec();
    r.with_known_sub_resources()
}

/// Everything in a signed URL's query but the order.
fn sorted_query(url: &str) -> Vec<(String, Option<String>)> {
    let mut q = parse_query(url.split_once('?').map_or("", |(_, q)| q)).unwrap();
    q.sort();
    q
}

fn signer(v: SignatureVersion) -> Signer {
    Signer::new(
        Config::new("cn-hangzhou")
            .unwrap()
            .with_signature_version(v),
    )
}

fn shuffled<T: Clone + std::fmt::Debug>(v: Vec<T>) -> impl Strategy<Value = (Vec<T>, Vec<T>)> {
    let a = Just(v.clone()).prop_shuffle();
    let b = Just(v).prop_shuffle();
    (a, b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn signature_is_independent_of_header_and_query_order(
        (p, (h1, h2), (q1, q2)) in parts().prop_flat_map(|p| {
            let h = shuffled(p.headers.clone());
            let q = shuffled(p.query.clone());
            (Just(p), h, q)
        }),
        v4 in any::<bool>(),
        token in prop::option::of("[A-Za-z0-9+/=]{1,40}"),
        key in "[a-zA-Z0-9 +%~?#/é中-]{1,20}".prop_filter("valid key", |k| !k.starts_with('/')),
        secs in 1_600_000_000u64..1_900_000_000,
        method in prop_oneof![Just(Method::Get), Just(Method::Put), Just(Method::Head)],
    ) {
        let _ = p;
        let version = if v4 { SignatureVersion::V4 } else { SignatureVersion::V1 };
        let s = signer(version);
        let mut creds = Credentials::new("order-ak", "order-secret-é");
        if let Some(t) = token {
            creds = creds.with_security_token(t);
        }
        let at = UNIX_EPOCH + Duration::from_secs(secs);
        let a = request(method, &key, &h1, &q1);
        let b = request(method, &key, &h2, &q2);

        let sa = s.sign(&a, &creds, at).unwrap();
        let sb = s.sign(&b, &creds, at).unwrap();
        prop_assert_eq!(sa.headers.get("Authorization"), sb.headers.get("Authorization"));
        prop_assert_eq!(&sa.string_to_sign, &sb.string_to_sign);
        prop_assert_eq!(&sa.canonical_request, &sb.canonical_request);

        let pa = s.presign(&a, &creds, at, Duration::from_secs(3600)).unwrap();
        let pb = s.presign(&b, &creds, at, Duration::from_secs(3600)).unwrap();
        prop_assert_eq!(&pa.string_to_sign, &pb.string_to_sign);
        // Same parameters (signature included), possibly in another order.
        prop_assert_eq!(sorted_query(&pa.url), sorted_query(&pb.url));
    }

    #[test]
    fn header_name_case_does_not_change_the_signature(
        p in parts(),
        v4 in any::<bool>(),
        secs in 1_600_000_000u64..1_900_000_000,
    ) {
        let version = if v4 { SignatureVersion::V4 } else { SignatureVersion::V1 };
        let s = signer(version);
        let creds = Credentials::new("ak", "sk");
        let at = UNIX_EPOCH + Duration::from_secs(secs);
        let upper: Vec<(String, String)> =
            p.headers.iter().map(|(k, v)| (k.to_ascii_uppercase(), v.clone())).collect();
        let lower: Vec<(String, String)> =
            p.headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.clone())).collect();
        let a = s.sign(&request(Method::Put, "k", &upper, &p.query), &creds, at).unwrap();
        let b = s.sign(&request(Method::Put, "k", &lower, &p.query), &creds, at).unwrap();
        prop_assert_eq!(a.headers.get("Authorization"), b.headers.get("Authorization"));
    }
}
