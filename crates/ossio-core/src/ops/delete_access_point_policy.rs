//! DeleteAccessPointPolicy: `DELETE /?accessPointPolicy`.

use super::Operation;
use super::common::{EmptyOutput, ap_request, validate_ap};
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;

/// Removes an access point's policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAccessPointPolicy {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
}

impl DeleteAccessPointPolicy {
    /// The policy of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`DeleteAccessPointPolicy`].
pub type DeleteAccessPointPolicyOutput = EmptyOutput;

impl Operation for DeleteAccessPointPolicy {
    type Output = DeleteAccessPointPolicyOutput;
    const NAME: &'static str = "DeleteAccessPointPolicy";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(ap_request(
            Method::Delete,
            &self.bucket,
            &self.name,
            "accessPointPolicy",
        ))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
