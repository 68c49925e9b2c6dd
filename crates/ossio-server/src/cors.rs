//! Cross-origin resource sharing, answered from a bucket's stored `CORSConfiguration` (set
//! by PutBucketCors, kept by [`crate::config`]) as OSS answers:
//!
//! - A preflight (`OPTIONS` on an object or on the bucket, whatever the query) is not
//!   authenticated: a signature, valid or not, is ignored. The bucket must exist
//!   (`404 NoSuchBucket`). Without a configuration it is
//!   `403 AccessForbidden` "CORSResponse: CORS is not enabled for this bucket."; with one,
//!   the first rule whose `AllowedOrigin` matches the `Origin` (exactly, `*` alone for any
//!   origin, or one `*` standing for any run of characters), whose `AllowedMethod` lists
//!   `Access-Control-Request-Method` and whose `AllowedHeader`s match every name of
//!   `Access-Control-Request-Headers` (case-insensitively, `*` wildcards) answers `200`
//!   with the rule's headers; no such rule is `403 AccessForbidden` with OSS's
//!   "This CORS request is not allowed" message (spelled as OSS spells it).
//! - Any other request to such a bucket that carries an `Origin` gets the headers of the
//!   first rule matching its origin and its own method, on success and on error answers
//!   alike.
//! - The rule's headers: `Access-Control-Allow-Origin` (`*` when the origin matched a bare
//!   `*`, else the request's origin), `Access-Control-Allow-Methods` (every method of the
//!   rule, `", "`-separated), `Access-Control-Allow-Headers` (a preflight's requested
//!   headers, as sent), `Access-Control-Expose-Headers` (the rule's, `", "`-separated) and
//!   `Access-Control-Max-Age` (its `MaxAgeSeconds`), each when there is something to say.
//! - `ResponseVary` true adds `Vary: Origin` to every answer about the bucket, cross-origin
//!   or not, allowed or not; false (or absent) never.

use crate::error::{OssError, Result};
use crate::http::{RequestHead, Response};
use crate::service::Service;
use crate::state::Store;
use ossio_core::Headers;
use ossio_core::names::cors::{
    ALLOW_HEADERS, ALLOW_METHODS, ALLOW_ORIGIN, EXPOSE_HEADERS, MAX_AGE, ORIGIN, REQUEST_HEADERS,
    REQUEST_METHOD, VARY,
};
use ossio_core::ops::decl::from_xml;
use ossio_core::ops::{CorsConfiguration, CorsRule};

/// OSS's message for a preflight to a bucket without CORS rules.
pub(crate) const NOT_ENABLED: &str = "CORSResponse: CORS is not enabled for this bucket.";

/// OSS's message for a preflight no rule allows ("Requet" is OSS's spelling).
pub(crate) const NOT_ALLOWED: &str = "CORSResponse: This CORS request is not allowed. This is \
     usually because the evaluation of Origin, request method / Access-Control-Request-Method \
     or Access-Control-Requet-Headers are not whitelisted by the resource's CORS spec.";

/// The CORS configuration stored for `bucket` (a bucket's name or an access point's alias),
/// if it has one that reads.
fn configuration(store: &Store, bucket: &str) -> Option<CorsConfiguration> {
    let (b, _) = store.resolve(bucket)?;
    let key = crate::config::family_of("PutBucketCors")?.storage_key(&[]);
    let stored = b.configs.get(&key)?;
    from_xml::<CorsConfiguration>(stored.body.as_bytes()).ok()
}

