//! DeleteAccessPoint: `DELETE /?accessPoint` with `x-oss-access-point-name`.

use super::Operation;
use super::common::{EmptyOutput, ap_request, validate_ap};
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;

/// Deletes an access point (asynchronously on OSS: it passes through `deleting`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAccessPoint {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
}

impl DeleteAccessPoint {
    /// Access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteAccessPoint {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`DeleteAccessPoint`].
pub type DeleteAccessPointOutput = EmptyOutput;

impl Operation for DeleteAccessPoint {
    type Output = DeleteAccessPointOutput;
    const NAME: &'static str = "DeleteAccessPoint";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(ap_request(
            Method::Delete,
            &self.bucket,
            &self.name,
            "accessPoint",
        ))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
