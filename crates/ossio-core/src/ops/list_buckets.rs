//! ListBuckets: `GET /` on the service host.

use super::Operation;
use super::common::{expect_root, opt, parse_bool, parse_num};
use crate::error::{Error, ValidationError};
use crate::paginate::Paginated;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::xml;

/// Lists the account's buckets, one page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListBuckets {
    /// Only names starting with this.
    pub prefix: Option<String>,
    /// Start after this name.
    pub marker: Option<String>,
    /// Page size (1 to 1000).
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BucketSummary {
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
    /// Resource group id.
    pub resource_group_id: Option<String>,
}

/// One page of [`ListBuckets`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListBucketsOutput {
    /// Owner id.
    pub owner_id: String,
    /// Owner display name.
    pub owner_display_name: String,
    /// Prefix as echoed.
    pub prefix: Option<String>,
    /// Marker as echoed.
    pub marker: Option<String>,
    /// Page size as echoed.
    pub max_keys: Option<u32>,
    /// Whether more pages follow.
    pub is_truncated: bool,
    /// Marker of the next page.
    pub next_marker: Option<String>,
    /// The buckets of this page.
    pub buckets: Vec<BucketSummary>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl ListBucketsOutput {
    /// The `ListAllMyBucketsResult` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("ListAllMyBucketsResult");
        if let Some(p) = &self.prefix {
            w.element("Prefix", p);
        }
        if let Some(m) = &self.marker {
            w.element("Marker", m);
        }
        if let Some(m) = self.max_keys {
            w.element("MaxKeys", &m.to_string());
        }
        w.element(
            "IsTruncated",
            if self.is_truncated { "true" } else { "false" },
        );
        if let Some(m) = &self.next_marker {
            w.element("NextMarker", m);
        }
        w.start("Owner");
        w.element("ID", &self.owner_id);
        w.element("DisplayName", &self.owner_display_name);
        w.end("Owner");
        w.start("Buckets");
        for b in &self.buckets {
            w.start("Bucket");
            w.element("CreationDate", &b.creation_date);
            if let Some(e) = &b.extranet_endpoint {
                w.element("ExtranetEndpoint", e);
            }
            if let Some(e) = &b.intranet_endpoint {
                w.element("IntranetEndpoint", e);
            }
            w.element("Location", &b.location);
            w.element("Name", &b.name);
            if let Some(r) = &b.region {
                w.element("Region", r);
            }
            if let Some(s) = &b.storage_class {
                w.element("StorageClass", s);
            }
            if let Some(g) = &b.resource_group_id {
                w.element("ResourceGroupId", g);
            }
            w.end("Bucket");
        }
        w.end("Buckets");
        w.end("ListAllMyBucketsResult");
        w.finish()
    }
}

impl Operation for ListBuckets {
    type Output = ListBucketsOutput;
    const NAME: &'static str = "ListBuckets";

    fn to_request(&self) -> Result<Request, Error> {
        if let Some(n) = self.max_keys {
            if n == 0 || n > 1000 {
                return Err(ValidationError::invalid(
                    "max-keys",
                    &n.to_string(),
                    "must be 1 to 1000",
                )
                .into());
            }
        }
        Ok(Request::new(Method::Get)
            .query_opt("prefix", self.prefix.as_deref())
            .query_opt("marker", self.marker.as_deref())
            .query_opt("max-keys", self.max_keys.map(|n| n.to_string())))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "ListAllMyBucketsResult")?;
        let owner = root.child("Owner");
        let buckets = root
            .child("Buckets")
            .map(|bs| {
                bs.children_named("Bucket")
                    .map(|b| BucketSummary {
                        name: opt(b, "Name").unwrap_or_default(),
                        creation_date: opt(b, "CreationDate").unwrap_or_default(),
                        location: opt(b, "Location").unwrap_or_default(),
                        region: opt(b, "Region"),
                        extranet_endpoint: opt(b, "ExtranetEndpoint"),
                        intranet_endpoint: opt(b, "IntranetEndpoint"),
                        storage_class: opt(b, "StorageClass"),
                        resource_group_id: opt(b, "ResourceGroupId"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(ListBucketsOutput {
            owner_id: owner.and_then(|o| opt(o, "ID")).unwrap_or_default(),
            owner_display_name: owner
                .and_then(|o| opt(o, "DisplayName"))
                .unwrap_or_default(),
            prefix: opt(&root, "Prefix").filter(|p| !p.is_empty()),
            marker: opt(&root, "Marker").filter(|p| !p.is_empty()),
            max_keys: parse_num(resp, "MaxKeys", root.text_of("MaxKeys"))?,
            is_truncated: parse_bool(
                resp,
                "IsTruncated",
                root.text_of("IsTruncated").unwrap_or(""),
            )?,
            next_marker: opt(&root, "NextMarker").filter(|p| !p.is_empty()),
            buckets,
            request_id: resp.request_id(),
        })
    }
}

impl Paginated for ListBuckets {
    type Item = BucketSummary;

    fn next_token(output: &Self::Output) -> Option<String> {
        output
            .is_truncated
            .then(|| output.next_marker.clone())
            .flatten()
    }

    fn with_token(&self, token: String) -> Self {
        ListBuckets {
            marker: Some(token),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.buckets
    }
}
