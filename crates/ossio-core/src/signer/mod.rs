//! Signing and presigning, as pure functions of (request, credentials, config, time).

pub mod v1;
pub mod v4;

use crate::config::{Config, SignatureVersion};
use crate::credentials::{Credentials, redact_tokens};
use crate::error::{Error, ValidationError, ValidationKind};
use crate::names::{self, presign as P};
use crate::request::{Headers, Method, Request};
use crate::time;
use crate::url;
use std::fmt;
use std::time::{Duration, SystemTime};

pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// A request ready to send: the URL, and every header including `Authorization`.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// HTTP method.
    pub method: Method,
    /// Full URL.
    pub url: String,
    /// Headers to send (the request's own plus `Authorization`, `Date` and the signer's).
    pub headers: Headers,
    /// The string that was signed (compare with OSS's on `SignatureDoesNotMatch`).
    pub string_to_sign: String,
    /// The V4 canonical request; `None` for V1.
    pub canonical_request: Option<String>,
}

/// A presigned URL and the headers whoever uses it must send unchanged.
#[derive(Clone, PartialEq, Eq)]
pub struct PresignedRequest {
    /// HTTP method the URL is valid for.
    pub method: Method,
    /// The URL, signature included.
    pub url: String,
    /// Signed headers that must be sent with the URL.
    pub signed_headers: Headers,
    /// Expiry, in Unix seconds.
    pub expiration: u64,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The V4 canonical request; `None` for V1.
    pub canonical_request: Option<String>,
}

// STS tokens travel inside canonical requests and presigned URLs: mask them when shown.
impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("string_to_sign", &redact_tokens(&self.string_to_sign))
            .field(
                "canonical_request",
                &self.canonical_request.as_deref().map(redact_tokens),
            )
            .finish()
    }
}

impl fmt::Debug for PresignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PresignedRequest")
            .field("method", &self.method)
            .field("url", &redact_tokens(&self.url))
            .field("signed_headers", &self.signed_headers)
            .field("expiration", &self.expiration)
            .field("string_to_sign", &redact_tokens(&self.string_to_sign))
            .field(
                "canonical_request",
                &self.canonical_request.as_deref().map(redact_tokens),
            )
            .finish()
    }
}

/// Signs requests for one [`Config`]; caches the V4 signing key.
///
/// ```
/// use ossio_core::{Config, Credentials, Method, Request, Signer};
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let signer = Signer::new(Config::new("cn-hangzhou").unwrap());
/// let creds = Credentials::new("ak", "sk");
/// let req = Request::new(Method::Get).bucket("bucket").key("key.txt");
/// let at = UNIX_EPOCH + Duration::from_secs(1_702_743_657);
/// let signed = signer.sign(&req, &creds, at).unwrap();
/// assert!(signed.headers.get("Authorization").unwrap().starts_with(
///     "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature="));
/// assert_eq!(signed.url, "https://bucket.oss-cn-hangzhou.aliyuncs.com/key.txt");
/// ```
#[derive(Debug)]
pub struct Signer {
    config: Config,
    keys: v4::KeyCache,
}

impl Clone for Signer {
    fn clone(&self) -> Self {
        Signer::new(self.config.clone())
    }
}

