//! Access points: CreateAccessPoint, GetAccessPoint, DeleteAccessPoint, ListAccessPoints
//! (`/?accessPoint` on a bucket, or on the service host for the account's list).

use super::common::EmptyOutput;
use super::decl::{self, Oss};
use crate::error::{ValidationError, ValidationKind};
use std::fmt;

/// Where an access point accepts requests from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NetworkOrigin {
    /// Only from one VPC (needs a VPC id).
    Vpc,
    /// From public and internal endpoints.
    Internet,
}

impl NetworkOrigin {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkOrigin::Vpc => "vpc",
            NetworkOrigin::Internet => "internet",
        }
    }
}

impl std::str::FromStr for NetworkOrigin {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "vpc" => Ok(NetworkOrigin::Vpc),
            "internet" => Ok(NetworkOrigin::Internet),
            _ => Err(ValidationError::new(
                ValidationKind::NetworkOrigin,
                "network origin",
                Some(s),
                "must be vpc or internet",
            )),
        }
    }
}

impl fmt::Display for NetworkOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Creates an access point on a bucket.
///
/// ```
/// use ossio_core::ops::{CreateAccessPoint, NetworkOrigin, Operation};
/// let op = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Vpc)
///     .vpc_id("vpc-t4nlw426y44rd3iq4xxxx");
/// let req = op.to_request().unwrap();
/// assert_eq!(req.query_value("accessPoint"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CreateAccessPoint",
    method = "PUT",
    sub_resource = "accessPoint",
    xml = "CreateAccessPointConfiguration",
    output = CreateAccessPointOutput,
    check = Self::check_origin
)]
pub struct CreateAccessPoint {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name (3–19 of `[a-z0-9-]`).
    #[oss(xml = "AccessPointName", rename = "access_point_name", required, validate = crate::validate::access_point_name)]
    pub name: String,
    /// Network origin.
    #[oss(xml = "NetworkOrigin", required)]
    pub network_origin: NetworkOrigin,
    /// VPC id; required for [`NetworkOrigin::Vpc`], refused for `Internet`.
    #[oss(xml = "VpcConfiguration>VpcId", empty_none)]
    pub vpc_id: Option<String>,
}

impl CreateAccessPoint {
    /// An access point `name` on `bucket`.
    pub fn new(
        bucket: impl Into<String>,
        name: impl Into<String>,
        network_origin: NetworkOrigin,
    ) -> Self {
        CreateAccessPoint {
            bucket: bucket.into(),
            name: name.into(),
            network_origin,
            vpc_id: None,
        }
    }

    /// Sets the VPC id.
    pub fn vpc_id(mut self, vpc_id: impl Into<String>) -> Self {
        self.vpc_id = Some(vpc_id.into());
        self
    }

    /// Checks the name and the origin / VPC combination.
    pub fn validate(&self) -> Result<(), ValidationError> {
        decl::Fields::validate(self)
    }

    fn check_origin(&self) -> Result<(), ValidationError> {
        let vpc = self.vpc_id.as_deref().filter(|v| !v.is_empty());
        match (self.network_origin, vpc) {
            (NetworkOrigin::Vpc, None) => Err(ValidationError::new(
                ValidationKind::NetworkOrigin,
                "vpc_id",
                None,
                "network origin vpc requires a VPC id",
            )),
            (NetworkOrigin::Internet, Some(v)) => Err(ValidationError::new(
                ValidationKind::NetworkOrigin,
                "vpc_id",
                Some(v),
                "network origin internet takes no VPC id",
            )),
            _ => Ok(()),
        }
    }

    /// The `CreateAccessPointConfiguration` document.
    pub fn to_xml(&self) -> String {
        decl::input_xml(self).unwrap_or_default()
    }

    /// Reads a `CreateAccessPointConfiguration` document (the server side of this call).
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        decl::input_from_xml(bucket, body)
    }
}

