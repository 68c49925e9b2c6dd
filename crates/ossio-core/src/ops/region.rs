//! DescribeRegions: `GET /?regions[=<region>]` on the service endpoint, the endpoints of
//! every region or of one.

use super::Operation;
use super::decl::{self, Oss};
use crate::error::Error;
use crate::request::Request;
use crate::response::Response;

/// Lists the endpoints of every region, or of one.
///
/// ```
/// use ossio_core::ops::{DescribeRegions, Operation};
/// let all = DescribeRegions::default().to_request().unwrap();
/// assert_eq!(all.query, vec![("regions".into(), None)]);
/// let one = DescribeRegions { regions: Some("oss-cn-hangzhou".into()) }.to_request().unwrap();
/// assert_eq!(one.query, vec![("regions".into(), Some("oss-cn-hangzhou".into()))]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "DescribeRegions",
    method = "GET",
    sub_resource = "regions",
    output = DescribeRegionsOutput,
    manual
)]
pub struct DescribeRegions {
    /// One region (`oss-cn-hangzhou`); `None` for every region.
    #[oss(query = "regions", empty_none)]
    pub regions: Option<String>,
}

impl Operation for DescribeRegions {
    type Output = DescribeRegionsOutput;
    const NAME: &'static str = "DescribeRegions";

    // The sub-resource carries the region as its value: one `regions` parameter, with a
    // value or without.
    fn to_request(&self) -> Result<Request, Error> {
        let mut req = decl::Declared::declared_request(self)?;
        req.query.retain(|(k, _)| k != "regions");
        let value = self.regions.clone().filter(|r| !r.is_empty());
        req.query.insert(0, ("regions".to_owned(), value));
        Ok(req)
    }

    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error> {
        decl::Fields::from_response(response)
    }
}

/// The endpoints of one region.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RegionInfo {
    /// The region id (`oss-cn-hangzhou`).
    #[oss(xml = "Region")]
    pub region: Option<String>,
    /// The public endpoint.
    #[oss(xml = "InternetEndpoint")]
    pub internet_endpoint: Option<String>,
    /// The internal (same-region) endpoint.
    #[oss(xml = "InternalEndpoint")]
    pub internal_endpoint: Option<String>,
    /// The transfer acceleration endpoint.
    #[oss(xml = "AccelerateEndpoint")]
    pub accelerate_endpoint: Option<String>,
}

/// The result of [`DescribeRegions`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "RegionInfoList")]
pub struct DescribeRegionsOutput {
    /// The regions.
    #[oss(xml = "RegionInfo")]
    pub region_info: Vec<RegionInfo>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
