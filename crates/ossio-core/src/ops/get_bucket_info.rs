//! GetBucketInfo: `GET /?bucketInfo`.

use super::Operation;
use super::common::{expect_root, opt};
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;

/// Reads a bucket's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBucketInfo {
    /// The bucket.
    pub bucket: String,
}

impl GetBucketInfo {
    /// Describes `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketInfo {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetBucketInfoOutput {
    /// Name.
    pub name: String,
    /// Creation time (ISO 8601).
    pub creation_date: String,
    /// `oss-<region>` location.
    pub location: String,
    /// Region id.
    pub region: Option<String>,
    /// Public endpoint.
    pub extranet_endpoint: Option<String>,
    /// Internal endpoint.
    pub intranet_endpoint: Option<String>,
    /// Storage class.
    pub storage_class: Option<String>,
    /// Data redundancy type.
    pub data_redundancy_type: Option<String>,
    /// Owner id.
    pub owner_id: String,
    /// Owner display name.
    pub owner_display_name: String,
    /// ACL grant.
    pub acl: String,
    /// Resource group id.
    pub resource_group_id: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl GetBucketInfoOutput {
    /// The `BucketInfo` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("BucketInfo");
        w.start("Bucket");
        w.element("CreationDate", &self.creation_date);
        if let Some(e) = &self.extranet_endpoint {
            w.element("ExtranetEndpoint", e);
        }
        if let Some(e) = &self.intranet_endpoint {
            w.element("IntranetEndpoint", e);
        }
        w.element("Location", &self.location);
        w.element("Name", &self.name);
        if let Some(r) = &self.region {
            w.element("Region", r);
        }
        if let Some(s) = &self.storage_class {
            w.element("StorageClass", s);
        }
        if let Some(d) = &self.data_redundancy_type {
            w.element("DataRedundancyType", d);
        }
        if let Some(g) = &self.resource_group_id {
            w.element("ResourceGroupId", g);
        }
        w.start("Owner");
        w.element("ID", &self.owner_id);
        w.element("DisplayName", &self.owner_display_name);
        w.end("Owner");
        w.start("AccessControlList");
        w.element("Grant", &self.acl);
        w.end("AccessControlList");
        w.end("Bucket");
        w.end("BucketInfo");
        w.finish()
    }
}

impl Operation for GetBucketInfo {
    type Output = GetBucketInfoOutput;
    const NAME: &'static str = "GetBucketInfo";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        Ok(Request::new(Method::Get)
            .bucket(&self.bucket)
            .query_flag("bucketInfo"))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "BucketInfo")?;
        let b = root
            .child("Bucket")
            .ok_or_else(|| resp.parse_error("missing element <Bucket> in <BucketInfo>"))?;
        let owner = b.child("Owner");
        Ok(GetBucketInfoOutput {
            name: super::common::req(resp, b, "Name")?,
            creation_date: opt(b, "CreationDate").unwrap_or_default(),
            location: opt(b, "Location").unwrap_or_default(),
            region: opt(b, "Region"),
            extranet_endpoint: opt(b, "ExtranetEndpoint"),
            intranet_endpoint: opt(b, "IntranetEndpoint"),
            storage_class: opt(b, "StorageClass"),
            data_redundancy_type: opt(b, "DataRedundancyType"),
            owner_id: owner.and_then(|o| opt(o, "ID")).unwrap_or_default(),
            owner_display_name: owner
                .and_then(|o| opt(o, "DisplayName"))
                .unwrap_or_default(),
            acl: b
                .path(&["AccessControlList", "Grant"])
                .map(|g| g.text.to_string())
                .unwrap_or_default(),
            resource_group_id: opt(b, "ResourceGroupId"),
            request_id: resp.request_id(),
        })
    }
}
