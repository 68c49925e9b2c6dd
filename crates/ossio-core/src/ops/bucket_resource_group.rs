//! The resource group a bucket belongs to: Put/GetBucketResourceGroup (`/?resourceGroup` with
//! a `BucketResourceGroupConfiguration` document).

use super::decl::Oss;

/// The `BucketResourceGroupConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "BucketResourceGroupConfiguration")]
pub struct BucketResourceGroupConfiguration {
    /// The resource group ID (`rg-...`); empty for the default group.
    #[oss(xml = "ResourceGroupId")]
    pub resource_group_id: Option<String>,
}

/// Moves a bucket to a resource group.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketResourceGroup};
/// let req = PutBucketResourceGroup::new("examplebucket", "rg-aek27tc****").to_request().unwrap();
/// assert_eq!(req.query_value("resourceGroup"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketResourceGroup",
    method = "PUT",
    sub_resource = "resourceGroup",
    output = super::EmptyOutput
)]
pub struct PutBucketResourceGroup {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The group.
    #[oss(document, required)]
    pub bucket_resource_group_configuration: BucketResourceGroupConfiguration,
}

impl PutBucketResourceGroup {
    /// Moves `bucket` to group `resource_group_id`.
    pub fn new(bucket: impl Into<String>, resource_group_id: impl Into<String>) -> Self {
        PutBucketResourceGroup {
            bucket: bucket.into(),
            bucket_resource_group_configuration: BucketResourceGroupConfiguration {
                resource_group_id: Some(resource_group_id.into()),
            },
        }
    }
}

/// Reads the resource group a bucket belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketResourceGroup",
    method = "GET",
    sub_resource = "resourceGroup",
    output = GetBucketResourceGroupOutput
)]
pub struct GetBucketResourceGroup {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketResourceGroup {
    /// The group of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketResourceGroup {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketResourceGroup`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketResourceGroupOutput {
    /// The group.
    #[oss(document)]
    pub bucket_resource_group_configuration: BucketResourceGroupConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
