//! Alibaba Cloud's RPC signature (`SignatureVersion=1.0`, `HMAC-SHA1`), used by STS.
//!
//! The string to sign is `METHOD&%2F&` followed by the percent-encoding of the canonicalized
//! query: every parameter (query and form body alike) percent-encoded, sorted by name and
//! joined as `name=value` with `&`. The signature is the base64 of HMAC-SHA1 keyed with the
//! access key secret followed by `&`.

use crate::encoding::encode_component;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Percent-encodes as the RPC signature wants: everything but `A-Z a-z 0-9 - _ . ~`, spaces
/// as `%20` and `*` as `%2A`.
///
/// ```
/// use ossio_core::credentials::rpc::percent_encode;
/// assert_eq!(percent_encode("a b*~"), "a%20b%2A~");
/// ```
pub fn percent_encode(s: &str) -> String {
    encode_component(s)
}

/// The canonicalized query: parameters sorted by name (byte order), each `name=value`
/// percent-encoded, joined with `&`.
pub fn canonicalized_query(params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut out = String::new();
    for (i, (k, v)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

/// `METHOD&%2F&<percent-encoded canonicalized query>`.
///
/// ```
/// use ossio_core::credentials::rpc::string_to_sign;
/// assert_eq!(string_to_sign("GET", &[]), "GET&%2F&");
/// ```
pub fn string_to_sign(method: &str, params: &[(String, String)]) -> String {
    format!(
        "{method}&%2F&{}",
        percent_encode(&canonicalized_query(params))
    )
}

/// Base64 of HMAC-SHA1 of `data` keyed with `key` (the key as given, nothing appended).
pub fn hmac_sha1_base64(key: &str, data: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(data.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The `Signature` parameter for `params` sent with `method`, signed with
/// `access_key_secret` (an `&` is appended to it, as the RPC signature requires).
pub fn signature(method: &str, params: &[(String, String)], access_key_secret: &str) -> String {
    hmac_sha1_base64(
        &format!("{access_key_secret}&"),
        &string_to_sign(method, params),
    )
}
