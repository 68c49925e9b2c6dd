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

/// A signed request.
#[napi(object)]
pub struct SignedData {
    /// HTTP method.
    pub method: String,
    /// Full URL.
    pub url: String,
    /// Every header to send.
    pub headers: Vec<HeaderPair>,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The V4 canonical request.
    pub canonical_request: Option<String>,
}

/// A presigned URL.
#[napi(object)]
pub struct PresignedData {
    /// HTTP method.
    pub method: String,
    /// The URL.
    pub url: String,
    /// Headers the user of the URL must send unchanged.
    pub headers: Vec<HeaderPair>,
    /// Expiry in Unix seconds.
    pub expiration: f64,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The V4 canonical request.
    pub canonical_request: Option<String>,
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

    /// Signs `request` at `at_ms` (JavaScript milliseconds) with `credentials`.
    #[napi]
    pub fn sign(
        &self,
        request: RequestData,
        credentials: &NativeCredentials,
        at_ms: f64,
        additional_headers: Option<Vec<String>>,
    ) -> napi::Result<SignedData> {
        guard(|| {
            let req = request_from(request)?;
            let at = time_from_ms("at", at_ms)?;
            let extra = additional_headers.unwrap_or_default();
            let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
            let s = self
                .signer
                .sign_with_headers(&req, &credentials.inner, at, &extra)
                .map_err(error::core)?;
            Ok(SignedData {
                method: s.method.as_str().to_owned(),
                url: s.url,
                headers: headers_to(&s.headers),
                string_to_sign: s.string_to_sign,
                canonical_request: s.canonical_request,
            })
        })
    }

    /// Presigns `request`, signed at `at_ms`, valid for `expires` seconds or until the Unix
    /// time `expiration` (seconds) when that is given.
    #[napi]
    pub fn presign(
        &self,
        request: RequestData,
        credentials: &NativeCredentials,
        at_ms: f64,
        expires: Option<f64>,
        expiration: Option<f64>,
        additional_headers: Option<Vec<String>>,
    ) -> napi::Result<PresignedData> {
        guard(|| {
            let req = request_from(request)?;
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
            let p = self
                .signer
                .presign_until(&req, &credentials.inner, signed_at, until, &extra)
                .map_err(error::core)?;
            Ok(PresignedData {
                method: p.method.as_str().to_owned(),
                url: p.url,
                headers: headers_to(&p.signed_headers),
                expiration: p.expiration as f64,
                string_to_sign: p.string_to_sign,
                canonical_request: p.canonical_request,
            })
        })
    }
}

/// Lifetime of a presigned URL when none is given: 15 minutes.
pub const DEFAULT_PRESIGN_SECONDS: u64 = 900;
