//! The HTTP calls providers make: one described [`HttpCall`] in, status and body out.

use super::Tuning;
use crate::client::describe_transport;
use ossio_core::credentials::HttpCall;
use std::io::Read;

/// Answers larger than this are not credentials.
const MAX_ANSWER: u64 = 64 * 1024;

/// An agent with a provider's timeouts: no redirects, error statuses returned as answers.
#[derive(Debug, Clone)]
pub(crate) struct Http {
    agent: ureq::Agent,
}

/// A call that got no answer: what happened, and whether the service may be there
/// (`answered`) or a retry may help (`retryable`).
#[derive(Debug)]
pub(crate) struct CallError {
    pub message: String,
    pub retryable: bool,
}

impl Http {
    pub(crate) fn new(t: &Tuning) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(t.connect_timeout))
            .timeout_send_request(Some(t.read_timeout))
            .timeout_recv_response(Some(t.read_timeout))
            .timeout_recv_body(Some(t.read_timeout))
            .user_agent(concat!("ossio/", env!("CARGO_PKG_VERSION")))
            .build();
        Http {
            agent: ureq::Agent::new_with_config(config),
        }
    }

    /// Sends `call`; any status is an answer.
    pub(crate) fn send(&self, call: &HttpCall) -> Result<(u16, Vec<u8>), CallError> {
        let mut b = ureq::http::Request::builder()
            .method(call.method)
            .uri(&call.url);
        for (k, v) in &call.headers {
            b = b.header(k, v);
        }
        let built = |e: ureq::http::Error| CallError {
            message: format!("cannot build the request: {e}"),
            retryable: false,
        };
        let result = if call.body.is_empty() && call.method == "GET" {
            self.agent
                .run(b.body(ureq::SendBody::none()).map_err(built)?)
        } else {
            b = b.header("Content-Length", call.body.len());
            let mut body: &[u8] = &call.body;
            self.agent.run(
                b.body(ureq::SendBody::from_reader(&mut body))
                    .map_err(built)?,
            )
        };
        let resp = result.map_err(|e| {
            let (message, retryable) = describe_transport(&e);
            CallError { message, retryable }
        })?;
        let status = resp.status().as_u16();
        let mut out = Vec::new();
        resp.into_body()
            .into_reader()
            .take(MAX_ANSWER)
            .read_to_end(&mut out)
            .map_err(|e| CallError {
                message: format!("reading the answer: {e}"),
                retryable: true,
            })?;
        Ok((status, out))
    }
}

/// `text` with every non-empty `secret` in it masked.
pub(crate) fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for s in secrets.iter().filter(|s| s.len() >= 4) {
        out = out.replace(s, "***");
    }
    out
}
