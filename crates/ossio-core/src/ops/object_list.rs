//! ListObjects (v1): `GET /` on a bucket, paged by `marker`, with `encoding-type=url`
//! decoded for the caller. The official SDKs' paginators still use it.

use super::decl::Oss;
use super::object_list_v2::ObjectSummary;

/// Lists objects one page at a time (the first listing API; prefer
/// [`ListObjectsV2`](super::ListObjectsV2)).
///
/// ```
/// use ossio_core::ops::{ListObjects, Operation};
/// let mut op = ListObjects::new("examplebucket");
/// op.delimiter = Some("/".into());
/// let req = op.to_request().unwrap();
/// assert_eq!(req.query_value("delimiter"), Some(Some("/")));
/// assert_eq!(req.query_value("encoding-type"), Some(Some("url")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListObjects", method = "GET", output = ListObjectsOutput)]
pub struct ListObjects {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Only keys starting with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
    /// Groups keys sharing a prefix up to this into common prefixes (usually `/`).
    #[oss(query = "delimiter")]
    pub delimiter: Option<String>,
    /// Start after this key: the previous page's `NextMarker`.
    #[oss(query = "marker")]
    pub marker: Option<String>,
    /// Page size (1 to 1000).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
    /// Ask OSS to URL-encode keys (on by default: XML cannot carry every key) and decode
    /// them here.
    #[oss(query = "encoding-type", when_true = "url", default_true)]
    pub url_encoding: bool,
}

impl ListObjects {
    /// Every object of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListObjects {
            bucket: bucket.into(),
            prefix: None,
            delimiter: None,
            marker: None,
            max_keys: None,
            url_encoding: true,
        }
    }
}

/// One page of [`ListObjects`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListBucketResult", url_encoding = "EncodingType")]
pub struct ListObjectsOutput {
    /// Bucket name.
    #[oss(xml = "Name")]
    pub name: String,
    /// Prefix as echoed (decoded).
    #[oss(xml = "Prefix", url_encoded, empty_none)]
    pub prefix: Option<String>,
    /// Marker as echoed (decoded).
    #[oss(xml = "Marker", url_encoded, empty_none)]
    pub marker: Option<String>,
    /// Page size as echoed.
    #[oss(xml = "MaxKeys")]
    pub max_keys: Option<u32>,
    /// Delimiter as echoed (decoded).
    #[oss(xml = "Delimiter", url_encoded, empty_none)]
    pub delimiter: Option<String>,
    /// `url` when OSS encoded the keys (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// Marker of the next page (decoded).
    #[oss(xml = "NextMarker", url_encoded, empty_none)]
    pub next_marker: Option<String>,
    /// The objects.
    #[oss(xml = "Contents")]
    pub contents: Vec<ObjectSummary>,
    /// Common prefixes (decoded).
    #[oss(xml = "CommonPrefixes>Prefix", each, url_encoded)]
    pub common_prefixes: Vec<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
