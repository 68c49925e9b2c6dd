//! Which operation a request is: an explicit table of (level, method, sub-resources) →
//! operation. A request that matches no row is refused, never handed to a look-alike
//! (`PUT /bucket/key?retention` is not a PutObject).

use ossio_core::Headers;
use ossio_core::names;
use ossio_core::subresources::is_sub_resource;

/// Where a request points: the account, a bucket, or an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    Service,
    Bucket,
    Object,
}

/// Declares the operations this server serves, with their API names.
macro_rules! served {
    ($($op:ident),* $(,)?) => {
        /// An operation this server serves.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Op { $($op),* }

        impl Op {
            /// The API name.
            pub fn name(self) -> &'static str {
                match self { $(Op::$op => stringify!($op)),* }
            }
        }
    };
}

served!(
    ListBuckets,
    ListAccessPoints,
    PutBucket,
    DeleteBucket,
    PutBucketAcl,
    GetBucketAcl,
    GetBucketInfo,
    GetBucketLocation,
    ListObjects,
    ListObjectsV2,
    DeleteMultipleObjects,
    CreateAccessPoint,
    GetAccessPoint,
    DeleteAccessPoint,
    PutAccessPointPolicy,
    GetAccessPointPolicy,
    DeleteAccessPointPolicy,
    PutAccessPointPublicAccessBlock,
    GetAccessPointPublicAccessBlock,
    DeleteAccessPointPublicAccessBlock,
    PutObject,
    GetObject,
    HeadObject,
    GetObjectMeta,
    DeleteObject,
    PutObjectAcl,
    GetObjectAcl,
);

impl Op {
    /// Whether OSS answers `404 NoSuchBucket` for a missing bucket before it authenticates
    /// the request. Only the calls that may create a bucket (PutBucket, and PutBucketAcl,
    /// which once did) authenticate first.
    pub fn existence_first(self) -> bool {
        !matches!(self, Op::PutBucket | Op::PutBucketAcl | Op::ListBuckets)
    }
}

