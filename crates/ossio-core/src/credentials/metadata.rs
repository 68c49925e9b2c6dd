//! The ECS instance metadata service (`100.100.100.200`): the RAM role's temporary
//! credentials, with IMDSv2 session tokens.
//!
//! The flow, as the official libraries run it: `PUT /latest/api/token` with
//! `X-aliyun-ecs-metadata-token-ttl-seconds` gives a session token; `GET
//! /latest/meta-data/ram/security-credentials/` (with the token in
//! `X-aliyun-ecs-metadata-token`) names the role when it is not configured; `GET
//! /latest/meta-data/ram/security-credentials/<role>` gives the credentials. When the token
//! request fails, the requests go without a token (IMDSv1), unless IMDSv1 is disabled.

use super::{AnswerError, HttpCall, TemporaryCredentials};
use crate::error::ValidationError;

/// The metadata service's address.
pub const DEFAULT_ENDPOINT: &str = "http://100.100.100.200";
/// The header asking for a session token of that many seconds.
pub const TOKEN_TTL_HEADER: &str = "X-aliyun-ecs-metadata-token-ttl-seconds";
/// The header carrying the session token.
pub const TOKEN_HEADER: &str = "X-aliyun-ecs-metadata-token";
/// The session token lifetime asked for, in seconds (the official libraries' value).
pub const DEFAULT_TOKEN_TTL: u32 = 21_600;

const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";

/// Checks a metadata endpoint (`http://100.100.100.200`, `http://127.0.0.1:9999`).
pub fn endpoint_url(endpoint: &str) -> Result<String, ValidationError> {
    let e = if endpoint.contains("://") {
        endpoint.to_owned()
    } else {
        format!("http://{endpoint}")
    };
    super::sts::base_url("ecs metadata endpoint", &e)
}

fn with_token(mut call: HttpCall, token: Option<&str>) -> HttpCall {
    if let Some(t) = token {
        call.headers.push((TOKEN_HEADER.into(), t.into()));
    }
    call
}

/// `PUT /latest/api/token`: a session token lasting `ttl_seconds`.
pub fn token_call(endpoint: &str, ttl_seconds: u32) -> Result<HttpCall, ValidationError> {
    Ok(HttpCall {
        method: "PUT",
        url: format!("{}/latest/api/token", endpoint_url(endpoint)?),
        headers: vec![(TOKEN_TTL_HEADER.into(), ttl_seconds.to_string())],
        body: Vec::new(),
    })
}

/// `GET /latest/meta-data/ram/security-credentials/`: the instance's role name.
pub fn role_name_call(endpoint: &str, token: Option<&str>) -> Result<HttpCall, ValidationError> {
    let call = HttpCall {
        method: "GET",
        url: format!("{}{CREDENTIALS_PATH}", endpoint_url(endpoint)?),
        headers: Vec::new(),
        body: Vec::new(),
    };
    Ok(with_token(call, token))
}

/// Checks a role name: non-empty, no `/`, no whitespace or control characters.
pub fn check_role_name(role: &str) -> Result<(), ValidationError> {
    if role.is_empty()
        || role
            .bytes()
            .any(|b| b == b'/' || b.is_ascii_whitespace() || b.is_ascii_control())
    {
        return Err(ValidationError::invalid(
            "role_name",
            role,
            "a RAM role name is non-empty, without '/' or whitespace",
        ));
    }
    Ok(())
}

/// `GET /latest/meta-data/ram/security-credentials/<role>`: the role's credentials.
pub fn credentials_call(
    endpoint: &str,
    role: &str,
    token: Option<&str>,
) -> Result<HttpCall, ValidationError> {
    check_role_name(role)?;
    let call = HttpCall {
        method: "GET",
        url: format!(
            "{}{CREDENTIALS_PATH}{}",
            endpoint_url(endpoint)?,
            crate::encoding::encode_component(role)
        ),
        headers: Vec::new(),
        body: Vec::new(),
    };
    Ok(with_token(call, token))
}

const SOURCE: &str = "ECS metadata";

/// The role name from the role listing (its first line).
pub fn parse_role_name(status: u16, body: &[u8]) -> Result<String, AnswerError> {
    if status != 200 {
        return Err(AnswerError::new(
            SOURCE,
            format!("listing the instance's RAM role answered HTTP {status}"),
        ));
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| AnswerError::new(SOURCE, "the role name is not UTF-8"))?;
    let role = text.lines().next().unwrap_or("").trim();
    if role.is_empty() {
        return Err(AnswerError::new(
            SOURCE,
            "the instance has no RAM role attached",
        ));
    }
    check_role_name(role).map_err(|_| AnswerError::new(SOURCE, "the role name is malformed"))?;
    Ok(role.to_owned())
}

/// The session token from the token answer.
pub fn parse_token(status: u16, body: &[u8]) -> Result<String, AnswerError> {
    if status != 200 {
        return Err(AnswerError::new(
            SOURCE,
            format!("the session token request answered HTTP {status}"),
        ));
    }
    let token = std::str::from_utf8(body)
        .map_err(|_| AnswerError::new(SOURCE, "the session token is not UTF-8"))?
        .trim();
    if token.is_empty() || token.bytes().any(|b| b.is_ascii_control()) {
        return Err(AnswerError::new(SOURCE, "the session token is malformed"));
    }
    Ok(token.to_owned())
}

/// The credentials from the role's answer: `Code` must be `Success`.
pub fn parse_credentials(status: u16, body: &[u8]) -> Result<TemporaryCredentials, AnswerError> {
    if status != 200 {
        return Err(AnswerError::new(
            SOURCE,
            format!("the credentials request answered HTTP {status}"),
        ));
    }
    super::answers::parse_success_answer(SOURCE, body)
}
