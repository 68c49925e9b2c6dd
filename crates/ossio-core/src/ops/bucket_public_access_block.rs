//! A bucket's block-public-access switch: Get/Put/DeleteBucketPublicAccessBlock
//! (`/?publicAccessBlock` with a `PublicAccessBlockConfiguration` document).

use super::PublicAccessBlockConfiguration;
use super::decl::Oss;

/// Reads a bucket's block-public-access switch.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketPublicAccessBlock",
    method = "GET",
    sub_resource = "publicAccessBlock",
    output = GetBucketPublicAccessBlockOutput
)]
pub struct GetBucketPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketPublicAccessBlock {
    /// The switch of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketPublicAccessBlock {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketPublicAccessBlock`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketPublicAccessBlockOutput {
    /// The switch.
    #[oss(document)]
    pub public_access_block_configuration: PublicAccessBlockConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Turns a bucket's block-public-access switch on or off.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketPublicAccessBlock",
    method = "PUT",
    sub_resource = "publicAccessBlock",
    output = super::EmptyOutput
)]
pub struct PutBucketPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The switch.
    #[oss(document, required)]
    pub public_access_block_configuration: PublicAccessBlockConfiguration,
}

impl PutBucketPublicAccessBlock {
    /// Blocks (`true`) or allows (`false`) public access to `bucket`.
    pub fn new(bucket: impl Into<String>, block: bool) -> Self {
        PutBucketPublicAccessBlock {
            bucket: bucket.into(),
            public_access_block_configuration: PublicAccessBlockConfiguration::new(block),
        }
    }
}

/// Removes a bucket's block-public-access setting.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteBucketPublicAccessBlock",
    method = "DELETE",
    sub_resource = "publicAccessBlock",
    output = super::EmptyOutput
)]
pub struct DeleteBucketPublicAccessBlock {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketPublicAccessBlock {
    /// The setting of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketPublicAccessBlock {
            bucket: bucket.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::{Operation, PutAccessPointPublicAccessBlock, PutPublicAccessBlock};

    #[test]
    fn account_bucket_and_access_point_levels_route_apart() {
        let name = |r: &crate::Request| crate::ops::route(r).map(|o| o.name);
        let account = PutPublicAccessBlock::new(true).to_request().unwrap();
        let bucket = PutBucketPublicAccessBlock::new("bucket-1", true)
            .to_request()
            .unwrap();
        let ap = PutAccessPointPublicAccessBlock::new("bucket-1", "ap-1", true)
            .to_request()
            .unwrap();
        assert_eq!(name(&account), Some("PutPublicAccessBlock"));
        assert_eq!(name(&bucket), Some("PutBucketPublicAccessBlock"));
        assert_eq!(name(&ap), Some("PutAccessPointPublicAccessBlock"));
    }
}