/// An extra condition a row puts on the request.
#[derive(Clone, Copy)]
enum When {
    Always,
    /// The header is present.
    Header(&'static str),
    /// The query parameter is present.
    Param(&'static str),
    /// The query parameter has this value.
    ParamIs(&'static str, &'static str),
}

struct Route {
    level: Level,
    method: &'static str,
    /// The sub-resources the request carries, exactly (sorted).
    subs: &'static [&'static str],
    when: When,
    op: Op,
}

const fn r(level: Level, method: &'static str, subs: &'static [&'static str], op: Op) -> Route {
    Route {
        level,
        method,
        subs,
        when: When::Always,
        op,
    }
}

const fn rw(
    level: Level,
    method: &'static str,
    subs: &'static [&'static str],
    when: When,
    op: Op,
) -> Route {
    Route {
        level,
        method,
        subs,
        when,
        op,
    }
}

use Level::{Bucket as B, Object as O, Service as S};

/// The table. The first row that matches wins, so a row with a condition comes before the
/// row without it.
const ROUTES: &[Route] = &[
    r(S, "GET", &[], Op::ListBuckets),
    r(S, "GET", &["accessPoint"], Op::ListAccessPoints),
    r(B, "PUT", &[], Op::PutBucket),
    r(B, "DELETE", &[], Op::DeleteBucket),
    r(B, "PUT", &["acl"], Op::PutBucketAcl),
    r(B, "GET", &["acl"], Op::GetBucketAcl),
    r(B, "GET", &["bucketInfo"], Op::GetBucketInfo),
    r(B, "GET", &["location"], Op::GetBucketLocation),
    rw(
        B,
        "GET",
        &[],
        When::ParamIs("list-type", "2"),
        Op::ListObjectsV2,
    ),
    r(B, "GET", &[], Op::ListObjects),
    r(B, "POST", &["delete"], Op::DeleteMultipleObjects),
    r(B, "PUT", &["accessPoint"], Op::CreateAccessPoint),
    rw(
        B,
        "GET",
        &["accessPoint"],
        When::Header(names::X_OSS_ACCESS_POINT_NAME),
        Op::GetAccessPoint,
    ),
    r(B, "GET", &["accessPoint"], Op::ListAccessPoints),
    r(B, "DELETE", &["accessPoint"], Op::DeleteAccessPoint),
    r(B, "PUT", &["accessPointPolicy"], Op::PutAccessPointPolicy),
    r(B, "GET", &["accessPointPolicy"], Op::GetAccessPointPolicy),
    r(
        B,
        "DELETE",
        &["accessPointPolicy"],
        Op::DeleteAccessPointPolicy,
    ),
    rw(
        B,
        "PUT",
        &["publicAccessBlock"],
        When::Param(names::X_OSS_ACCESS_POINT_NAME),
        Op::PutAccessPointPublicAccessBlock,
    ),
    rw(
        B,
        "GET",
        &["publicAccessBlock"],
        When::Param(names::X_OSS_ACCESS_POINT_NAME),
        Op::GetAccessPointPublicAccessBlock,
    ),
    rw(
        B,
        "DELETE",
        &["publicAccessBlock"],
        When::Param(names::X_OSS_ACCESS_POINT_NAME),
        Op::DeleteAccessPointPublicAccessBlock,
    ),
    // CopyObject is a PUT with a header; it must not become a PutObject of an empty body.
    // Listed in `UNSERVED_PLAIN`; `resolve` answers 501 for it.
    rw(
        O,
        "PUT",
        &[],
        When::Header(names::X_OSS_COPY_SOURCE),
        Op::PutObject, // never chosen: see `resolve`
    ),
    r(O, "PUT", &[], Op::PutObject),
    r(O, "GET", &[], Op::GetObject),
    r(O, "HEAD", &[], Op::HeadObject),
    r(O, "HEAD", &["objectMeta"], Op::GetObjectMeta),
    r(O, "GET", &["objectMeta"], Op::GetObjectMeta),
    r(O, "DELETE", &[], Op::DeleteObject),
    r(O, "PUT", &["acl"], Op::PutObjectAcl),
    r(O, "GET", &["acl"], Op::GetObjectAcl),
];

/// Query parameters that refine an operation; they never select one, even sent bare.
const PARAMETERS: &[&str] = &[
    "continuation-token",
    "delimiter",
    "encoding-type",
    "fetch-owner",
    "inventoryId",
    "key-marker",
    "list-type",
    "marker",
    "max-keys",
    "max-parts",
    "max-uploads",
    "part-number-marker",
    "partNumber",
    "position",
    "prefix",
    "resourceGroupId",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "response-content-language",
    "response-content-type",
    "response-expires",
    "rule-id",
    "start-after",
    "styleName",
    "tag-key",
    "tag-value",
    "upload-id-marker",
    "version-id-marker",
    "versionId",
];

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
    /// An operation this server serves.
    Op(Op),
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
                || (v.as_deref().unwrap_or("").is_empty()
                    && !PARAMETERS.contains(&k.as_str())
                    && !is_auth_param(k))
        })
        .map(|(k, _)| k.as_str())
        .collect();
    subs.sort_unstable();
    subs.dedup();
    subs
}

/// Resolves a request to an operation by the table.
pub(crate) fn resolve(
    level: Level,
    method: &str,
    query: &[(String, Option<String>)],
    headers: &Headers,
) -> Routed {
    let subs = sub_resources(query);
    let param = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    };
    // Versions are not kept: a request for a particular version must not act on the
    // current object.
    if param("versionId").is_some_and(|v| !v.is_empty() && v != "null") {
        return Routed::NotImplemented(UNSERVED_PLAIN[2].0.to_owned());
    }
    for route in ROUTES {
        if route.level != level || route.method != method || route.subs != subs.as_slice() {
            continue;
        }
        let holds = match route.when {
            When::Always => true,
            When::Header(h) => headers.get(h).is_some(),
            When::Param(p) => param(p).is_some(),
            When::ParamIs(p, v) => param(p) == Some(v),
        };
        if !holds {
            continue;
        }
        if let When::Header(h) = route.when {
            if h == names::X_OSS_COPY_SOURCE {
                return Routed::NotImplemented(UNSERVED_PLAIN[0].0.to_owned());
            }
        }
        return Routed::Op(route.op);
    }
    if subs.is_empty() {
        return match level {
            Level::Service => Routed::MethodNotAllowed,
            Level::Bucket if method == "POST" => {
                Routed::NotImplemented(UNSERVED_PLAIN[1].0.to_owned())
            }
            _ => Routed::NotImplemented(format!("{method} on this resource")),
        };
    }
    Routed::NotImplemented(format!("{method} ?{}", subs.join("&")))
}

