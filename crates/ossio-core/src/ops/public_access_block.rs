//! The account's block-public-access switch: Get/Put/DeletePublicAccessBlock
//! (`/?publicAccessBlock` on the service endpoint, with a `PublicAccessBlockConfiguration`
//! document).

use super::decl::Oss;

/// The `PublicAccessBlockConfiguration` document (account, bucket level).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "PublicAccessBlockConfiguration")]
pub struct PublicAccessBlockConfiguration {
    /// Whether public access is blocked.
    #[oss(xml = "BlockPublicAccess")]
    pub block_public_access: Option<bool>,
}

impl PublicAccessBlockConfiguration {
    /// Blocks (`true`) or allows (`false`) public access.
    pub fn new(block: bool) -> Self {
        PublicAccessBlockConfiguration {
            block_public_access: Some(block),
        }
    }
}

/// Reads the account's block-public-access switch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "GetPublicAccessBlock",
    method = "GET",
    sub_resource = "publicAccessBlock",
    output = GetPublicAccessBlockOutput
)]
pub struct GetPublicAccessBlock {}

impl GetPublicAccessBlock {
    /// The account's switch.
    pub fn new() -> Self {
        GetPublicAccessBlock {}
    }
}

/// The result of [`GetPublicAccessBlock`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetPublicAccessBlockOutput {
    /// The switch.
    #[oss(document)]
    pub public_access_block_configuration: PublicAccessBlockConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Turns the account's block-public-access switch on or off.
///
/// ```
/// use ossio_core::ops::{Operation, PutPublicAccessBlock};
/// let req = PutPublicAccessBlock::new(true).to_request().unwrap();
/// assert_eq!(req.bucket, None);
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutPublicAccessBlock",
    method = "PUT",
    sub_resource = "publicAccessBlock",
    output = super::EmptyOutput
)]
pub struct PutPublicAccessBlock {
    /// The switch.
    #[oss(document, required)]
    pub public_access_block_configuration: PublicAccessBlockConfiguration,
}

impl PutPublicAccessBlock {
    /// Blocks (`true`) or allows (`false`) public access account-wide.
    pub fn new(block: bool) -> Self {
        PutPublicAccessBlock {
            public_access_block_configuration: PublicAccessBlockConfiguration::new(block),
        }
    }
}

/// Removes the account's block-public-access setting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "DeletePublicAccessBlock",
    method = "DELETE",
    sub_resource = "publicAccessBlock",
    output = super::EmptyOutput
)]
pub struct DeletePublicAccessBlock {}

impl DeletePublicAccessBlock {
    /// The account's setting.
    pub fn new() -> Self {
        DeletePublicAccessBlock {}
    }
}
