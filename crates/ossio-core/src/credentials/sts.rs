//! STS requests (`AssumeRole`, `AssumeRoleWithOIDC`) as the official credentials libraries
//! send them, and the parsing of STS answers.
//!
//! Both are `POST` requests: the common parameters (`Action`, `Format`, `Version`,
//! `Timestamp` and, for `AssumeRole`, the signature parameters) in the query, the
//! operation's parameters in an `application/x-www-form-urlencoded` body. `AssumeRole` is
//! signed with the RPC signature over all of them; `AssumeRoleWithOIDC` is anonymous (the
//! OIDC token is the proof).

use super::{HttpCall, TemporaryCredentials, rpc};
use crate::Credentials;
use crate::error::ValidationError;
use crate::time::parse_iso8601_extended;
use std::fmt;

/// The STS API version the requests use.
pub const VERSION: &str = "2015-04-01";
/// The global STS endpoint.
pub const DEFAULT_ENDPOINT: &str = "https://sts.aliyuncs.com";
/// Shortest session STS grants, in seconds.
pub const MIN_DURATION: u32 = 900;
/// Longest session a RAM role may allow, in seconds.
pub const MAX_DURATION: u32 = 43_200;
/// The session length asked for when none is given, in seconds.
pub const DEFAULT_DURATION: u32 = 3600;

/// Where STS is reached: an explicit endpoint, or one derived from a region (with the VPC
/// endpoint when asked for), or the global endpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StsEndpoint {
    /// An explicit endpoint (`sts.cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:8080`).
    pub endpoint: Option<String>,
    /// The region whose STS endpoint to use (`ALIBABA_CLOUD_STS_REGION`).
    pub region: Option<String>,
    /// Use `sts-vpc.<region>.aliyuncs.com` (`ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`).
    pub vpc: bool,
}

impl StsEndpoint {
    /// The base URL requests go to: the explicit endpoint (`https://` added when it has no
    /// scheme), else `https://sts[-vpc].<region>.aliyuncs.com`, else the global endpoint.
    ///
    /// ```
    /// use ossio_core::credentials::sts::StsEndpoint;
    /// let e = StsEndpoint { region: Some("cn-beijing".into()), vpc: true, ..Default::default() };
    /// assert_eq!(e.url().unwrap(), "https://sts-vpc.cn-beijing.aliyuncs.com");
    /// assert_eq!(StsEndpoint::default().url().unwrap(), "https://sts.aliyuncs.com");
    /// ```
    pub fn url(&self) -> Result<String, ValidationError> {
        if let Some(e) = self.endpoint.as_deref().filter(|e| !e.is_empty()) {
            return base_url("sts endpoint", e);
        }
        match self.region.as_deref().filter(|r| !r.is_empty()) {
            Some(r) => {
                if !r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    return Err(ValidationError::invalid(
                        "sts region",
                        r,
                        "a region is letters, digits and '-'",
                    ));
                }
                let prefix = if self.vpc { "sts-vpc" } else { "sts" };
                Ok(format!("https://{prefix}.{r}.aliyuncs.com"))
            }
            None => Ok(DEFAULT_ENDPOINT.to_owned()),
        }
    }
}

