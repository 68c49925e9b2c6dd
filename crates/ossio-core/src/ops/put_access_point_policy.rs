//! PutAccessPointPolicy: `PUT /?accessPointPolicy` with the policy JSON as the body.

use super::common::{EmptyOutput, ap_request, validate_ap};
use super::{Operation, content_md5};
use crate::error::{Error, ValidationError};
use crate::names;
use crate::request::{Body, Method, Request};
use crate::response::Response;

/// Sets an access point's policy (a JSON document, sent verbatim).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutAccessPointPolicy {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
    /// The policy document.
    pub policy: String,
}

impl PutAccessPointPolicy {
    /// Sets `policy` on access point `name` of `bucket`.
    pub fn new(
        bucket: impl Into<String>,
        name: impl Into<String>,
        policy: impl Into<String>,
    ) -> Self {
        PutAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
            policy: policy.into(),
        }
    }
}

/// The result of [`PutAccessPointPolicy`].
pub type PutAccessPointPolicyOutput = EmptyOutput;

impl Operation for PutAccessPointPolicy {
    type Output = PutAccessPointPolicyOutput;
    const NAME: &'static str = "PutAccessPointPolicy";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        if self.policy.trim().is_empty() {
            return Err(ValidationError::invalid("policy", "", "must not be empty").into());
        }
        // The API reference says JSON, but the Go and Python v2 SDKs send application/xml
        // and OSS accepts it; matching them keeps signatures byte-identical.
        Ok(
            ap_request(Method::Put, &self.bucket, &self.name, "accessPointPolicy")
                .header(names::CONTENT_TYPE, names::APPLICATION_XML)
                .header(names::CONTENT_MD5, content_md5(self.policy.as_bytes()))
                .body(Body::Bytes(self.policy.clone().into_bytes())),
        )
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
