//! ListObjectsV2: `GET /?list-type=2`, with `encoding-type=url` decoded for the caller.

use super::Operation;
use super::common::{expect_root, opt, parse_bool, parse_num, url_decoded};
use crate::encoding;
use crate::error::{Error, ValidationError};
use crate::paginate::Paginated;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;

/// Lists objects one page at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListObjectsV2 {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Only keys starting with this.
    pub prefix: Option<String>,
    /// Groups keys sharing a prefix up to this into common prefixes (usually `/`).
    pub delimiter: Option<String>,
    /// Start after this key.
    pub start_after: Option<String>,
    /// The previous page's `NextContinuationToken`.
    pub continuation_token: Option<String>,
    /// Page size (1 to 1000).
    pub max_keys: Option<u32>,
    /// Include each object's owner.
    pub fetch_owner: bool,
    /// Ask OSS to URL-encode keys (on by default: XML cannot carry every key) and decode
    /// them here.
    pub url_encoding: bool,
}

impl ListObjectsV2 {
    /// Every object of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListObjectsV2 {
            bucket: bucket.into(),
            prefix: None,
            delimiter: None,
            start_after: None,
            continuation_token: None,
            max_keys: None,
            fetch_owner: false,
            url_encoding: true,
        }
    }

    /// Only keys starting with `prefix`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Groups by `delimiter`.
    pub fn delimiter(mut self, d: impl Into<String>) -> Self {
        self.delimiter = Some(d.into());
        self
    }

    /// Starts after `key`.
    pub fn start_after(mut self, key: impl Into<String>) -> Self {
        self.start_after = Some(key.into());
        self
    }

    /// Sets the page size.
    pub fn max_keys(mut self, n: u32) -> Self {
        self.max_keys = Some(n);
        self
    }
}

/// One object in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectSummary {
    /// Object key (decoded).
    pub key: String,
    /// Last modification (ISO 8601).
    pub last_modified: String,
    /// ETag, with quotes.
    pub etag: String,
    /// Size in bytes.
    pub size: u64,
    /// Storage class.
    pub storage_class: Option<String>,
    /// Object type.
    pub object_type: Option<String>,
    /// Owner id (with `fetch_owner`).
    pub owner_id: Option<String>,
}

/// One page of [`ListObjectsV2`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListObjectsV2Output {
    /// Bucket name.
    pub name: String,
    /// Prefix as echoed (decoded).
    pub prefix: Option<String>,
    /// Delimiter as echoed (decoded).
    pub delimiter: Option<String>,
    /// Start-after as echoed (decoded).
    pub start_after: Option<String>,
    /// Page size as echoed.
    pub max_keys: Option<u32>,
    /// Number of keys and prefixes on this page.
    pub key_count: Option<u32>,
    /// Whether more pages follow.
    pub is_truncated: bool,
    /// Token this page continued from.
    pub continuation_token: Option<String>,
    /// Token for the next page.
    pub next_continuation_token: Option<String>,
    /// `url` when OSS encoded the keys (already decoded here).
    pub encoding_type: Option<String>,
    /// The objects.
    pub contents: Vec<ObjectSummary>,
    /// Common prefixes (decoded).
    pub common_prefixes: Vec<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl ListObjectsV2Output {
    /// The `ListBucketResult` document (the server side of this call); keys, prefixes,
    /// delimiter and start-after are URL-encoded when `encoding_type` is `url`.
    pub fn to_xml(&self) -> String {
        let enc = self.encoding_type.as_deref() == Some("url");
        let e = |s: &str| {
            if enc {
                encoding::encode_component(s)
            } else {
                s.to_owned()
            }
        };
        let mut w = xml::Writer::new();
        w.start("ListBucketResult");
        w.element("Name", &self.name);
        w.element("Prefix", &e(self.prefix.as_deref().unwrap_or("")));
        if let Some(s) = &self.start_after {
            w.element("StartAfter", &e(s));
        }
        if let Some(t) = &self.continuation_token {
            w.element("ContinuationToken", t);
        }
        if let Some(m) = self.max_keys {
            w.element("MaxKeys", &m.to_string());
        }
        if let Some(d) = &self.delimiter {
            w.element("Delimiter", &e(d));
        }
        if let Some(t) = &self.encoding_type {
            w.element("EncodingType", t);
        }
        w.element(
            "IsTruncated",
            if self.is_truncated { "true" } else { "false" },
        );
        if let Some(t) = &self.next_continuation_token {
            w.element("NextContinuationToken", t);
        }
        if let Some(k) = self.key_count {
            w.element("KeyCount", &k.to_string());
        }
        for c in &self.contents {
            w.start("Contents");
            w.element("Key", &e(&c.key));
            w.element("LastModified", &c.last_modified);
            w.element("ETag", &c.etag);
            if let Some(t) = &c.object_type {
                w.element("Type", t);
            }
            w.element("Size", &c.size.to_string());
            if let Some(s) = &c.storage_class {
                w.element("StorageClass", s);
            }
            if let Some(o) = &c.owner_id {
                w.start("Owner");
                w.element("ID", o);
                w.element("DisplayName", o);
                w.end("Owner");
            }
            w.end("Contents");
        }
        for p in &self.common_prefixes {
            w.start("CommonPrefixes");
            w.element("Prefix", &e(p));
            w.end("CommonPrefixes");
        }
        w.end("ListBucketResult");
        w.finish()
    }
}

