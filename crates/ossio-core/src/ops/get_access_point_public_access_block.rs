//! GetAccessPointPublicAccessBlock: `GET /?publicAccessBlock&x-oss-access-point-name=<ap>`.

use super::Operation;
use super::common::{expect_root, parse_bool, req, validate_ap};
use super::put_access_point_public_access_block::pab_request;
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;

/// Reads an access point's block-public-access switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAccessPointPublicAccessBlock {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
}

impl GetAccessPointPublicAccessBlock {
    /// The switch of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        GetAccessPointPublicAccessBlock {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`GetAccessPointPublicAccessBlock`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAccessPointPublicAccessBlockOutput {
    /// Whether public access is blocked.
    pub block_public_access: bool,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for GetAccessPointPublicAccessBlock {
    type Output = GetAccessPointPublicAccessBlockOutput;
    const NAME: &'static str = "GetAccessPointPublicAccessBlock";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(pab_request(Method::Get, &self.bucket, &self.name))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "PublicAccessBlockConfiguration")?;
        let v = req(resp, &root, "BlockPublicAccess")?;
        Ok(GetAccessPointPublicAccessBlockOutput {
            block_public_access: parse_bool(resp, "BlockPublicAccess", &v)?,
            request_id: resp.request_id(),
        })
    }
}
