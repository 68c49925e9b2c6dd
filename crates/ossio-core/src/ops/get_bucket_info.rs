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
    /// Access tracking: `Enabled` or `Disabled`.
    pub access_monitor: Option<String>,
    /// Cross-region replication: `Enabled` or `Disabled`.
    pub cross_region_replication: Option<String>,
    /// Transfer acceleration: `Enabled` or `Disabled`.
    pub transfer_acceleration: Option<String>,
    /// Versioning state (`Enabled`, `Suspended`), absent when never enabled.
    pub versioning: Option<String>,
    /// The bucket's comment.
    pub comment: Option<String>,
    /// Whether public access is blocked for the bucket.
    pub block_public_access: Option<bool>,
    /// Default server-side encryption.
    pub sse_rule: Option<SseRule>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

/// A bucket's default server-side encryption, as GetBucketInfo reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseRule {
    /// `KMS`, `AES256`, `SM4`, or `None` when the bucket has no default encryption.
    pub sse_algorithm: Option<String>,
    /// The KMS key, for `KMS`.
    pub kms_master_key_id: Option<String>,
    /// The data encryption algorithm under KMS (`SM4`).
    pub kms_data_encryption: Option<String>,
}

impl GetBucketInfoOutput {
    /// The `BucketInfo` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("BucketInfo");
        w.start("Bucket");
        if let Some(a) = &self.access_monitor {
            w.element("AccessMonitor", a);
        }
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
        if let Some(t) = &self.transfer_acceleration {
            w.element("TransferAcceleration", t);
        }
        if let Some(c) = &self.cross_region_replication {
            w.element("CrossRegionReplication", c);
        }
        if let Some(v) = &self.versioning {
            w.element("Versioning", v);
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
        if let Some(c) = &self.comment {
            w.element("Comment", c);
        }
        if let Some(b) = self.block_public_access {
            w.element("BlockPublicAccess", if b { "true" } else { "false" });
        }
        if let Some(r) = &self.sse_rule {
            w.start("ServerSideEncryptionRule");
            if let Some(a) = &r.sse_algorithm {
                w.element("SSEAlgorithm", a);
            }
            if let Some(k) = &r.kms_master_key_id {
                w.element("KMSMasterKeyID", k);
            }
            if let Some(d) = &r.kms_data_encryption {
                w.element("KMSDataEncryption", d);
            }
            w.end("ServerSideEncryptionRule");
        }
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
            access_monitor: opt(b, "AccessMonitor"),
            cross_region_replication: opt(b, "CrossRegionReplication"),
            transfer_acceleration: opt(b, "TransferAcceleration"),
            versioning: opt(b, "Versioning"),
            comment: opt(b, "Comment"),
            block_public_access: match b.text_of("BlockPublicAccess") {
                Some(v) => Some(super::common::parse_bool(resp, "BlockPublicAccess", v)?),
                None => None,
            },
            sse_rule: b.child("ServerSideEncryptionRule").map(|r| SseRule {
                sse_algorithm: opt(r, "SSEAlgorithm"),
                kms_master_key_id: opt(r, "KMSMasterKeyID"),
                kms_data_encryption: opt(r, "KMSDataEncryption"),
            }),
            request_id: resp.request_id(),
        })
    }
}
