//! DeleteAccessPointPublicAccessBlock: `DELETE /?publicAccessBlock&x-oss-access-point-name=<ap>`.

use super::Operation;
use super::common::{EmptyOutput, validate_ap};
use super::put_access_point_public_access_block::pab_request;
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;

/// Removes an access point's block-public-access setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAccessPointPublicAccessBlock {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
}

impl DeleteAccessPointPublicAccessBlock {
    /// The setting of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteAccessPointPublicAccessBlock {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`DeleteAccessPointPublicAccessBlock`].
pub type DeleteAccessPointPublicAccessBlockOutput = super::common::EmptyOutput;

impl Operation for DeleteAccessPointPublicAccessBlock {
    type Output = DeleteAccessPointPublicAccessBlockOutput;
    const NAME: &'static str = "DeleteAccessPointPublicAccessBlock";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(pab_request(Method::Delete, &self.bucket, &self.name))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
