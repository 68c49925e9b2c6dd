//! Every percent-encoding rule OSS uses, in one place.
//!
//! | where | rule |
//! |---|---|
//! | object key in the URL path and the V4 canonical URI | [`encode_path`]: RFC 3986 unreserved and `/` literal |
//! | query names and values on the wire and in the V4 canonical query | [`encode_component`]: RFC 3986 unreserved only |
//! | V1 canonical resource | raw, decoded values (no encoding at all) |
//! | V1 presigned `Signature` | [`encode_component`] of the base64 text |

const HEX: &[u8; 16] = b"0123456789ABCDEF";

#[inline]
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn encode_into(out: &mut String, s: &str, keep_slash: bool) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if is_unreserved(b) || (keep_slash && b == b'/') {
            continue;
        }
        // Copy the run of safe bytes at once (ASCII, so valid UTF-8 on its own even where
        // it starts right after an escaped byte of a multi-byte character).
        out.push_str(std::str::from_utf8(&bytes[start..i]).expect("ASCII run"));
        let escaped = [b'%', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]];
        out.push_str(std::str::from_utf8(&escaped).expect("ASCII"));
        start = i + 1;
    }
    out.push_str(std::str::from_utf8(&bytes[start..]).expect("ASCII run"));
}

/// Percent-encodes a path (an object key, or `/bucket/key`), keeping `/`.
///
/// ```
/// assert_eq!(ossio_core::encoding::encode_path("1234+-/123/1.txt"), "1234%2B-/123/1.txt");
/// assert_eq!(ossio_core::encoding::encode_path("key 123.txt"), "key%20123.txt");
/// ```
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    encode_into(&mut out, s, true);
    out
}

/// Appends the path encoding of `s` to `out`.
pub fn encode_path_into(out: &mut String, s: &str) {
    encode_into(out, s, true);
}

/// Percent-encodes a query name or value: everything but `A-Z a-z 0-9 - _ . ~`.
///
/// ```
/// assert_eq!(ossio_core::encoding::encode_component("ak/2023;x y"), "ak%2F2023%3Bx%20y");
/// ```
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    encode_into(&mut out, s, false);
    out
}

/// Appends the component encoding of `s` to `out`.
pub fn encode_component_into(out: &mut String, s: &str) {
    encode_into(out, s, false);
}

/// An invalid percent-encoded string (bad `%XX` escape or not UTF-8 once decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError;

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid percent-encoding")
    }
}

impl std::error::Error for DecodeError {}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` escapes; with `plus_is_space`, a literal `+` becomes a space (form decoding,
/// as OSS and Go's `url.ParseQuery` read a query string).
///
/// ```
/// use ossio_core::encoding::decode;
/// assert_eq!(decode("a%2Bb+c", true).unwrap(), "a+b c");
/// assert_eq!(decode("a%2Bb+c", false).unwrap(), "a+b+c");
/// ```
pub fn decode(s: &str, plus_is_space: bool) -> Result<String, DecodeError> {
    let b = s.as_bytes();
    if !b.iter().any(|&c| c == b'%' || (plus_is_space && c == b'+')) {
        return Ok(s.to_owned());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hi = b.get(i + 1).copied().and_then(hex_val).ok_or(DecodeError)?;
                let lo = b.get(i + 2).copied().and_then(hex_val).ok_or(DecodeError)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError)
}

/// Splits and form-decodes a raw query string (`a=1&acl&b=`) into ordered pairs; a parameter
/// without `=` has no value.
pub fn parse_query(raw: &str) -> Result<Vec<(String, Option<String>)>, DecodeError> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => Ok((decode(k, true)?, Some(decode(v, true)?))),
            None => Ok((decode(p, true)?, None)),
        })
        .collect()
}

/// Renders ordered query pairs for the wire: names and values with [`encode_component`],
/// a parameter without a value (or with an empty one) as its bare name.
pub fn render_query<'a, I>(pairs: I) -> String
where
    I: IntoIterator<Item = (&'a str, Option<&'a str>)>,
{
    let mut out = String::new();
    for (k, v) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        encode_component_into(&mut out, k);
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push('=');
            encode_component_into(&mut out, v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_encoding_keeps_slash_and_unreserved_only() {
        assert_eq!(encode_path("a b+c*d?e%f~g/h"), "a%20b%2Bc%2Ad%3Fe%25f~g/h");
        assert_eq!(encode_path("é"), "%C3%A9");
        assert_eq!(encode_component("a/b"), "a%2Fb");
    }

    #[test]
    fn decode_round_trips_and_rejects_bad_escapes() {
        for s in ["plain", "sp ace", "plus+", "100%", "ü/ß?#&=", "\u{1F600}"] {
            assert_eq!(decode(&encode_component(s), true).unwrap(), s);
            assert_eq!(decode(&encode_path(s), false).unwrap(), s);
        }
        assert_eq!(decode("%4", false), Err(DecodeError));
        assert_eq!(decode("%zz", false), Err(DecodeError));
        assert_eq!(decode("%ff", false), Err(DecodeError));
    }

    #[test]
    fn query_parse_and_render() {
        let q = parse_query("acl&a=1&b=&c=x+y%2Bz").unwrap();
        assert_eq!(
            q,
            vec![
                ("acl".into(), None),
                ("a".into(), Some("1".into())),
                ("b".into(), Some("".into())),
                ("c".into(), Some("x y+z".into())),
            ]
        );
        let rendered = render_query(q.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        assert_eq!(rendered, "acl&a=1&b&c=x%20y%2Bz");
    }
}
