//! Sans-IO signing: `Signer.sign` and `Signer.presign` delegate to `ossio_core::Signer`.

use crate::credentials::NativeCredentials;
use crate::error::{self, ErrorInfo, guard};
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use ossio_core::{
    Addressing, Body, Config, Headers, Method, Product, Request, SignatureVersion, Signer,
};
use std::borrow::Cow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A query parameter; a missing value is a valueless parameter such as `acl`.
#[napi(object)]
pub struct QueryPair {
    /// Decoded name.
    pub name: String,
    /// Decoded value, or `null`.
    pub value: Option<String>,
}

/// A header.
#[napi(object)]
pub struct HeaderPair {
    /// Header name.
    pub name: String,
    /// Header value.
    pub value: String,
}

/// A logical request, as `index.js` normalises it.
#[napi(object)]
pub struct RequestData {
    /// HTTP method.
    pub method: String,
    /// Bucket (or access point alias).
    pub bucket: Option<String>,
    /// Raw object key.
    pub key: Option<String>,
    /// Query parameters in order.
    pub query: Vec<QueryPair>,
    /// Headers in order.
    pub headers: Vec<HeaderPair>,
    /// Body bytes.
    pub body: Option<Buffer>,
    /// V1 sub-resources the operation declares; when absent, every query parameter some
    /// OSS operation signs is declared.
    pub sub_resources: Option<Vec<String>>,
}

/// Signer configuration.
#[napi(object)]
pub struct SignerConfig {
    /// Region id.
    pub region: String,
    /// Endpoint URL or host.
    pub endpoint: Option<String>,
    /// `virtual`, `path` or `cname`.
    pub addressing: Option<String>,
    /// `v1` or `v4`.
    pub version: Option<String>,
    /// `oss` or `oss-cloudbox`.
    pub product: Option<String>,
    /// The cloud box id, for `oss-cloudbox`.
    pub cloud_box_id: Option<String>,
    /// Header names always signed with V4 when present.
    pub additional_headers: Option<Vec<String>>,
}

/// A core request from its JavaScript form.
pub fn request_from(data: RequestData) -> napi::Result<Request> {
    let method: Method = data.method.parse().map_err(error::validation)?;
    let mut req = Request::new(method);
    req.bucket = data.bucket;
    req.key = data.key;
    req.query = data.query.into_iter().map(|p| (p.name, p.value)).collect();
    let mut headers = Headers::new();
    for h in data.headers {
        headers.append(h.name, h.value);
    }
    req.headers = headers;
    if let Some(body) = data.body {
        if !body.is_empty() {
            req.body = Body::Bytes(body.to_vec());
        }
    }
    Ok(match data.sub_resources {
        Some(subs) => {
            req.sub_resources = subs.into_iter().map(Cow::Owned).collect();
            req
        }
        None => req.with_known_sub_resources(),
    })
}

/// The JavaScript form of a core request.
pub fn request_to(req: Request) -> RequestData {
    RequestData {
        method: req.method.as_str().to_owned(),
        bucket: req.bucket,
        key: req.key,
        query: req
            .query
            .into_iter()
            .map(|(name, value)| QueryPair { name, value })
            .collect(),
        headers: headers_to(&req.headers),
        body: match req.body {
            Body::Bytes(b) => Some(Buffer::from(b)),
            Body::Empty | Body::Stream { .. } => None,
        },
        sub_resources: Some(req.sub_resources.iter().map(|s| s.to_string()).collect()),
    }
}

/// Headers as name/value pairs.
pub fn headers_to(headers: &Headers) -> Vec<HeaderPair> {
    headers
        .iter()
        .map(|(n, v)| HeaderPair {
            name: n.to_owned(),
            value: v.to_owned(),
        })
        .collect()
}

/// A time in JavaScript milliseconds as a `SystemTime`.
pub fn time_from_ms(field: &str, ms: f64) -> napi::Result<SystemTime> {
    if !ms.is_finite() || ms < 0.0 {
        return Err(ErrorInfo::argument(field, "must be a valid date after 1970").into_napi());
    }
    Ok(UNIX_EPOCH + Duration::from_millis(ms as u64))
}