/// The result of [`CreateAccessPoint`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "CreateAccessPointResult")]
pub struct CreateAccessPointOutput {
    /// `acs:oss:<region>:<account>:accesspoint/<name>`.
    #[oss(xml = "AccessPointArn", required)]
    pub access_point_arn: String,
    /// The alias, usable in place of a bucket name.
    #[oss(xml = "Alias", required)]
    pub alias: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads an access point's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetAccessPoint", method = "GET", sub_resource = "accessPoint", output = GetAccessPointOutput)]
pub struct GetAccessPoint {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(header = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
}

impl GetAccessPoint {
    /// Access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        GetAccessPoint {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`GetAccessPoint`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "GetAccessPointResult")]
pub struct GetAccessPointOutput {
    /// Access point name.
    #[oss(xml = "AccessPointName", rename = "access_point_name", required)]
    pub name: String,
    /// The bucket it serves.
    #[oss(xml = "Bucket", required)]
    pub bucket: String,
    /// Owning account id.
    #[oss(xml = "AccountId")]
    pub account_id: String,
    /// `vpc` or `internet`.
    #[oss(xml = "NetworkOrigin", required)]
    pub network_origin: String,
    /// VPC id (for `vpc`).
    #[oss(xml = "VpcConfiguration>VpcId", empty_none)]
    pub vpc_id: Option<String>,
    /// ARN, passed through verbatim.
    #[oss(xml = "AccessPointArn", required)]
    pub access_point_arn: String,
    /// Creation time in Unix seconds, as OSS writes it.
    #[oss(xml = "CreationDate")]
    pub creation_date: String,
    /// The alias, usable in place of a bucket name.
    #[oss(xml = "Alias", required)]
    pub alias: String,
    /// `creating`, `enable` or `deleting`.
    #[oss(xml = "Status")]
    pub status: String,
    /// Public endpoint host.
    #[oss(xml = "Endpoints>PublicEndpoint")]
    pub public_endpoint: Option<String>,
    /// Internal endpoint host.
    #[oss(xml = "Endpoints>InternalEndpoint")]
    pub internal_endpoint: Option<String>,
    /// The access point's block-public-access setting, when reported.
    #[oss(xml = "PublicAccessBlockConfiguration>BlockPublicAccess")]
    pub block_public_access: Option<bool>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes an access point (asynchronously on OSS: it passes through `deleting`).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteAccessPoint", method = "DELETE", sub_resource = "accessPoint", output = EmptyOutput)]
pub struct DeleteAccessPoint {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(header = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
}

impl DeleteAccessPoint {
    /// Access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteAccessPoint {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`DeleteAccessPoint`].
pub type DeleteAccessPointOutput = EmptyOutput;

/// Lists access points of the account (no bucket) or of one bucket, one page at a time.
///
/// ```
/// use ossio_core::ops::{ListAccessPoints, Operation};
/// let req = ListAccessPoints::for_bucket("bucket").max_keys(2).to_request().unwrap();
/// assert_eq!(req.query, vec![("accessPoint".into(), None), ("max-keys".into(), Some("2".into()))]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "ListAccessPoints",
    method = "GET",
    sub_resource = "accessPoint",
    output = ListAccessPointsOutput,
    check = Self::check_max_keys
)]
pub struct ListAccessPoints {
    /// The bucket, or `None` for every access point of the account.
    #[oss(bucket)]
    pub bucket: Option<String>,
    /// Page size: (0, 1000] account-level, (0, 100] per bucket.
    #[oss(query = "max-keys")]
    pub max_keys: Option<u32>,
    /// The previous page's `NextContinuationToken`.
    #[oss(query = "continuation-token")]
    pub continuation_token: Option<String>,
}

impl ListAccessPoints {
    /// Every access point of the account.
    pub fn new() -> Self {
        ListAccessPoints::default()
    }

    /// The access points of `bucket`.
    pub fn for_bucket(bucket: impl Into<String>) -> Self {
        ListAccessPoints {
            bucket: Some(bucket.into()),
            ..Self::default()
        }
    }

    /// Sets the page size.
    pub fn max_keys(mut self, n: u32) -> Self {
        self.max_keys = Some(n);
        self
    }

    /// Continues after a previous page.
    pub fn continuation_token(mut self, token: impl Into<String>) -> Self {
        self.continuation_token = Some(token.into());
        self
    }

    // The limit depends on the scope: 100 per bucket, 1000 for the account.
    fn check_max_keys(&self) -> Result<(), ValidationError> {
        match (self.max_keys, &self.bucket) {
            (Some(n), Some(_)) if n == 0 || n > 100 => Err(ValidationError::invalid(
                "max_keys",
                &n.to_string(),
                "must be 1 to 100 for a bucket",
            )),
            (Some(n), None) => decl::check_range("max_keys", n.into(), 1, 1000),
            _ => Ok(()),
        }
    }
}

/// One access point in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct AccessPointSummary {
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: String,
    /// Access point name.
    #[oss(xml = "AccessPointName", rename = "access_point_name")]
    pub name: String,
    /// Alias.
    #[oss(xml = "Alias")]
    pub alias: String,
    /// `vpc` or `internet`.
    #[oss(xml = "NetworkOrigin")]
    pub network_origin: String,
    /// VPC id (empty for internet access points).
    #[oss(xml = "VpcConfiguration>VpcId", empty_none)]
    pub vpc_id: Option<String>,
    /// Status.
    #[oss(xml = "Status")]
    pub status: String,
}

/// One page of [`ListAccessPoints`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListAccessPointsResult")]
pub struct ListAccessPointsOutput {
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// Token for the next page.
    #[oss(xml = "NextContinuationToken", empty_none)]
    pub next_continuation_token: Option<String>,
    /// Account id.
    #[oss(xml = "AccountId")]
    pub account_id: String,
    /// Page size as echoed.
    #[oss(xml = "MaxKeys")]
    pub max_keys: Option<u32>,
    /// The access points of this page.
    #[oss(xml = "AccessPoints>AccessPoint")]
    pub access_points: Vec<AccessPointSummary>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

super::paginated!(
    ListAccessPoints,
    AccessPointSummary,
    continuation_token,
    next_continuation_token,
    access_points
);
