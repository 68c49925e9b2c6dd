//! ListAccessPoints: `GET /?accessPoint`, account-level (service host) or per bucket.

use super::Operation;
use super::common::{expect_root, opt, parse_bool, parse_num};
use crate::error::{Error, ValidationError};
use crate::paginate::Paginated;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;

/// Lists access points of the account (no bucket) or of one bucket, one page at a time.
///
/// ```
/// use ossio_core::ops::{ListAccessPoints, Operation};
/// let req = ListAccessPoints::for_bucket("bucket").max_keys(2).to_request().unwrap();
/// assert_eq!(req.query, vec![("accessPoint".into(), None), ("max-keys".into(), Some("2".into()))]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListAccessPoints {
    /// The bucket, or `None` for every access point of the account.
    pub bucket: Option<String>,
    /// Page size: (0, 1000] account-level, (0, 100] per bucket.
    pub max_keys: Option<u32>,
    /// The previous page's `NextContinuationToken`.
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
}

/// One access point in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccessPointSummary {
    /// The bucket.
    pub bucket: String,
    /// Access point name.
    pub name: String,
    /// Alias.
    pub alias: String,
    /// `vpc` or `internet`.
    pub network_origin: String,
    /// VPC id (empty for internet access points).
    pub vpc_id: Option<String>,
    /// Status.
    pub status: String,
}

/// One page of [`ListAccessPoints`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListAccessPointsOutput {
    /// Whether more pages follow.
    pub is_truncated: bool,
    /// Token for the next page.
    pub next_continuation_token: Option<String>,
    /// Account id.
    pub account_id: String,
    /// Page size as echoed.
    pub max_keys: Option<u32>,
    /// The access points of this page.
    pub access_points: Vec<AccessPointSummary>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl ListAccessPointsOutput {
    /// The `ListAccessPointsResult` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("ListAccessPointsResult");
        w.element(
            "IsTruncated",
            if self.is_truncated { "true" } else { "false" },
        );
        if let Some(t) = &self.next_continuation_token {
            w.element("NextContinuationToken", t);
        }
        w.element("AccountId", &self.account_id);
        if let Some(m) = self.max_keys {
            w.element("MaxKeys", &m.to_string());
        }
        w.start("AccessPoints");
        for ap in &self.access_points {
            w.start("AccessPoint");
            w.element("Bucket", &ap.bucket);
            w.element("AccessPointName", &ap.name);
            w.element("Alias", &ap.alias);
            w.element("NetworkOrigin", &ap.network_origin);
            w.start("VpcConfiguration");
            w.element("VpcId", ap.vpc_id.as_deref().unwrap_or(""));
            w.end("VpcConfiguration");
            w.element("Status", &ap.status);
            w.end("AccessPoint");
        }
        w.end("AccessPoints");
        w.end("ListAccessPointsResult");
        w.finish()
    }
}

impl Operation for ListAccessPoints {
    type Output = ListAccessPointsOutput;
    const NAME: &'static str = "ListAccessPoints";

    fn to_request(&self) -> Result<Request, Error> {
        let limit = if self.bucket.is_some() { 100 } else { 1000 };
        if let Some(b) = &self.bucket {
            validate::bucket_name(b)?;
        }
        if let Some(n) = self.max_keys {
            if n == 0 || n > limit {
                return Err(ValidationError::invalid(
                    "max-keys",
                    &n.to_string(),
                    if limit == 100 {
                        "must be 1 to 100 for a bucket"
                    } else {
                        "must be 1 to 1000"
                    },
                )
                .into());
            }
        }
        let mut req = Request::new(Method::Get)
            .query_flag("accessPoint")
            .sub_resource("accessPoint")
            .query_opt("max-keys", self.max_keys.map(|n| n.to_string()))
            .query_opt("continuation-token", self.continuation_token.as_deref());
        req.bucket = self.bucket.clone();
        Ok(req)
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "ListAccessPointsResult")?;
        let access_points = root
            .child("AccessPoints")
            .map(|aps| {
                aps.children_named("AccessPoint")
                    .map(|ap| AccessPointSummary {
                        bucket: opt(ap, "Bucket").unwrap_or_default(),
                        name: opt(ap, "AccessPointName").unwrap_or_default(),
                        alias: opt(ap, "Alias").unwrap_or_default(),
                        network_origin: opt(ap, "NetworkOrigin").unwrap_or_default(),
                        vpc_id: ap
                            .path(&["VpcConfiguration", "VpcId"])
                            .map(|e| e.text.to_string())
                            .filter(|v| !v.is_empty()),
                        status: opt(ap, "Status").unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(ListAccessPointsOutput {
            is_truncated: parse_bool(
                resp,
                "IsTruncated",
                root.text_of("IsTruncated").unwrap_or(""),
            )?,
            next_continuation_token: opt(&root, "NextContinuationToken").filter(|t| !t.is_empty()),
            account_id: opt(&root, "AccountId").unwrap_or_default(),
            max_keys: parse_num(resp, "MaxKeys", root.text_of("MaxKeys"))?,
            access_points,
            request_id: resp.request_id(),
        })
    }
}

impl Paginated for ListAccessPoints {
    type Item = AccessPointSummary;

    fn next_token(output: &Self::Output) -> Option<String> {
        output
            .is_truncated
            .then(|| output.next_continuation_token.clone())
            .flatten()
    }

    fn with_token(&self, token: String) -> Self {
        ListAccessPoints {
            continuation_token: Some(token),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.access_points
    }
}
