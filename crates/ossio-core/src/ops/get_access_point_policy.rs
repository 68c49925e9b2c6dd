//! GetAccessPointPolicy: `GET /?accessPointPolicy`; the body is the policy JSON, not XML.

use super::Operation;
use super::common::{ap_request, validate_ap};
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;

/// Reads an access point's policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAccessPointPolicy {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
}

impl GetAccessPointPolicy {
    /// The policy of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        GetAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`GetAccessPointPolicy`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAccessPointPolicyOutput {
    /// The policy JSON, byte for byte as stored.
    pub policy: String,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for GetAccessPointPolicy {
    type Output = GetAccessPointPolicyOutput;
    const NAME: &'static str = "GetAccessPointPolicy";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(ap_request(
            Method::Get,
            &self.bucket,
            &self.name,
            "accessPointPolicy",
        ))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        let policy = String::from_utf8(resp.body.to_vec())
            .map_err(|_| resp.parse_error("the policy is not UTF-8"))?;
        Ok(GetAccessPointPolicyOutput {
            policy,
            request_id: resp.request_id(),
        })
    }
}
