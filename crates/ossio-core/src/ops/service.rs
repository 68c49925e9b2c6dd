//! The service (account) level: ListBuckets, `GET /` on the service host.

use super::decl::Oss;

/// Lists the account's buckets, one page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "ListBuckets", method = "GET", output = ListBucketsOutput)]
pub struct ListBuckets {
    /// Only names starting with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
    /// Start after this name.
    #[oss(query = "marker")]
    pub marker: Option<String>,
    /// Page size (1 to 1000).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
}

impl ListBuckets {
    /// Every bucket.
    pub fn new() -> Self {
        ListBuckets::default()
    }

    /// Only names starting with `prefix`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Starts after `marker`.
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Sets the page size.
    pub fn max_keys(mut self, n: u32) -> Self {
        self.max_keys = Some(n);
        self
    }
}

/// One bucket in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct BucketSummary {
    /// Name.
    #[oss(xml = "Name")]
    pub name: String,
    /// Creation time (ISO 8601).
    #[oss(xml = "CreationDate")]
    pub creation_date: String,
    /// `oss-<region>` location.
    #[oss(xml = "Location")]
    pub location: String,
    /// Region id.
    #[oss(xml = "Region")]
    pub region: Option<String>,
    /// Public endpoint.
    #[oss(xml = "ExtranetEndpoint")]
    pub extranet_endpoint: Option<String>,
    /// Internal endpoint.
    #[oss(xml = "IntranetEndpoint")]
    pub intranet_endpoint: Option<String>,
    /// Storage class.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<String>,
    /// Resource group id.
    #[oss(xml = "ResourceGroupId")]
    pub resource_group_id: Option<String>,
}

/// One page of [`ListBuckets`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListAllMyBucketsResult")]
pub struct ListBucketsOutput {
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: String,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: String,
    /// Prefix as echoed.
    #[oss(xml = "Prefix", empty_none)]
    pub prefix: Option<String>,
    /// Marker as echoed.
    #[oss(xml = "Marker", empty_none)]
    pub marker: Option<String>,
    /// Page size as echoed.
    #[oss(xml = "MaxKeys")]
    pub max_keys: Option<u32>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// Marker of the next page.
    #[oss(xml = "NextMarker", empty_none)]
    pub next_marker: Option<String>,
    /// The buckets of this page.
    #[oss(xml = "Buckets>Bucket")]
    pub buckets: Vec<BucketSummary>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

super::paginated!(ListBuckets, BucketSummary, marker, next_marker, buckets);
