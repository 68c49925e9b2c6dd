//! PutAccessPointPublicAccessBlock: `PUT /?publicAccessBlock&x-oss-access-point-name=<ap>`.

use super::common::{EmptyOutput, public_access_block_xml, validate_ap};
use super::{Operation, with_xml_body};
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;

/// The request line shared by the three access point public-access-block calls: the name
/// travels as a query parameter here (signed in V1 through the `x-oss-` rule).
pub(crate) fn pab_request(method: Method, bucket: &str, name: &str) -> Request {
    Request::new(method)
        .bucket(bucket)
        .query_flag("publicAccessBlock")
        .query(names::X_OSS_ACCESS_POINT_NAME, name)
        .sub_resource("publicAccessBlock")
}

/// Turns an access point's block-public-access switch on or off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutAccessPointPublicAccessBlock {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
    /// Whether public access is blocked.
    pub block_public_access: bool,
}

impl PutAccessPointPublicAccessBlock {
    /// Sets the switch of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>, block: bool) -> Self {
        PutAccessPointPublicAccessBlock {
            bucket: bucket.into(),
            name: name.into(),
            block_public_access: block,
        }
    }
}

/// The result of [`PutAccessPointPublicAccessBlock`].
pub type PutAccessPointPublicAccessBlockOutput = EmptyOutput;

impl Operation for PutAccessPointPublicAccessBlock {
    type Output = PutAccessPointPublicAccessBlockOutput;
    const NAME: &'static str = "PutAccessPointPublicAccessBlock";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(with_xml_body(
            pab_request(Method::Put, &self.bucket, &self.name),
            public_access_block_xml(self.block_public_access),
        ))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