/// A core configuration from the JavaScript options.
pub fn config_from(cfg: &SignerConfig) -> napi::Result<Config> {
    let mut config = Config::new(&cfg.region).map_err(error::validation)?;
    if let Some(e) = &cfg.endpoint {
        config = config.with_endpoint(e).map_err(error::validation)?;
    }
    if let Some(a) = &cfg.addressing {
        config = config.with_addressing(a.parse::<Addressing>().map_err(error::validation)?);
    }
    if let Some(v) = &cfg.version {
        config = config
            .with_signature_version(v.parse::<SignatureVersion>().map_err(error::validation)?);
    }
    match (cfg.product.as_deref().unwrap_or("oss"), &cfg.cloud_box_id) {
        ("oss", None) => {}
        ("oss-cloudbox", Some(id)) => {
            config = config.with_product(Product::CloudBox { id: id.clone() });
        }
        ("oss-cloudbox", None) => {
            return Err(ErrorInfo::argument(
                "cloudBoxId",
                "product oss-cloudbox needs a cloudBoxId",
            )
            .into_napi());
        }
        ("oss", Some(_)) => {
            return Err(
                ErrorInfo::argument("cloudBoxId", "is only for product oss-cloudbox").into_napi(),
            );
        }
        (other, _) => {
            return Err(ErrorInfo::argument(
                "product",
                format!("{other:?} must be oss or oss-cloudbox"),
            )
            .into_napi());
        }
    }
    if let Some(h) = &cfg.additional_headers {
        config = config.with_additional_headers(h.iter().cloned());
    }
    Ok(config)
}

/// Signs and presigns requests for one configuration and one set of credentials.
#[napi]
pub struct NativeSigner {
    signer: Signer,
}

#[napi]
impl NativeSigner {
    /// A signer for `config`.
    #[napi(constructor)]
    pub fn new(config: SignerConfig) -> napi::Result<Self> {
        guard(|| {
            Ok(NativeSigner {
                signer: Signer::new(config_from(&config)?),
            })
        })
    }
}

impl NativeSigner {
    fn presign_request(
        &self,
        req: &Request,
        credentials: &NativeCredentials,
        at_ms: f64,
        expires: Option<f64>,
        expiration: Option<f64>,
        additional_headers: Option<Vec<String>>,
    ) -> napi::Result<ossio_core::PresignedRequest> {
        let at = time_from_ms("at", at_ms)?;
        let signed_at = ossio_core::time::unix_seconds(at);
        let until = match (expiration, expires) {
            (Some(e), _) => {
                if !e.is_finite() || e < 0.0 {
                    return Err(
                        ErrorInfo::argument("expiration", "must be a valid date").into_napi()
                    );
                }
                e as u64
            }
            (None, Some(s)) => {
                if !s.is_finite() || s < 0.0 || s.fract() != 0.0 {
                    return Err(ErrorInfo {
                        field: Some("expires".into()),
                        ..ErrorInfo::new(
                            "InvalidExpires",
                            format!("invalid expires {s}: must be a whole number of seconds"),
                        )
                    }
                    .into_napi());
                }
                signed_at.saturating_add(s as u64)
            }
            (None, None) => signed_at + DEFAULT_PRESIGN_SECONDS,
        };
        let extra = additional_headers.unwrap_or_default();
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        self.signer
            .presign_until(req, &credentials.inner, signed_at, until, &extra)
            .map_err(error::core)
    }
}

// Crossing the napi boundary costs per property and per array element: a request as an
// object with a pair object per header took most of a signature's time. The `*_packed`
// methods take and return ONE string instead: a list of fields, each written as its length
// in UTF-16 code units (what JavaScript's `.length` counts), `:`, and the field (optional
// values as "" for absent and "=" + value for present). `index.js` packs and unpacks them
// and keeps the public objects.

/// Splits a packed string into its fields.
pub fn unpack(packed: &str) -> napi::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = packed;
    while !rest.is_empty() {
        let colon = rest.find(':').ok_or_else(flat_bad)?;
        let units: usize = rest[..colon].parse().map_err(|_| flat_bad())?;
        rest = &rest[colon + 1..];
        let mut seen = 0;
        let mut end = 0;
        for c in rest.chars() {
            if seen >= units {
                break;
            }
            seen += c.len_utf16();
            end += c.len_utf8();
        }
        if seen != units {
            return Err(flat_bad());
        }
        out.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    Ok(out)
}

/// Joins fields into one packed string.
pub fn pack(fields: &[String]) -> String {
    let mut out = String::with_capacity(fields.iter().map(|f| f.len() + 5).sum());
    for f in fields {
        out.push_str(&f.encode_utf16().count().to_string());
        out.push(':');
        out.push_str(f);
    }
    out
}

