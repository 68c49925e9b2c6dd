//! An access point's block-public-access switch: Put/Get/DeleteAccessPointPublicAccessBlock
//! (`/?publicAccessBlock&x-oss-access-point-name=<ap>`: here the name travels as a query
//! parameter, signed in V1 through the `x-oss-` rule).

use super::common::EmptyOutput;
use super::decl::Oss;

/// Turns an access point's block-public-access switch on or off.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutAccessPointPublicAccessBlock",
    method = "PUT",
    sub_resource = "publicAccessBlock",
    xml = "PublicAccessBlockConfiguration",
    output = EmptyOutput
)]
pub struct PutAccessPointPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(query = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
    /// Whether public access is blocked.
    #[oss(xml = "BlockPublicAccess")]
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

/// Reads an access point's block-public-access switch.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetAccessPointPublicAccessBlock",
    method = "GET",
    sub_resource = "publicAccessBlock",
    output = GetAccessPointPublicAccessBlockOutput
)]
pub struct GetAccessPointPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(query = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
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
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "PublicAccessBlockConfiguration")]
pub struct GetAccessPointPublicAccessBlockOutput {
    /// Whether public access is blocked.
    #[oss(xml = "BlockPublicAccess", required)]
    pub block_public_access: bool,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes an access point's block-public-access setting.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteAccessPointPublicAccessBlock",
    method = "DELETE",
    sub_resource = "publicAccessBlock",
    output = EmptyOutput
)]
pub struct DeleteAccessPointPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(query = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
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
pub type DeleteAccessPointPublicAccessBlockOutput = EmptyOutput;
