//! V4 signatures: `OSS4-HMAC-SHA256` in the `Authorization` header and in presigned URLs.
//!
//! The canonical request is its own value ([`canonical_request`]) so it can be compared with
//! the one OSS returns in a `SignatureDoesNotMatch` error.

use crate::encoding;
use crate::request::Headers;
use crate::signer::hex;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::sync::Mutex;

/// The algorithm name.
pub const ALGORITHM: &str = "OSS4-HMAC-SHA256";
/// The payload hash OSS uses: bodies are not hashed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// Longest lifetime of a V4 presigned URL, in seconds (seven days).
pub const MAX_PRESIGN_EXPIRES: u64 = 604_800;

/// Whether a header is signed by default (`x-oss-*`, `content-type`, `content-md5`);
/// `name` must be lower-case.
pub fn is_default_signed(name: &str) -> bool {
    name.starts_with("x-oss-") || name == "content-type" || name == "content-md5"
}

/// The effective additional-header list: lower-cased, minus default-signed names and names
/// absent (or empty) on the request, de-duplicated and sorted.
pub fn effective_additional_headers<'a, I>(requested: I, headers: &Headers) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut out: Vec<String> = requested
        .into_iter()
        .map(str::to_ascii_lowercase)
        .filter(|n| !is_default_signed(n))
        .filter(|n| headers.get(n).is_some_and(|v| !v.trim().is_empty()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The canonical query: every parameter, names and values RFC 3986-encoded, sorted by
/// encoded name, valueless and empty parameters as bare names.
pub fn canonical_query<'a, I>(query: I) -> String
where
    I: IntoIterator<Item = (&'a str, Option<&'a str>)>,
{
    let mut pairs: Vec<(String, Option<String>)> = query
        .into_iter()
        .map(|(k, v)| {
            (
                encoding::encode_component(k),
                v.filter(|v| !v.is_empty()).map(encoding::encode_component),
            )
        })
        .collect();
    pairs.sort();
    let mut out = String::new();
    for (k, v) in &pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(k);
        if let Some(v) = v {
            out.push('=');
            out.push_str(v);
        }
    }
    out
}

/// The canonical headers block (each line `name:value\n`): default-signed headers present on
/// the request plus `additional` (already effective), names lower-cased, values trimmed,
/// sorted, repeated names joined with `,`.
pub fn canonical_headers(headers: &Headers, additional: &[String]) -> String {
    let mut out = String::new();
    write_canonical_headers(&mut out, headers, additional);
    out
}

fn is_signed_name(name: &str, additional: &[String]) -> bool {
    let b = name.as_bytes();
    (b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"x-oss-"))
        || name.eq_ignore_ascii_case("content-type")
        || name.eq_ignore_ascii_case("content-md5")
        || additional.iter().any(|a| a.eq_ignore_ascii_case(name))
}