impl Signer {
    /// A signer for `config`.
    pub fn new(config: Config) -> Self {
        Signer {
            config,
            keys: v4::KeyCache::default(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Signs `req` at instant `at` with the configured signature version.
    pub fn sign(
        &self,
        req: &Request,
        creds: &Credentials,
        at: SystemTime,
    ) -> Result<SignedRequest, Error> {
        self.sign_with_headers(req, creds, at, &[])
    }

    /// Like [`Signer::sign`], also signing `additional_headers` (V4) when present.
    pub fn sign_with_headers(
        &self,
        req: &Request,
        creds: &Credentials,
        at: SystemTime,
        additional_headers: &[&str],
    ) -> Result<SignedRequest, Error> {
        req.validate()?;
        let now = time::unix_seconds(at);
        Ok(match self.config.signature_version {
            SignatureVersion::V1 => self.sign_v1(req, creds, now),
            SignatureVersion::V4 => self.sign_v4(req, creds, now, additional_headers),
        })
    }

    /// Presigns `req` for `expires` from `at` (at most seven days for V4).
    pub fn presign(
        &self,
        req: &Request,
        creds: &Credentials,
        at: SystemTime,
        expires: Duration,
    ) -> Result<PresignedRequest, Error> {
        let start = time::unix_seconds(at);
        self.presign_until(req, creds, start, start + expires.as_secs(), &[])
    }

    /// Presigns `req`, signed at Unix time `signed_at`, valid until Unix time `expiration`;
    /// V4 also signs `additional_headers` when present.
    pub fn presign_until(
        &self,
        req: &Request,
        creds: &Credentials,
        signed_at: u64,
        expiration: u64,
        additional_headers: &[&str],
    ) -> Result<PresignedRequest, Error> {
        req.validate()?;
        match self.config.signature_version {
            SignatureVersion::V1 => Ok(self.presign_v1(req, creds, expiration)),
            SignatureVersion::V4 => {
                let expires = expiration.saturating_sub(signed_at);
                if expires == 0 || expires > v4::MAX_PRESIGN_EXPIRES {
                    return Err(ValidationError::new(
                        ValidationKind::Expires,
                        "expires",
                        Some(&expiration.saturating_sub(signed_at).to_string()),
                        "a V4 presigned URL must expire 1 to 604800 seconds (seven days) after signing",
                    )
                    .into());
                }
                Ok(self.presign_v4(req, creds, signed_at, expires, additional_headers))
            }
        }
    }

    fn sign_v1(&self, req: &Request, creds: &Credentials, now: u64) -> SignedRequest {
        let mut headers = req.headers.clone();
        if let Some(token) = creds.security_token() {
            headers.insert(names::X_OSS_SECURITY_TOKEN, token.expose());
        }
        let date = headers
            .get(names::X_OSS_DATE)
            .map(str::to_owned)
            .unwrap_or_else(|| time::rfc1123(now));
        headers.insert(names::DATE, date.as_str());
        let resource = v1::request_resource(req);
        let sts = v1::string_to_sign(req.method.as_str(), &headers, &date, &resource);
        let sig = v1::signature(creds.access_key_secret().expose(), &sts);
        headers.insert(
            names::AUTHORIZATION,
            format!("OSS {}:{}", creds.access_key_id(), sig),
        );
        SignedRequest {
            method: req.method,
            url: url::build(&self.config, req),
            headers,
            string_to_sign: sts,
            canonical_request: None,
        }
    }

    fn presign_v1(&self, req: &Request, creds: &Credentials, expiration: u64) -> PresignedRequest {
        let mut query = req.query.clone();
        if let Some(token) = creds.security_token() {
            query.push((P::SECURITY_TOKEN.into(), Some(token.expose().into())));
        }
        let resource = v1::canonical_resource(
            req.bucket.as_deref(),
            req.key.as_deref(),
            &query,
            &req.sub_resources,
        );
        let expires = expiration.to_string();
        let sts = v1::string_to_sign(req.method.as_str(), &req.headers, &expires, &resource);
        let sig = v1::signature(creds.access_key_secret().expose(), &sts);
        let mut pairs: Vec<(&str, Option<&str>)> = query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        pairs.push((P::OSS_ACCESS_KEY_ID, Some(creds.access_key_id())));
        pairs.push((P::EXPIRES, Some(&expires)));
        pairs.push((P::SIGNATURE, Some(&sig)));
        PresignedRequest {
            method: req.method,
            url: url::build_with_query(&self.config, req, pairs),
            signed_headers: signed_subset(&req.headers, &[]),
            expiration,
            string_to_sign: sts,
            canonical_request: None,
        }
    }

    fn additional<'a>(&'a self, extra: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
        self.config
            .additional_headers
            .iter()
            .map(String::as_str)
            .chain(extra.iter().copied())
    }

    fn scope_parts(&self, now: u64) -> (String, String) {
        let datetime = time::iso8601(now);
        let scope = v4::scope(
            &datetime[..8],
            self.config.signing_region(),
            self.config.product.name(),
        );
        (datetime, scope)
    }

    fn signature(&self, creds: &Credentials, datetime: &str, string_to_sign: &str) -> String {
        self.keys.sign(
            creds.access_key_secret().expose(),
            &datetime[..8],
            self.config.signing_region(),
            self.config.product.name(),
            string_to_sign,
        )
    }

    fn sign_v4(
        &self,
        req: &Request,
        creds: &Credentials,
        now: u64,
        extra: &[&str],
    ) -> SignedRequest {
        let (datetime, scope) = self.scope_parts(now);
        let mut headers = req.headers.clone();
        headers.insert(names::X_OSS_DATE, datetime.as_str());
        if !headers.contains(names::X_OSS_CONTENT_SHA256) {
            headers.insert(names::X_OSS_CONTENT_SHA256, v4::UNSIGNED_PAYLOAD);
        }
        if let Some(token) = creds.security_token() {
            headers.insert(names::X_OSS_SECURITY_TOKEN, token.expose());
        }
        headers.insert(names::DATE, time::rfc1123(now));
        let additional = v4::effective_additional_headers(self.additional(extra), &headers);
        let query: Vec<(&str, Option<&str>)> = req
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        let canonical = v4::canonical_request(&v4::CanonicalInput {
            method: req.method.as_str(),
            bucket: req.bucket.as_deref(),
            key: req.key.as_deref(),
            query: &query,
            headers: &headers,
            additional: &additional,
        });
        let sts = v4::string_to_sign(&datetime, &scope, &canonical);
        let sig = self.signature(creds, &datetime, &sts);
        let mut auth = String::with_capacity(200);
        auth.push_str(v4::ALGORITHM);
        auth.push_str(" Credential=");
        auth.push_str(creds.access_key_id());
        auth.push('/');
        auth.push_str(&scope);
        if !additional.is_empty() {
            auth.push_str(",AdditionalHeaders=");
            auth.push_str(&additional.join(";"));
        }
        auth.push_str(",Signature=");
        auth.push_str(&sig);
        headers.insert(names::AUTHORIZATION, auth);
        SignedRequest {
            method: req.method,
            url: url::build(&self.config, req),
            headers,
            string_to_sign: sts,
            canonical_request: Some(canonical),
        }
    }

    fn presign_v4(
        &self,
        req: &Request,
        creds: &Credentials,
        now: u64,
        expires: u64,
        extra: &[&str],
    ) -> PresignedRequest {
        let (datetime, scope) = self.scope_parts(now);
        let additional = v4::effective_additional_headers(self.additional(extra), &req.headers);
        let credential = format!("{}/{}", creds.access_key_id(), scope);
        let expires_s = expires.to_string();
        let joined = additional.join(";");
        let mut query: Vec<(&str, Option<&str>)> = req
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        query.push((P::X_OSS_SIGNATURE_VERSION, Some(v4::ALGORITHM)));
        query.push((P::X_OSS_DATE, Some(&datetime)));
        query.push((P::X_OSS_EXPIRES, Some(&expires_s)));
        query.push((P::X_OSS_CREDENTIAL, Some(&credential)));
        if let Some(token) = creds.security_token() {
            query.push((P::X_OSS_SECURITY_TOKEN, Some(token.expose())));
        }
        if !additional.is_empty() {
            query.push((P::X_OSS_ADDITIONAL_HEADERS, Some(&joined)));
        }
        let canonical = v4::canonical_request(&v4::CanonicalInput {
            method: req.method.as_str(),
            bucket: req.bucket.as_deref(),
            key: req.key.as_deref(),
            query: &query,
            headers: &req.headers,
            additional: &additional,
        });
        let sts = v4::string_to_sign(&datetime, &scope, &canonical);
        let sig = self.signature(creds, &datetime, &sts);
        query.push((P::X_OSS_SIGNATURE, Some(&sig)));
        PresignedRequest {
            method: req.method,
            url: url::build_with_query(&self.config, req, query),
            signed_headers: signed_subset(&req.headers, &additional),
            expiration: now + expires,
            string_to_sign: sts,
            canonical_request: Some(canonical),
        }
    }
}

/// The headers of `headers` that a signature covers.
fn signed_subset(headers: &Headers, additional: &[String]) -> Headers {
    headers
        .iter()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            v4::is_default_signed(&k) || additional.contains(&k)
        })
        .collect()
}