/// Requests without a sub-resource that are still not served: (what, why it is refused).
const UNSERVED_PLAIN: &[(&str, &str)] = &[
    (
        "CopyObject (`PUT` with `x-oss-copy-source`)",
        "it would otherwise store an empty object",
    ),
    (
        "PostObject (`POST` form upload to a bucket)",
        "form uploads are not parsed",
    ),
    (
        "a `versionId` other than `null`",
        "versions are not kept, so no version can be read or deleted",
    ),
];

/// The README's "Known gaps" list, rendered from the table so that it cannot drift.
#[cfg(test)]
pub(crate) fn known_gaps_markdown() -> String {
    let level = |l: Level| match l {
        Level::Service => "service",
        Level::Bucket => "bucket",
        Level::Object => "object",
    };
    let mut none = Vec::new();
    let mut partly = Vec::new();
    for sub in ossio_core::subresources::ALL {
        let rows: Vec<String> = ROUTES
            .iter()
            .filter(|r| r.subs.contains(sub))
            .map(|r| {
                let when = match r.when {
                    When::Header(h) | When::Param(h) => format!(" with `{h}`"),
                    When::ParamIs(p, v) => format!(" with `{p}={v}`"),
                    When::Always => String::new(),
                };
                format!("{} {}{when} ({})", r.method, level(r.level), r.op.name())
            })
            .collect();
        if rows.is_empty() {
            none.push(format!("`{sub}`"));
        } else {
            partly.push(format!("- `{sub}`: only {}", rows.join(", ")));
        }
    }
    let mut out = String::from(
        "<!-- @generated from the routing table (crates/ossio-server/src/routes.rs) by\n     \
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

    fn at(level: Level, method: &str, query: &[(&str, Option<&str>)]) -> Routed {
        resolve(level, method, &q(query), &Headers::new())
    }

    #[test]
    fn unserved_sub_resources_are_not_implemented() {
        for (level, method, sub) in [
            (O, "PUT", "retention"),
            (O, "PUT", "legalHold"),
            (O, "PUT", "tagging"),
            (O, "POST", "uploads"),
            (O, "GET", "x-oss-process"),
            (B, "PUT", "live"),
            (B, "GET", "live"),
            (B, "GET", "qos"),
            (B, "PUT", "cors"),
            (S, "GET", "regions"),
        ] {
            let routed = at(level, method, &[(sub, None)]);
            assert!(
                matches!(&routed, Routed::NotImplemented(w) if w.contains(sub)),
                "{method} ?{sub}: {routed:?}"
            );
        }
    }

    #[test]
    fn an_unknown_bare_flag_is_not_a_plain_operation() {
        assert!(matches!(
            at(O, "PUT", &[("someNewFeature", None)]),
            Routed::NotImplemented(_)
        ));
        // A valued parameter nobody knows is ignored, as OSS does.
        assert_eq!(
            at(B, "GET", &[("foo", Some("bar"))]),
            Routed::Op(Op::ListObjects)
        );
        assert_eq!(
            at(B, "GET", &[("prefix", Some("")), ("marker", None)]),
            Routed::Op(Op::ListObjects)
        );
    }

    /// The README section between the markers is the rendering of this table.
    #[test]
    fn known_gaps_in_the_readme_are_current() {
        const START: &str = "<!-- known-gaps:start -->\n";
        const END: &str = "<!-- known-gaps:end -->";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let a = readme.find(START).expect("start marker") + START.len();
        let b = readme.find(END).expect("end marker");
        let want = known_gaps_markdown();
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

    #[test]
    fn served_rows() {
        assert_eq!(at(S, "GET", &[]), Routed::Op(Op::ListBuckets));
        assert_eq!(at(S, "PUT", &[]), Routed::MethodNotAllowed);
        assert_eq!(
            at(B, "GET", &[("list-type", Some("2"))]),
            Routed::Op(Op::ListObjectsV2)
        );
        assert_eq!(
            at(O, "HEAD", &[("objectMeta", None)]),
            Routed::Op(Op::GetObjectMeta)
        );
        assert_eq!(
            at(O, "GET", &[("versionId", Some("null"))]),
            Routed::Op(Op::GetObject)
        );
        assert!(matches!(
            at(O, "DELETE", &[("versionId", Some("CAEQ"))]),
            Routed::NotImplemented(_)
        ));
        let mut h = Headers::new();
        h.insert(names::X_OSS_COPY_SOURCE, "/b/k");
        assert!(matches!(
            resolve(O, "PUT", &[], &h),
            Routed::NotImplemented(w) if w.contains("CopyObject")
        ));
    }
}