/// Whether `pattern` (with at most one `*`, standing for any run of characters) matches
/// `value`; `fold` compares ASCII letters case-insensitively.
fn wildcard(pattern: &str, value: &str, fold: bool) -> bool {
    let eq = |a: &str, b: &str| {
        if fold {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    match pattern.split_once('*') {
        None => eq(pattern, value),
        Some((prefix, suffix)) => {
            value.len() >= prefix.len() + suffix.len()
                && value.is_char_boundary(prefix.len())
                && value.is_char_boundary(value.len() - suffix.len())
                && eq(&value[..prefix.len()], prefix)
                && eq(&value[value.len() - suffix.len()..], suffix)
        }
    }
}

/// The headers a rule allows, ready to be sent.
#[derive(Debug, PartialEq, Eq)]
struct Allowed {
    origin: String,
    methods: String,
    headers: Option<String>,
    expose: Option<String>,
    max_age: Option<u64>,
}

impl Allowed {
    fn apply(self, resp: &mut Response) {
        resp.set_header(ALLOW_ORIGIN, self.origin);
        resp.set_header(ALLOW_METHODS, self.methods);
        if let Some(h) = self.headers {
            resp.set_header(ALLOW_HEADERS, h);
        }
        if let Some(e) = self.expose {
            resp.set_header(EXPOSE_HEADERS, e);
        }
        if let Some(m) = self.max_age {
            resp.set_header(MAX_AGE, m.to_string());
        }
    }
}

/// What the first rule matching `origin`, `method` and every header of `requested` (a
/// preflight's `Access-Control-Request-Headers`) allows.
fn evaluate(
    config: &CorsConfiguration,
    origin: &str,
    method: &str,
    requested: Option<&str>,
) -> Option<Allowed> {
    let names: Vec<&str> = requested
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let matches = |rule: &CorsRule| {
        rule.allowed_methods
            .iter()
            .any(|m| m.as_str().eq_ignore_ascii_case(method))
            && names.iter().all(|h| {
                rule.allowed_headers
                    .iter()
                    .any(|a| wildcard(a.trim(), h, true))
            })
    };
    config.cors_rules.iter().find_map(|rule| {
        let allowed_origin = rule
            .allowed_origins
            .iter()
            .map(|o| o.trim())
            .find(|o| wildcard(o, origin, false))?;
        if !matches(rule) {
            return None;
        }
        let list = |items: Vec<&str>| (!items.is_empty()).then(|| items.join(", "));
        Some(Allowed {
            origin: if allowed_origin == "*" {
                "*".to_owned()
            } else {
                origin.to_owned()
            },
            methods: rule
                .allowed_methods
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            headers: requested
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_owned),
            expose: list(rule.expose_headers.iter().map(String::as_str).collect()),
            max_age: rule.max_age_seconds,
        })
    })
}

fn forbidden(message: &str) -> OssError {
    OssError::new(403, "AccessForbidden", message)
}

impl Service {
    /// Answers a preflight (`OPTIONS`) to `bucket`: see the module docs.
    pub(crate) fn preflight(&self, bucket: &str, headers: &Headers) -> Result<Response> {
        let config = {
            let store = self.store();
            if store.resolve(bucket).is_none() {
                return Err(OssError::no_such_bucket(bucket));
            }
            configuration(&store, bucket)
        };
        let Some(config) = config.filter(|c| !c.cors_rules.is_empty()) else {
            return Err(forbidden(NOT_ENABLED));
        };
        let origin = headers.get(ORIGIN).map(str::trim).unwrap_or("");
        let method = headers.get(REQUEST_METHOD).map(str::trim).unwrap_or("");
        if origin.is_empty() || method.is_empty() {
            return Err(forbidden(NOT_ALLOWED));
        }
        let allowed = evaluate(&config, origin, method, headers.get(REQUEST_HEADERS))
            .ok_or_else(|| forbidden(NOT_ALLOWED))?;
        let mut resp = Response::new(200);
        allowed.apply(&mut resp);
        Ok(resp)
    }

    /// Adds the CORS headers of `bucket`'s rules to the answer `resp` to `head` (a preflight's
    /// own headers are already set; only `Vary` is added to it).
    pub(crate) fn add_cors_headers(
        &self,
        head: &RequestHead,
        bucket: Option<&str>,
        resp: &mut Response,
    ) {
        let Some(bucket) = bucket else { return };
        let Some(config) = configuration(&self.store(), bucket) else {
            return;
        };
        if config.response_vary == Some(true) {
            resp.set_header(VARY, ORIGIN);
        }
        if head.method.eq_ignore_ascii_case("OPTIONS") {
            return;
        }
        let Some(origin) = head.headers.get(ORIGIN).map(str::trim) else {
            return;
        };
        if let Some(allowed) = evaluate(&config, origin, &head.method.to_ascii_uppercase(), None) {
            allowed.apply(resp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ossio_core::ops::CorsMethod;

    fn rule(origins: &[&str], methods: &[CorsMethod], headers: &[&str]) -> CorsRule {
        CorsRule {
            allowed_origins: origins.iter().map(|s| s.to_string()).collect(),
            allowed_methods: methods.to_vec(),
            allowed_headers: headers.iter().map(|s| s.to_string()).collect(),
            expose_headers: Vec::new(),
            max_age_seconds: None,
        }
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("*", "http://a.example", false));
        assert!(wildcard(
            "https://*.example.com",
            "https://www.example.com",
            false
        ));
        assert!(!wildcard(
            "https://*.example.com",
            "http://www.example.com",
            false
        ));
        assert!(!wildcard(
            "https://*.example.com",
            "https://example.com",
            false
        ));
        assert!(wildcard("http://a.example", "http://a.example", false));
        assert!(!wildcard("http://A.example", "http://a.example", false));
        assert!(wildcard("x-oss-*", "X-OSS-Meta-A", true));
        assert!(wildcard("*-type", "Content-Type", true));
        assert!(!wildcard("ab*ba", "aba", false));
    }

    #[test]
    fn the_first_matching_rule_answers() {
        let mut other = rule(&["http://other"], &[CorsMethod::Get], &[]);
        other.max_age_seconds = Some(5);
        let mut star = rule(&["*"], &[CorsMethod::Get, CorsMethod::Put], &["x-oss-*"]);
        star.expose_headers = vec!["ETag".into(), "x-oss-request-id".into()];
        star.max_age_seconds = Some(100);
        let config = CorsConfiguration {
            cors_rules: vec![other, star],
            response_vary: None,
        };
        let a = evaluate(&config, "http://other", "GET", None).unwrap();
        assert_eq!(a.origin, "http://other");
        assert_eq!(a.methods, "GET");
        assert_eq!(a.max_age, Some(5));
        let b = evaluate(
            &config,
            "http://other",
            "PUT",
            Some("X-Oss-Meta-A, x-oss-b"),
        )
        .unwrap();
        assert_eq!(
            b,
            Allowed {
                origin: "*".into(),
                methods: "GET, PUT".into(),
                headers: Some("X-Oss-Meta-A, x-oss-b".into()),
                expose: Some("ETag, x-oss-request-id".into()),
                max_age: Some(100),
            }
        );
        assert!(evaluate(&config, "http://x", "PUT", Some("content-type")).is_none());
        assert!(evaluate(&config, "http://x", "DELETE", None).is_none());
    }
}