/// Checks an endpoint and returns it as a base URL without a trailing `/`.
pub(crate) fn base_url(field: &'static str, e: &str) -> Result<String, ValidationError> {
    let url = if e.contains("://") {
        e.to_owned()
    } else {
        format!("https://{e}")
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| ValidationError::invalid(field, e, "the scheme must be http or https"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty()
        || url.bytes().any(|b| b.is_ascii_control() || b == b' ')
        || rest.contains(['?', '#'])
    {
        return Err(ValidationError::invalid(
            field,
            e,
            "expected a host, optionally with scheme, port and path",
        ));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

fn check_role_arn(role_arn: &str) -> Result<(), ValidationError> {
    if role_arn.is_empty() {
        return Err(ValidationError::invalid(
            "role_arn",
            role_arn,
            "a RAM role ARN is required (acs:ram::<account>:role/<name>)",
        ));
    }
    if role_arn.bytes().any(|b| b.is_ascii_control()) {
        return Err(ValidationError::invalid(
            "role_arn",
            role_arn,
            "control characters are not allowed",
        ));
    }
    Ok(())
}

fn check_session_name(name: &str) -> Result<(), ValidationError> {
    let ok_len = (2..=64).contains(&name.len());
    let ok_chars = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@'));
    if !ok_len || !ok_chars {
        return Err(ValidationError::invalid(
            "role_session_name",
            name,
            "2 to 64 characters of letters, digits, '.', '@', '-' and '_'",
        ));
    }
    Ok(())
}

fn check_duration(d: u32) -> Result<(), ValidationError> {
    if !(MIN_DURATION..=MAX_DURATION).contains(&d) {
        return Err(ValidationError::invalid(
            "duration_seconds",
            &d.to_string(),
            "session duration must be 900 to 43200 seconds",
        ));
    }
    Ok(())
}

fn form_body(params: &[(String, String)]) -> Vec<u8> {
    params
        .iter()
        .map(|(k, v)| format!("{}={}", rpc::percent_encode(k), rpc::percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

fn timestamp(unix: u64) -> String {
    super::expiration_string(unix)
}

fn common(action: &str, unix: u64) -> Vec<(String, String)> {
    vec![
        ("Action".into(), action.into()),
        ("Format".into(), "JSON".into()),
        ("Version".into(), VERSION.into()),
        ("Timestamp".into(), timestamp(unix)),
    ]
}

fn call(endpoint: &str, query: &[(String, String)], body: &[(String, String)]) -> HttpCall {
    HttpCall {
        method: "POST",
        url: format!("{endpoint}/?{}", rpc::canonicalized_query(query)),
        headers: vec![(
            "Content-Type".into(),
            "application/x-www-form-urlencoded".into(),
        )],
        body: form_body(body),
    }
}

/// `AssumeRole`: temporary credentials of a RAM role, for a caller holding other credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumeRole {
    /// The role to assume, `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// The session name recorded in the audit log.
    pub role_session_name: String,
    /// How long the credentials last, 900 to 43200 seconds.
    pub duration_seconds: u32,
    /// A policy narrowing the role's permissions (JSON).
    pub policy: Option<String>,
    /// The external id the role's trust policy requires.
    pub external_id: Option<String>,
}

impl AssumeRole {
    /// Assume `role_arn` as session `role_session_name` for an hour.
    pub fn new(role_arn: impl Into<String>, role_session_name: impl Into<String>) -> Self {
        AssumeRole {
            role_arn: role_arn.into(),
            role_session_name: role_session_name.into(),
            duration_seconds: DEFAULT_DURATION,
            policy: None,
            external_id: None,
        }
    }

    /// Checks every field; the error names the first bad one.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_role_arn(&self.role_arn)?;
        check_session_name(&self.role_session_name)?;
        check_duration(self.duration_seconds)
    }

    /// The signed request, sent with `credentials` at `unix` seconds with a unique `nonce`.
    pub fn to_call(
        &self,
        endpoint: &str,
        credentials: &Credentials,
        unix: u64,
        nonce: &str,
    ) -> Result<HttpCall, ValidationError> {
        self.validate()?;
        let endpoint = base_url("sts endpoint", endpoint)?;
        let mut query = common("AssumeRole", unix);
        query.push(("SignatureMethod".into(), "HMAC-SHA1".into()));
        query.push(("SignatureVersion".into(), "1.0".into()));
        query.push(("SignatureNonce".into(), nonce.into()));
        query.push(("AccessKeyId".into(), credentials.access_key_id().into()));
        if let Some(t) = credentials.security_token() {
            query.push(("SecurityToken".into(), t.expose().into()));
        }
        let mut body = vec![
            ("RoleArn".to_owned(), self.role_arn.clone()),
            ("RoleSessionName".to_owned(), self.role_session_name.clone()),
            (
                "DurationSeconds".to_owned(),
                self.duration_seconds.to_string(),
            ),
        ];
        if let Some(p) = self.policy.as_ref().filter(|p| !p.is_empty()) {
            body.push(("Policy".into(), p.clone()));
        }
        if let Some(e) = self.external_id.as_ref().filter(|e| !e.is_empty()) {
            body.push(("ExternalId".into(), e.clone()));
        }
        let all: Vec<(String, String)> = query.iter().chain(body.iter()).cloned().collect();
        let sig = rpc::signature("POST", &all, credentials.access_key_secret().expose());
        query.push(("Signature".into(), sig));
        Ok(call(&endpoint, &query, &body))
    }
}

/// `AssumeRoleWithOIDC`: temporary credentials of a RAM role for the holder of an OIDC
/// token (Kubernetes RRSA, CI jobs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumeRoleWithOidc {
    /// The role to assume.
    pub role_arn: String,
    /// The OIDC identity provider, `acs:ram::<account>:oidc-provider/<name>`.
    pub oidc_provider_arn: String,
    /// The session name recorded in the audit log.
    pub role_session_name: String,
    /// How long the credentials last, 900 to 43200 seconds.
    pub duration_seconds: u32,
    /// A policy narrowing the role's permissions (JSON).
    pub policy: Option<String>,
}

impl AssumeRoleWithOidc {
    /// Assume `role_arn` through `oidc_provider_arn` as session `role_session_name`.
    pub fn new(
        role_arn: impl Into<String>,
        oidc_provider_arn: impl Into<String>,
        role_session_name: impl Into<String>,
    ) -> Self {
        AssumeRoleWithOidc {
            role_arn: role_arn.into(),
            oidc_provider_arn: oidc_provider_arn.into(),
            role_session_name: role_session_name.into(),
            duration_seconds: DEFAULT_DURATION,
            policy: None,
        }
    }

    /// Checks every field; the error names the first bad one.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_role_arn(&self.role_arn)?;
        if self.oidc_provider_arn.is_empty()
            || self.oidc_provider_arn.bytes().any(|b| b.is_ascii_control())
        {
            return Err(ValidationError::invalid(
                "oidc_provider_arn",
                &self.oidc_provider_arn,
                "an OIDC provider ARN is required (acs:ram::<account>:oidc-provider/<name>)",
            ));
        }
        check_session_name(&self.role_session_name)?;
        check_duration(self.duration_seconds)
    }

    /// The (unsigned) request carrying `oidc_token`, sent at `unix` seconds.
    pub fn to_call(
        &self,
        endpoint: &str,
        oidc_token: &str,
        unix: u64,
    ) -> Result<HttpCall, ValidationError> {
        self.validate()?;
        let token = oidc_token.trim();
        if token.is_empty() {
            return Err(ValidationError::new(
                crate::ValidationKind::Argument,
                "oidc_token",
                None,
                "the OIDC token file is empty",
            ));
        }
        let endpoint = base_url("sts endpoint", endpoint)?;
        let query = common("AssumeRoleWithOIDC", unix);
        let mut body = vec![
            ("RoleArn".to_owned(), self.role_arn.clone()),
            ("OIDCProviderArn".to_owned(), self.oidc_provider_arn.clone()),
            ("OIDCToken".to_owned(), token.to_owned()),
            ("RoleSessionName".to_owned(), self.role_session_name.clone()),
            (
                "DurationSeconds".to_owned(),
                self.duration_seconds.to_string(),
            ),
        ];
        if let Some(p) = self.policy.as_ref().filter(|p| !p.is_empty()) {
            body.push(("Policy".into(), p.clone()));
        }
        Ok(call(&endpoint, &query, &body))
    }
}

/// An error answer from STS (or an answer that could not be understood). Holds no secret:
/// the message is STS's, the parameters it names are not echoed here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StsError {
    /// HTTP status.
    pub status: u16,
    /// STS error code (`InvalidParameter`, `NoPermission`, `Throttling.User`, ...), or
    /// `BadResponse` when the answer could not be read.
    pub code: String,
    /// STS's message.
    pub message: String,
    /// The request id, when STS sent one.
    pub request_id: Option<String>,
}

impl StsError {
    /// Whether asking again later may succeed: throttling, 5xx and `ServiceUnavailable`.
    pub fn retryable(&self) -> bool {
        self.status >= 500
            || self.status == 429
            || self.code.starts_with("Throttling")
            || self.code == "ServiceUnavailable"
            || self.code == "InternalError"
    }
}

impl fmt::Display for StsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "STS answered {} {}", self.status, self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for StsError {}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StsAnswer {
    request_id: Option<String>,
    code: Option<String>,
    message: Option<String>,
    credentials: Option<StsCredentials>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StsCredentials {
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

/// Parses an STS answer (`AssumeRole` and `AssumeRoleWithOIDC` answer alike).
pub fn parse_response(status: u16, body: &[u8]) -> Result<TemporaryCredentials, StsError> {
    let bad = |reason: &str, request_id: Option<String>| StsError {
        status,
        code: "BadResponse".into(),
        message: reason.into(),
        request_id,
    };
    let answer: StsAnswer = match serde_json::from_slice(body) {
        Ok(a) => a,
        Err(_) if !(200..300).contains(&status) => {
            return Err(bad("the error answer is not JSON", None));
        }
        Err(_) => return Err(bad("the answer is not JSON", None)),
    };
    if !(200..300).contains(&status) || answer.code.is_some() && answer.credentials.is_none() {
        return Err(StsError {
            status,
            code: answer.code.unwrap_or_else(|| "Unknown".into()),
            message: answer.message.unwrap_or_default(),
            request_id: answer.request_id,
        });
    }
    let id = answer.request_id;
    let c = answer
        .credentials
        .ok_or_else(|| bad("no Credentials in the answer", id.clone()))?;
    let field = |v: Option<String>, name: &str| {
        v.filter(|s| !s.is_empty())
            .ok_or_else(|| bad(&format!("Credentials.{name} is missing"), id.clone()))
    };
    let ak = field(c.access_key_id, "AccessKeyId")?;
    let sk = field(c.access_key_secret, "AccessKeySecret")?;
    let token = field(c.security_token, "SecurityToken")?;
    let exp = field(c.expiration, "Expiration")?;
    let expires_at = parse_iso8601_extended(&exp)
        .ok_or_else(|| bad("Credentials.Expiration is not an ISO 8601 time", id.clone()))?;
    Ok(TemporaryCredentials {
        credentials: Credentials::new(ak, sk).with_security_token(token),
        expires_at: Some(expires_at),
    })
}

/// Writes an STS success answer (for servers and tests that play STS).
pub fn success_body(request_id: &str, c: &Credentials, expires_at: u64) -> String {
    serde_json::json!({
        "RequestId": request_id,
        "AssumedRoleUser": {"Arn": "", "AssumedRoleId": ""},
        "Credentials": {
            "AccessKeyId": c.access_key_id(),
            "AccessKeySecret": c.access_key_secret().expose(),
            "SecurityToken": c.security_token().map(|t| t.expose()).unwrap_or(""),
            "Expiration": timestamp(expires_at),
        }
    })
    .to_string()
}

/// Writes an STS error answer.
pub fn error_body(request_id: &str, code: &str, message: &str) -> String {
    serde_json::json!({
        "RequestId": request_id,
        "HostId": "sts.aliyuncs.com",
        "Code": code,
        "Message": message,
    })
    .to_string()
}