/// Appends the canonical headers block to `out` (on the signing hot path: no per-header
/// allocation).
pub fn write_canonical_headers(out: &mut String, headers: &Headers, additional: &[String]) {
    // Names are usually lower-case already; only the others are copied.
    let mut signed: Vec<(std::borrow::Cow<'_, str>, &str)> = headers
        .iter()
        .filter(|(k, _)| is_signed_name(k, additional))
        .map(|(k, v)| {
            let name = if k.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(k.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(k)
            };
            (name, v.trim())
        })
        .collect();
    // Stable: repeated names keep the order they were given in.
    signed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut prev: Option<&str> = None;
    for (k, v) in &signed {
        if prev == Some(k.as_ref()) {
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
}

/// The canonical URI: `/`, `/bucket/` or `/bucket/<path-encoded key>`.
pub fn canonical_uri(bucket: Option<&str>, key: Option<&str>) -> String {
    let mut out = String::from("/");
    if let Some(b) = bucket {
        encoding::encode_path_into(&mut out, b);
        out.push('/');
        if let Some(k) = key {
            encoding::encode_path_into(&mut out, k);
        }
    }
    out
}

/// Everything the canonical request is made of.
#[derive(Debug, Clone, Copy)]
pub struct CanonicalInput<'a> {
    /// HTTP method.
    pub method: &'a str,
    /// Bucket (or alias).
    pub bucket: Option<&'a str>,
    /// Raw object key.
    pub key: Option<&'a str>,
    /// Decoded query parameters, including any the signer added.
    pub query: &'a [(&'a str, Option<&'a str>)],
    /// Headers as they will be sent.
    pub headers: &'a Headers,
    /// The effective additional headers.
    pub additional: &'a [String],
}

/// The canonical request.
pub fn canonical_request(input: &CanonicalInput<'_>) -> String {
    let payload = input
        .headers
        .get("x-oss-content-sha256")
        .unwrap_or(UNSIGNED_PAYLOAD);
    let estimate = 64
        + input.key.map_or(0, |k| k.len() * 3)
        + input
            .headers
            .iter()
            .map(|(k, v)| k.len() + v.len() + 2)
            .sum::<usize>()
        + input
            .query
            .iter()
            .map(|(k, v)| 2 + 3 * (k.len() + v.map_or(0, str::len)))
            .sum::<usize>();
    let mut s = String::with_capacity(estimate);
    s.push_str(input.method);
    s.push('\n');
    s.push('/');
    if let Some(b) = input.bucket {
        encoding::encode_path_into(&mut s, b);
        s.push('/');
        if let Some(k) = input.key {
            encoding::encode_path_into(&mut s, k);
        }
    }
    s.push('\n');
    if !input.query.is_empty() {
        s.push_str(&canonical_query(input.query.iter().copied()));
    }
    s.push('\n');
    write_canonical_headers(&mut s, input.headers, input.additional);
    s.push('\n');
    for (i, a) in input.additional.iter().enumerate() {
        if i > 0 {
            s.push(';');
        }
        s.push_str(a);
    }
    s.push('\n');
    s.push_str(payload);
    s
}

/// `date/region/product/aliyun_v4_request`; `date` is `YYYYMMDD`.
pub fn scope(date: &str, region: &str, product: &str) -> String {
    format!("{date}/{region}/{product}/aliyun_v4_request")
}

/// The V4 string to sign.
pub fn string_to_sign(datetime: &str, scope: &str, canonical_request: &str) -> String {
    let hash = Sha256::digest(canonical_request.as_bytes());
    let mut s = String::with_capacity(ALGORITHM.len() + datetime.len() + scope.len() + 67);
    s.push_str(ALGORITHM);
    s.push('\n');
    s.push_str(datetime);
    s.push('\n');
    s.push_str(scope);
    s.push('\n');
    s.push_str(&hex(&hash));
    s
}

fn hmac256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// The signing key: HMAC chain over `aliyun_v4<secret>`, date, region, product.
pub fn signing_key(secret: &str, date: &str, region: &str, product: &str) -> [u8; 32] {
    let mut k = Vec::with_capacity(9 + secret.len());
    k.extend_from_slice(b"aliyun_v4");
    k.extend_from_slice(secret.as_bytes());
    let k_date = hmac256(&k, date.as_bytes());
    let k_region = hmac256(&k_date, region.as_bytes());
    let k_product = hmac256(&k_region, product.as_bytes());
    hmac256(&k_product, b"aliyun_v4_request")
}

/// Hex HMAC-SHA256 of the string to sign with the signing key.
pub fn signature(signing_key: &[u8; 32], string_to_sign: &str) -> String {
    hex(&hmac256(signing_key, string_to_sign.as_bytes()))
}

struct CachedKey {
    secret: String,
    date: String,
    region: String,
    product: &'static str,
    key: [u8; 32],
    // HMAC keyed with the signing key: its inner and outer pads are hashed once, not per
    // signature.
    mac: Hmac<Sha256>,
}

/// A one-entry cache of the signing key: it changes once a day per secret and region.
#[derive(Default)]
pub struct KeyCache {
    slot: Mutex<Option<CachedKey>>,
}

impl std::fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyCache")
    }
}

impl KeyCache {
    fn with<R>(
        &self,
        secret: &str,
        date: &str,
        region: &str,
        product: &'static str,
        f: impl FnOnce(&CachedKey) -> R,
    ) -> R {
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        let hit = slot.as_ref().is_some_and(|c| {
            c.date == date && c.region == region && c.product == product && c.secret == secret
        });
        if !hit {
            let key = signing_key(secret, date, region, product);
            *slot = Some(CachedKey {
                secret: secret.to_owned(),
                date: date.to_owned(),
                region: region.to_owned(),
                product,
                key,
                mac: Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key"),
            });
        }
        f(slot.as_ref().expect("filled above"))
    }

    /// The signing key for these inputs, derived once and then reused.
    pub fn get(&self, secret: &str, date: &str, region: &str, product: &'static str) -> [u8; 32] {
        self.with(secret, date, region, product, |c| c.key)
    }

    /// The hex signature of `string_to_sign` with the (cached) signing key.
    pub fn sign(
        &self,
        secret: &str,
        date: &str,
        region: &str,
        product: &'static str,
        string_to_sign: &str,
    ) -> String {
        let mut mac = self.with(secret, date, region, product, |c| c.mac.clone());
        mac.update(string_to_sign.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}
