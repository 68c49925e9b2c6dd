//! ListCloudBoxes: `GET /?cloudboxes` on the service endpoint, the account's CloudBoxes one
//! page at a time.

use super::decl::Oss;

/// Lists the CloudBoxes of the account, one page at a time.
///
/// ```
/// use ossio_core::ops::{ListCloudBoxes, Operation};
/// let req = ListCloudBoxes { prefix: Some("cb-".into()), max_keys: Some(10), ..Default::default() }
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("cloudboxes"), Some(None));
/// assert_eq!(req.query_value("max-keys"), Some(Some("10")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "ListCloudBoxes", method = "GET", sub_resource = "cloudboxes", output = ListCloudBoxesOutput)]
pub struct ListCloudBoxes {
    /// Start after this CloudBox id.
    #[oss(query = "marker")]
    pub marker: Option<String>,
    /// Page size (1 to 1000).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
    /// Only CloudBoxes whose ids start with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
}

/// One CloudBox.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CloudBoxProperties {
    /// The CloudBox id.
    #[oss(xml = "ID")]
    pub id: Option<String>,
    /// Its name.
    #[oss(xml = "Name")]
    pub name: Option<String>,
    /// The region it belongs to.
    #[oss(xml = "Region")]
    pub region: Option<String>,
    /// The control endpoint.
    #[oss(xml = "ControlEndpoint")]
    pub control_endpoint: Option<String>,
    /// The data endpoint.
    #[oss(xml = "DataEndpoint")]
    pub data_endpoint: Option<String>,
    /// Its alias.
    #[oss(xml = "Alias")]
    pub alias: Option<String>,
}

/// The owner of the listed CloudBoxes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CloudBoxOwner {
    /// The account id.
    #[oss(xml = "ID")]
    pub id: Option<String>,
    /// The display name.
    #[oss(xml = "DisplayName")]
    pub display_name: Option<String>,
}

/// One page of [`ListCloudBoxes`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListCloudBoxResult")]
pub struct ListCloudBoxesOutput {
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
    /// The marker of the next page.
    #[oss(xml = "NextMarker", empty_none)]
    pub next_marker: Option<String>,
    /// The owner.
    #[oss(xml = "Owner")]
    pub owner: Option<CloudBoxOwner>,
    /// The CloudBoxes of this page.
    #[oss(xml = "CloudBoxes>CloudBox")]
    pub cloud_boxes: Vec<CloudBoxProperties>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

super::paginated!(
    ListCloudBoxes,
    CloudBoxProperties,
    marker,
    next_marker,
    cloud_boxes
);
