//! Access keys, and the pure half of every credentials provider: the RPC signature and
//! STS requests, the ECS metadata service's flow, credentials URI and process answers,
//! profile files and the default chain's decisions. The secret, the STS token and the OIDC
//! token never appear in `Debug`, `Display` or errors.

use std::fmt;

pub mod answers;
pub mod chain;
pub mod metadata;
pub mod profile;
pub mod rpc;
pub mod sts;

/// A string that is redacted whenever it is formatted.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself: call this only where the value is used (signing).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"***\"")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// An access key pair, with an optional STS security token.
///
/// ```
/// use ossio_core::Credentials;
/// let c = Credentials::new("LTAIexample", "very-secret").with_security_token("sts-token");
/// let shown = format!("{c:?} {c}");
/// assert!(shown.contains("LTAIexample"));
/// assert!(!shown.contains("very-secret") && !shown.contains("sts-token"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: Secret,
    security_token: Option<Secret>,
}

impl Credentials {
    /// Credentials from an access key id and secret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            access_key_secret: Secret::new(access_key_secret),
            security_token: None,
        }
    }

    /// Adds an STS security token; an empty token means none.
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        let token = token.into();
        self.security_token = (!token.is_empty()).then(|| Secret::new(token));
        self
    }

    /// The access key id (not secret).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The access key secret.
    pub fn access_key_secret(&self) -> &Secret {
        &self.access_key_secret
    }

    /// The STS security token, if any.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &self.access_key_secret)
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "access key {}", self.access_key_id)?;
        if self.security_token.is_some() {
            f.write_str(" (with STS token)")?;
        }
        Ok(())
    }
}

/// Masks STS tokens inside text that may carry one: `x-oss-security-token:` lines of a
/// canonical request and `security-token=` / `x-oss-security-token=` URL parameters.
pub fn redact_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("security-token") {
        let after = &rest[i + "security-token".len()..];
        out.push_str(&rest[..i + "security-token".len()]);
        match after.chars().next() {
            Some(sep @ (':' | '=')) => {
                out.push(sep);
                out.push_str("***");
                let end = after[1..]
                    .find(['\n', '&', ' ', '"'])
                    .map_or(after.len(), |e| e + 1);
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// Masks the signature of an `Authorization` value (V4 `Signature=<hex>`, V1
/// `OSS <ak>:<sig>`), keeping what identifies the key and scope.
///
/// ```
/// use ossio_core::credentials::redact_signature;
/// assert_eq!(redact_signature("OSS ak:c2lnbmF0dXJl"), "OSS ak:<redacted>");
/// assert_eq!(
///     redact_signature("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=abc"),
///     "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=<redacted>"
/// );
/// ```
pub fn redact_signature(authorization: &str) -> String {
    if let Some(i) = authorization.find("Signature=") {
        let start = i + "Signature=".len();
        let end = authorization[start..]
            .find(',')
            .map_or(authorization.len(), |e| start + e);
        format!(
            "{}<redacted>{}",
            &authorization[..start],
            &authorization[end..]
        )
    } else if let Some(i) = authorization.rfind(':') {
        format!("{}<redacted>", &authorization[..=i])
    } else {
        "<redacted>".to_owned()
    }
}

/// Credentials with the instant they expire (Unix seconds; `None`: never).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemporaryCredentials {
    /// The credentials.
    pub credentials: Credentials,
    /// When they stop working, in Unix seconds.
    pub expires_at: Option<u64>,
}

/// One HTTP request a provider makes, described without sending it. `Debug` shows the
/// method and the URL without its query (which may carry a token), never the body.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpCall {
    /// `GET`, `PUT` or `POST`.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Headers to send.
    pub headers: Vec<(String, String)>,
    /// The body (empty for none).
    pub body: Vec<u8>,
}

impl fmt::Debug for HttpCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpCall")
            .field("method", &self.method)
            .field("url", &chain::redact_uri(&self.url))
            .field(
                "headers",
                &self
                    .headers
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// An answer (metadata service, credentials URI, credentials process) that does not hold
/// usable credentials. It never quotes the answer, which may hold secrets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    /// Who answered: `ECS metadata`, `credentials URI`, `credentials process`.
    pub source: &'static str,
    /// What is wrong.
    pub reason: String,
}

impl AnswerError {
    /// An error about `source`'s answer.
    pub fn new(source: &'static str, reason: impl Into<String>) -> Self {
        AnswerError {
            source,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

impl std::error::Error for AnswerError {}

/// Parses an `Expiration` (`2006-01-02T15:04:05Z`, a fraction allowed) into Unix seconds.
pub(crate) fn parse_expiration(source: &'static str, s: &str) -> Result<u64, AnswerError> {
    crate::time::parse_iso8601_extended(s)
        .ok_or_else(|| AnswerError::new(source, "Expiration is not an ISO 8601 UTC time"))
}

/// Formats Unix seconds as an `Expiration` (`2006-01-02T15:04:05Z`).
pub fn expiration_string(unix: u64) -> String {
    let s = crate::time::iso8601_extended(unix);
    match s.find('.') {
        Some(i) => format!("{}Z", &s[..i]),
        None => s,
    }
}
