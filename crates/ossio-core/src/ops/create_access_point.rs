//! CreateAccessPoint: `PUT /?accessPoint` on a bucket.

use super::{Operation, with_xml_body};
use crate::error::{Error, ValidationError, ValidationKind};
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAccessPoint {
    /// The bucket.
    pub bucket: String,
    /// Access point name (3–19 of `[a-z0-9-]`).
    pub name: String,
    /// Network origin.
    pub network_origin: NetworkOrigin,
    /// VPC id; required for [`NetworkOrigin::Vpc`], refused for `Internet`.
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
        validate::bucket_name(&self.bucket)?;
        validate::access_point_name(&self.name)?;
        let vpc = self.vpc_id.as_deref().filter(|v| !v.is_empty());
        match (self.network_origin, vpc) {
            (NetworkOrigin::Vpc, None) => Err(ValidationError::new(
                ValidationKind::NetworkOrigin,
                "vpc id",
                None,
                "network origin vpc requires a VPC id",
            )),
            (NetworkOrigin::Internet, Some(v)) => Err(ValidationError::new(
                ValidationKind::NetworkOrigin,
                "vpc id",
                Some(v),
                "network origin internet takes no VPC id",
            )),
            _ => Ok(()),
        }
    }

    /// The `CreateAccessPointConfiguration` document.
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("CreateAccessPointConfiguration");
        w.element("AccessPointName", &self.name);
        w.element("NetworkOrigin", self.network_origin.as_str());
        if let Some(vpc) = &self.vpc_id {
            w.start("VpcConfiguration");
            w.element("VpcId", vpc);
            w.end("VpcConfiguration");
        }
        w.end("CreateAccessPointConfiguration");
        w.finish()
    }

    /// Reads a `CreateAccessPointConfiguration` document (the server side of this call).
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        let root = xml::parse(body)?;
        if !root.is("CreateAccessPointConfiguration") {
            return Err(format!("unexpected root <{}>", root.name));
        }
        let origin = root
            .required("NetworkOrigin")?
            .parse::<NetworkOrigin>()
            .map_err(|e| e.to_string())?;
        Ok(CreateAccessPoint {
            bucket: bucket.to_owned(),
            name: root.required("AccessPointName")?.to_owned(),
            network_origin: origin,
            vpc_id: root
                .path(&["VpcConfiguration", "VpcId"])
                .map(|e| e.text.to_string())
                .filter(|v| !v.is_empty()),
        })
    }
}

/// The result of [`CreateAccessPoint`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAccessPointOutput {
    /// `acs:oss:<region>:<account>:accesspoint/<name>`.
    pub access_point_arn: String,
    /// The alias, usable in place of a bucket name.
    pub alias: String,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl CreateAccessPointOutput {
    /// The `CreateAccessPointResult` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("CreateAccessPointResult");
        w.element("AccessPointArn", &self.access_point_arn);
        w.element("Alias", &self.alias);
        w.end("CreateAccessPointResult");
        w.finish()
    }
}

impl Operation for CreateAccessPoint {
    type Output = CreateAccessPointOutput;
    const NAME: &'static str = "CreateAccessPoint";

    fn to_request(&self) -> Result<Request, Error> {
        self.validate()?;
        let req = Request::new(Method::Put)
            .bucket(&self.bucket)
            .query_flag("accessPoint")
            .sub_resource("accessPoint");
        Ok(with_xml_body(req, self.to_xml()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        let get = |name| {
            root.required(name)
                .map(str::to_owned)
                .map_err(|e| resp.parse_error(e))
        };
        Ok(CreateAccessPointOutput {
            access_point_arn: get("AccessPointArn")?,
            alias: get("Alias")?,
            request_id: resp.request_id(),
        })
    }
}
