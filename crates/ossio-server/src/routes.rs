//! Which operation a request is: the core's registry (`ossio_core::ops::route`) decides,
//! and a request this server does not serve is refused, never handed to a look-alike
//! (`PUT /bucket/key?retention` is not a PutObject).

use ossio_core::ops::decl::OpSchema;
use ossio_core::subresources::{is_parameter, is_sub_resource};
use ossio_core::{Headers, Method, Request, names};

/// Query parameters that carry a presigned URL's signature, not the operation.
pub(crate) fn is_auth_param(name: &str) -> bool {
    use names::presign as p;
    [
        p::OSS_ACCESS_KEY_ID,
        p::EXPIRES,
        p::SIGNATURE,
        p::SECURITY_TOKEN,
        p::X_OSS_SIGNATURE_VERSION,
        p::X_OSS_DATE,
        p::X_OSS_EXPIRES,
        p::X_OSS_CREDENTIAL,
        p::X_OSS_SECURITY_TOKEN,
        p::X_OSS_ADDITIONAL_HEADERS,
        p::X_OSS_SIGNATURE,
    ]
    .contains(&name)
}

/// What a request is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Routed {
    /// A registered operation this server serves.
    Op(&'static OpSchema),
    /// Something OSS does that this server does not: `501 NotImplemented`, naming it.
    NotImplemented(String),
    /// No operation at all (e.g. `PUT /`): `405 MethodNotAllowed`.
    MethodNotAllowed,
}

/// The sub-resources of a query: OSS's sub-resource names, plus any other bare parameter
/// that is not a known refinement (a flag this server has never heard of selects some
/// operation it does not serve; guessing would risk running the wrong one).
fn sub_resources(query: &[(String, Option<String>)]) -> Vec<&str> {
    let mut subs: Vec<&str> = query
        .iter()
        .filter(|(k, v)| {
            is_sub_resource(k)
                || (v.as_deref().unwrap_or("").is_empty() && !is_parameter(k) && !is_auth_param(k))
        })
        .map(|(k, _)| k.as_str())
        .collect();
    subs.sort_unstable();
    subs.dedup();
    subs
}

/// Resolves a request by the registry; `served` says which operations this server serves.
pub(crate) fn resolve(
    bucket: Option<&str>,
    key: Option<&str>,
    method: &str,
    query: &[(String, Option<String>)],
    headers: &Headers,
    served: impl Fn(&str) -> bool,
) -> Routed {
    let subs = sub_resources(query);
    let routed = method.parse::<Method>().ok().and_then(|m| {
        let mut req = Request::new(m);
        req.bucket = bucket.map(str::to_owned);
        req.key = key.map(str::to_owned);
        req.query = query.to_vec();
        req.headers = headers.clone();
        ossio_core::ops::route(&req)
    });
    match routed {
        Some(op) if subs.iter().all(|s| op.sub_resources.contains(s)) => {
            if served(op.name) {
                Routed::Op(op)
            } else {
                Routed::NotImplemented(op.name.to_owned())
            }
        }
        _ if !subs.is_empty() => Routed::NotImplemented(format!("{method} ?{}", subs.join("&"))),
        _ if bucket.is_none() => Routed::MethodNotAllowed,
        _ if key.is_none() && method == "POST" => {
            Routed::NotImplemented(UNSERVED_PLAIN[0].0.to_owned())
        }
        _ => Routed::NotImplemented(format!("{method} on this resource")),
    }
}

/// Where an operation points, from its input's fields.
#[cfg(test)]
fn level(op: &OpSchema) -> &'static str {
    use ossio_core::ops::decl::Location;
    let has = |l: Location| op.input.fields.iter().any(|f| f.location == l);
    if has(Location::Key) {
        "object"
    } else if has(Location::Bucket) {
        "bucket"
    } else {
        "service"
    }
}

/// Requests without a sub-resource that are still not served: (what, why it is refused).
const UNSERVED_PLAIN: &[(&str, &str)] = &[(
    "PostObject (`POST` form upload to a bucket)",
    "form uploads are not parsed",
)];