impl Operation for ListObjectsV2 {
    type Output = ListObjectsV2Output;
    const NAME: &'static str = "ListObjectsV2";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
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
            .bucket(&self.bucket)
            .query("list-type", "2")
            .query_opt("prefix", self.prefix.as_deref())
            .query_opt("delimiter", self.delimiter.as_deref())
            .query_opt("start-after", self.start_after.as_deref())
            .query_opt("continuation-token", self.continuation_token.as_deref())
            .query_opt("max-keys", self.max_keys.map(|n| n.to_string()))
            .query_opt("fetch-owner", self.fetch_owner.then_some("true"))
            .query_opt("encoding-type", self.url_encoding.then_some("url")))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "ListBucketResult")?;
        let enc = root.text_of("EncodingType") == Some("url");
        let dec = |v: Option<String>| -> Result<Option<String>, Error> {
            v.map(|v| url_decoded(resp, &v, enc)).transpose()
        };
        let mut contents = Vec::new();
        for c in root.children_named("Contents") {
            contents.push(ObjectSummary {
                key: url_decoded(
                    resp,
                    c.required("Key").map_err(|e| resp.parse_error(e))?,
                    enc,
                )?,
                last_modified: opt(c, "LastModified").unwrap_or_default(),
                etag: opt(c, "ETag").unwrap_or_default(),
                size: parse_num(resp, "Size", c.text_of("Size"))?.unwrap_or(0),
                storage_class: opt(c, "StorageClass"),
                object_type: opt(c, "Type"),
                owner_id: c.path(&["Owner", "ID"]).map(|e| e.text.to_string()),
            });
        }
        let mut common_prefixes = Vec::new();
        for p in root.children_named("CommonPrefixes") {
            if let Some(v) = p.text_of("Prefix") {
                common_prefixes.push(url_decoded(resp, v, enc)?);
            }
        }
        Ok(ListObjectsV2Output {
            name: opt(&root, "Name").unwrap_or_default(),
            prefix: dec(opt(&root, "Prefix").filter(|p| !p.is_empty()))?,
            delimiter: dec(opt(&root, "Delimiter").filter(|p| !p.is_empty()))?,
            start_after: dec(opt(&root, "StartAfter").filter(|p| !p.is_empty()))?,
            max_keys: parse_num(resp, "MaxKeys", root.text_of("MaxKeys"))?,
            key_count: parse_num(resp, "KeyCount", root.text_of("KeyCount"))?,
            is_truncated: parse_bool(
                resp,
                "IsTruncated",
                root.text_of("IsTruncated").unwrap_or(""),
            )?,
            continuation_token: opt(&root, "ContinuationToken").filter(|t| !t.is_empty()),
            next_continuation_token: opt(&root, "NextContinuationToken").filter(|t| !t.is_empty()),
            encoding_type: opt(&root, "EncodingType"),
            contents,
            common_prefixes,
            request_id: resp.request_id(),
        })
    }
}

impl Paginated for ListObjectsV2 {
    type Item = ObjectSummary;

    fn next_token(output: &Self::Output) -> Option<String> {
        output
            .is_truncated
            .then(|| output.next_continuation_token.clone())
            .flatten()
    }

    fn with_token(&self, token: String) -> Self {
        ListObjectsV2 {
            continuation_token: Some(token),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.contents
    }
}