fn flat_opt(s: String) -> Option<String> {
    s.strip_prefix('=').map(str::to_owned)
}

fn flat_bad() -> napi::Error {
    ErrorInfo::argument("request", "is malformed").into_napi()
}

/// A core request from its flat form:
/// `[method, bucket?, key?, nQuery, (name, value?)…, nHeaders, (name, value)…, subs]`
/// where `subs` is `-` (declare the known sub-resources) or a count followed by names.
pub fn request_from_flat(fields: Vec<String>, body: Option<Buffer>) -> napi::Result<Request> {
    let mut it = fields.into_iter();
    let mut next = || it.next().ok_or_else(flat_bad);
    let method: Method = next()?.parse().map_err(error::validation)?;
    let mut req = Request::new(method);
    req.bucket = flat_opt(next()?);
    req.key = flat_opt(next()?);
    let nq: usize = next()?.parse().map_err(|_| flat_bad())?;
    req.query.reserve(nq);
    for _ in 0..nq {
        let name = next()?;
        req.query.push((name, flat_opt(next()?)));
    }
    let nh: usize = next()?.parse().map_err(|_| flat_bad())?;
    for _ in 0..nh {
        let name = next()?;
        let value = next()?;
        req.headers.append(name, value);
    }
    if let Some(body) = body.filter(|b| !b.is_empty()) {
        req.body = Body::Bytes(body.to_vec());
    }
    let subs = next()?;
    Ok(if subs == "-" {
        req.with_known_sub_resources()
    } else {
        let n: usize = subs.parse().map_err(|_| flat_bad())?;
        for _ in 0..n {
            req.sub_resources.push(Cow::Owned(next()?));
        }
        req
    })
}

fn flat_headers(out: &mut Vec<String>, headers: &Headers) {
    out.push(headers.len().to_string());
    for (n, v) in headers.iter() {
        out.push(n.to_owned());
        out.push(v.to_owned());
    }
}

#[napi]
impl NativeSigner {
    /// `sign` over packed strings: returns the packed
    /// `[method, url, stringToSign, canonicalRequest?, nHeaders, (name, value)…]`.
    #[napi]
    pub fn sign_packed(
        &self,
        request: String,
        body: Option<Buffer>,
        credentials: &NativeCredentials,
        at_ms: f64,
        additional_headers: Option<Vec<String>>,
    ) -> napi::Result<String> {
        guard(|| {
            let req = request_from_flat(unpack(&request)?, body)?;
            let at = time_from_ms("at", at_ms)?;
            let extra = additional_headers.unwrap_or_default();
            let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
            let s = self
                .signer
                .sign_with_headers(&req, &credentials.inner, at, &extra)
                .map_err(error::core)?;
            let mut out = Vec::with_capacity(5 + 2 * s.headers.len());
            out.push(s.method.as_str().to_owned());
            out.push(s.url);
            out.push(s.string_to_sign);
            out.push(
                s.canonical_request
                    .map_or_else(String::new, |c| format!("={c}")),
            );
            flat_headers(&mut out, &s.headers);
            Ok(pack(&out))
        })
    }

    /// `presign` over packed strings: returns the packed
    /// `[method, url, stringToSign, canonicalRequest?, expiration, nHeaders, (name, value)…]`.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn presign_packed(
        &self,
        request: String,
        body: Option<Buffer>,
        credentials: &NativeCredentials,
        at_ms: f64,
        expires: Option<f64>,
        expiration: Option<f64>,
        additional_headers: Option<Vec<String>>,
    ) -> napi::Result<String> {
        guard(|| {
            let req = request_from_flat(unpack(&request)?, body)?;
            let p = self.presign_request(
                &req,
                credentials,
                at_ms,
                expires,
                expiration,
                additional_headers,
            )?;
            let mut out = Vec::with_capacity(6 + 2 * p.signed_headers.len());
            out.push(p.method.as_str().to_owned());
            out.push(p.url);
            out.push(p.string_to_sign);
            out.push(
                p.canonical_request
                    .map_or_else(String::new, |c| format!("={c}")),
            );
            out.push(p.expiration.to_string());
            flat_headers(&mut out, &p.signed_headers);
            Ok(pack(&out))
        })
    }
}

/// Lifetime of a presigned URL when none is given: 15 minutes.
pub const DEFAULT_PRESIGN_SECONDS: u64 = 900;
