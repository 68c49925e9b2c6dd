//! GetAccessPoint: `GET /?accessPoint` with `x-oss-access-point-name`.

use super::Operation;
use super::common::{ap_request, expect_root, opt, parse_bool, req, validate_ap};
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::xml;

/// Reads an access point's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAccessPoint {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetAccessPointOutput {
    /// Access point name.
    pub name: String,
    /// The bucket it serves.
    pub bucket: String,
    /// Owning account id.
    pub account_id: String,
    /// `vpc` or `internet`.
    pub network_origin: String,
    /// VPC id (for `vpc`).
    pub vpc_id: Option<String>,
    /// ARN, passed through verbatim.
    pub access_point_arn: String,
    /// Creation time in Unix seconds, as OSS writes it.
    pub creation_date: String,
    /// The alias, usable in place of a bucket name.
    pub alias: String,
    /// `creating`, `enable` or `deleting`.
    pub status: String,
    /// Public endpoint host.
    pub public_endpoint: Option<String>,
    /// Internal endpoint host.
    pub internal_endpoint: Option<String>,
    /// The access point's block-public-access setting, when reported.
    pub block_public_access: Option<bool>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl GetAccessPointOutput {
    /// The `GetAccessPointResult` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("GetAccessPointResult");
        w.element("AccessPointName", &self.name);
        w.element("Bucket", &self.bucket);
        w.element("AccountId", &self.account_id);
        w.element("NetworkOrigin", &self.network_origin);
        w.start("VpcConfiguration");
        w.element("VpcId", self.vpc_id.as_deref().unwrap_or(""));
        w.end("VpcConfiguration");
        w.element("AccessPointArn", &self.access_point_arn);
        w.element("CreationDate", &self.creation_date);
        w.element("Alias", &self.alias);
        w.element("Status", &self.status);
        w.start("Endpoints");
        if let Some(e) = &self.public_endpoint {
            w.element("PublicEndpoint", e);
        }
        if let Some(e) = &self.internal_endpoint {
            w.element("InternalEndpoint", e);
        }
        w.end("Endpoints");
        if let Some(b) = self.block_public_access {
            w.start("PublicAccessBlockConfiguration");
            w.element("BlockPublicAccess", if b { "true" } else { "false" });
            w.end("PublicAccessBlockConfiguration");
        }
        w.end("GetAccessPointResult");
        w.finish()
    }
}

impl Operation for GetAccessPoint {
    type Output = GetAccessPointOutput;
    const NAME: &'static str = "GetAccessPoint";

    fn to_request(&self) -> Result<Request, Error> {
        validate_ap(&self.bucket, &self.name)?;
        Ok(ap_request(
            Method::Get,
            &self.bucket,
            &self.name,
            "accessPoint",
        ))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "GetAccessPointResult")?;
        let block = match root.path(&["PublicAccessBlockConfiguration", "BlockPublicAccess"]) {
            Some(e) => Some(parse_bool(resp, "BlockPublicAccess", &e.text)?),
            None => None,
        };
        Ok(GetAccessPointOutput {
            name: req(resp, &root, "AccessPointName")?,
            bucket: req(resp, &root, "Bucket")?,
            account_id: opt(&root, "AccountId").unwrap_or_default(),
            network_origin: req(resp, &root, "NetworkOrigin")?,
            vpc_id: root
                .path(&["VpcConfiguration", "VpcId"])
                .map(|e| e.text.to_string())
                .filter(|v| !v.is_empty()),
            access_point_arn: req(resp, &root, "AccessPointArn")?,
            creation_date: opt(&root, "CreationDate").unwrap_or_default(),
            alias: req(resp, &root, "Alias")?,
            status: opt(&root, "Status").unwrap_or_default(),
            public_endpoint: root
                .path(&["Endpoints", "PublicEndpoint"])
                .map(|e| e.text.to_string()),
            internal_endpoint: root
                .path(&["Endpoints", "InternalEndpoint"])
                .map(|e| e.text.to_string()),
            block_public_access: block,
            request_id: resp.request_id(),
        })
    }
}