/// The README's "Known gaps" list, rendered from the registry and the operations this
/// server serves, so that it cannot drift.
#[cfg(test)]
pub(crate) fn known_gaps_markdown(served: impl Fn(&str) -> bool) -> String {
    let ops = &*ossio_core::ops::OPERATIONS;
    let mut none = Vec::new();
    let mut partly = Vec::new();
    for sub in ossio_core::subresources::ALL {
        let rows: Vec<String> = ops
            .iter()
            .filter(|o| o.sub_resources.contains(sub) && served(o.name))
            .map(|o| format!("{} {} ({})", o.method.as_str(), level(o), o.name))
            .collect();
        if rows.is_empty() {
            none.push(format!("`{sub}`"));
        } else {
            partly.push(format!("- `{sub}`: only {}", rows.join(", ")));
        }
    }
    let unserved: Vec<String> = ops
        .iter()
        .filter(|o| !served(o.name))
        .map(|o| format!("`{}`", o.name))
        .collect();
    let mut out = String::from(
        "<!-- @generated from the operation registry and the server's handlers by\n     \
         `OSSIO_BLESS=1 cargo test -p ossio-server known_gaps`; do not edit. -->\n",
    );
    out.push_str(
        "A request answers `501 NotImplemented` (OSS's error document, naming what is missing) \
         and changes nothing when it carries a sub-resource this server does not serve:\n\n",
    );
    out.push_str(&none.join(", "));
    out.push_str(
        ".\n\nThese sub-resources are served for some methods and levels only; any other use \
         is `501`:\n\n",
    );
    out.push_str(&partly.join("\n"));
    if !unserved.is_empty() {
        out.push_str("\n\nRegistered operations this server does not serve: ");
        out.push_str(&unserved.join(", "));
        out.push('.');
    }
    out.push_str("\n\nAlso `501`:\n\n");
    for (what, why) in UNSERVED_PLAIN {
        out.push_str(&format!("- {what}: {why}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_owned)))
            .collect()
    }

    fn at(bucket: bool, key: bool, method: &str, query: &[(&str, Option<&str>)]) -> Routed {
        resolve(
            bucket.then_some("bkt"),
            key.then_some("k"),
            method,
            &q(query),
            &Headers::new(),
            |_| true,
        )
    }

    fn name(r: Routed) -> Option<&'static str> {
        match r {
            Routed::Op(op) => Some(op.name),
            _ => None,
        }
    }

    #[test]
    fn unserved_sub_resources_are_not_implemented() {
        for (bucket, key, method, sub) in [
            (true, true, "PUT", "retention"),
            (true, true, "PUT", "legalHold"),
            (true, true, "PUT", "tagging"),
            (true, true, "POST", "vod"),
            (true, true, "PUT", "select"),
            (true, true, "PUT", "rtc"),
            (true, true, "GET", "objectWorm"),
            (true, true, "POST", "uploads"),
            (true, true, "GET", "x-oss-process"),
            (true, false, "PUT", "live"),
            (true, false, "GET", "live"),
            (true, false, "GET", "qos"),
            (true, false, "PUT", "vod"),
            (false, false, "GET", "regions"),
        ] {
            let routed = at(bucket, key, method, &[(sub, None)]);
            // Once the core declares the operation, it is registered (and served here).
            if matches!(&routed, Routed::Op(op) if op.sub_resources.contains(&sub)) {
                continue;
            }
            assert!(
                matches!(&routed, Routed::NotImplemented(w) if w.contains(sub)),
                "{method} ?{sub}: {routed:?}"
            );
        }
    }

    #[test]
    fn an_unknown_bare_flag_is_not_a_plain_operation() {
        assert!(matches!(
            at(true, true, "PUT", &[("someNewFeature", None)]),
            Routed::NotImplemented(_)
        ));
        // A valued parameter OSS does not know is ignored, as OSS does.
        assert_eq!(
            name(at(true, false, "GET", &[("foo", Some("bar"))])),
            Some("ListObjects")
        );
        assert_eq!(
            name(at(
                true,
                false,
                "GET",
                &[("prefix", Some("")), ("marker", None)]
            )),
            Some("ListObjects")
        );
    }

    #[test]
    fn served_rows() {
        assert_eq!(name(at(false, false, "GET", &[])), Some("ListBuckets"));
        assert_eq!(at(false, false, "PUT", &[]), Routed::MethodNotAllowed);
        assert_eq!(
            name(at(true, false, "GET", &[("list-type", Some("2"))])),
            Some("ListObjectsV2")
        );
        assert_eq!(
            name(at(true, true, "HEAD", &[("objectMeta", None)])),
            Some("GetObjectMeta")
        );
        assert_eq!(
            name(at(true, true, "GET", &[("versionId", Some("null"))])),
            Some("GetObject")
        );
        assert_eq!(
            name(at(true, true, "DELETE", &[("versionId", Some("CAEQ"))])),
            Some("DeleteObject")
        );
        let mut h = Headers::new();
        h.insert(names::X_OSS_COPY_SOURCE, "/b/k");
        assert_eq!(
            name(resolve(Some("b"), Some("k"), "PUT", &[], &h, |_| true)),
            Some("CopyObject")
        );
        let part = q(&[("partNumber", Some("1")), ("uploadId", Some("U"))]);
        assert_eq!(
            name(resolve(Some("b"), Some("k"), "PUT", &part, &h, |_| true)),
            Some("UploadPartCopy")
        );
        assert_eq!(
            name(resolve(
                Some("b"),
                Some("k"),
                "PUT",
                &part,
                &Headers::new(),
                |_| true
            )),
            Some("UploadPart")
        );
        for (method, op) in [
            ("GET", "ListParts"),
            ("POST", "CompleteMultipartUpload"),
            ("DELETE", "AbortMultipartUpload"),
        ] {
            assert_eq!(
                name(at(true, true, method, &[("uploadId", Some("U"))])),
                Some(op)
            );
        }
        let mut h = Headers::new();
        h.insert(names::X_OSS_ACCESS_POINT_NAME, "ap");
        let get_ap = resolve(
            Some("b"),
            None,
            "GET",
            &q(&[("accessPoint", None)]),
            &h,
            |_| true,
        );
        assert_eq!(name(get_ap), Some("GetAccessPoint"));
        // A registered operation the server does not serve is named in the 501.
        assert_eq!(
            resolve(
                Some("b"),
                None,
                "GET",
                &q(&[("acl", None)]),
                &Headers::new(),
                |n| n != "GetBucketAcl"
            ),
            Routed::NotImplemented("GetBucketAcl".into())
        );
    }

    /// The README section between the markers is the rendering of the registry.
    #[test]
    fn known_gaps_in_the_readme_are_current() {
        const START: &str = "<!-- known-gaps:start -->\n";
        const END: &str = "<!-- known-gaps:end -->";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let a = readme.find(START).expect("start marker") + START.len();
        let b = readme.find(END).expect("end marker");
        let want = known_gaps_markdown(crate::service::serves);
        if readme[a..b] != want {
            if std::env::var_os("OSSIO_BLESS").is_some() {
                let fresh = format!("{}{want}{}", &readme[..a], &readme[b..]);
                std::fs::write(path, fresh).unwrap();
            } else {
                panic!(
                    "README.md's known gaps are stale: run `OSSIO_BLESS=1 cargo test -p ossio-server known_gaps`"
                );
            }
        }
    }
}
