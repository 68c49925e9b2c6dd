//! Answers of a credentials URI (a sidecar) and of an external credentials process.

use super::{AnswerError, TemporaryCredentials, parse_expiration};
use crate::Credentials;

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct UriAnswer {
    code: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

const URI: &str = "credentials URI";
const PROCESS: &str = "credentials process";

/// Parses a credentials URI answer: HTTP 200 and JSON with `Code: "Success"`,
/// `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration`.
pub fn parse_uri_answer(status: u16, body: &[u8]) -> Result<TemporaryCredentials, AnswerError> {
    if status != 200 {
        return Err(AnswerError::new(URI, format!("answered HTTP {status}")));
    }
    parse_success_answer(URI, body)
}

/// Parses the JSON both the metadata service and credentials URIs answer with:
/// `Code: "Success"`, `AccessKeyId`, `AccessKeySecret`, `SecurityToken`, `Expiration`.
pub(crate) fn parse_success_answer(
    source: &'static str,
    body: &[u8],
) -> Result<TemporaryCredentials, AnswerError> {
    let a: UriAnswer = serde_json::from_slice(body)
        .map_err(|_| AnswerError::new(source, "the answer is not JSON"))?;
    if a.code.as_deref() != Some("Success") {
        return Err(AnswerError::new(
            source,
            format!(
                "the answer has Code {:?}, not \"Success\"",
                a.code.unwrap_or_default()
            ),
        ));
    }
    let need = |v: Option<String>, name: &str| {
        v.filter(|s| !s.is_empty())
            .ok_or_else(|| AnswerError::new(source, format!("{name} is missing")))
    };
    let c = Credentials::new(
        need(a.access_key_id, "AccessKeyId")?,
        need(a.access_key_secret, "AccessKeySecret")?,
    )
    .with_security_token(need(a.security_token, "SecurityToken")?);
    let exp = parse_expiration(source, &need(a.expiration, "Expiration")?)?;
    Ok(TemporaryCredentials {
        credentials: c,
        expires_at: Some(exp),
    })
}

#[derive(serde::Deserialize)]
struct ProcessAnswer {
    mode: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
    expiration: Option<String>,
}

/// Parses what a credentials process printed: JSON with `access_key_id`,
/// `access_key_secret`, and for `"mode": "StsToken"` also `sts_token`; `expiration`
/// (`2006-01-02T15:04:05Z`) is optional (none: the credentials do not expire).
pub fn parse_process_output(stdout: &[u8]) -> Result<TemporaryCredentials, AnswerError> {
    let a: ProcessAnswer = serde_json::from_slice(stdout)
        .map_err(|_| AnswerError::new(PROCESS, "the output is not JSON"))?;
    let need = |v: Option<String>, name: &str| {
        v.filter(|s| !s.is_empty())
            .ok_or_else(|| AnswerError::new(PROCESS, format!("{name} is missing")))
    };
    let mut c = Credentials::new(
        need(a.access_key_id, "access_key_id")?,
        need(a.access_key_secret, "access_key_secret")?,
    );
    match a.mode.as_deref() {
        Some("StsToken") => c = c.with_security_token(need(a.sts_token, "sts_token")?),
        Some("AK") | None => {
            if let Some(t) = a.sts_token {
                c = c.with_security_token(t);
            }
        }
        Some(other) => {
            return Err(AnswerError::new(
                PROCESS,
                format!("mode {other:?} is neither \"AK\" nor \"StsToken\""),
            ));
        }
    }
    let expires_at = match a.expiration.filter(|e| !e.is_empty()) {
        Some(e) => Some(parse_expiration(PROCESS, &e)?),
        None => None,
    };
    Ok(TemporaryCredentials {
        credentials: c,
        expires_at,
    })
}

/// Writes a credentials URI answer (for sidecars and tests).
pub fn uri_body(c: &Credentials, expires_at: u64) -> String {
    serde_json::json!({
        "Code": "Success",
        "AccessKeyId": c.access_key_id(),
        "AccessKeySecret": c.access_key_secret().expose(),
        "SecurityToken": c.security_token().map(|t| t.expose()).unwrap_or(""),
        "Expiration": super::expiration_string(expires_at),
        "LastUpdated": super::expiration_string(expires_at.saturating_sub(3600)),
    })
    .to_string()
}
