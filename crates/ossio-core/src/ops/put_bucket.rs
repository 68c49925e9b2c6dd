//! PutBucket: `PUT /` on the bucket host creates a bucket.

use super::common::{DataRedundancyType, EmptyOutput, StorageClass};
use super::{Operation, with_xml_body};
use crate::acl::Acl;
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;

/// Creates a bucket.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucket, StorageClass};
/// let req = PutBucket::new("my-bucket").storage_class(StorageClass::Ia).to_request().unwrap();
/// assert_eq!(req.body.as_bytes().unwrap(),
///     b"<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutBucket {
    /// The new bucket's name.
    pub bucket: String,
    /// Initial ACL (`x-oss-acl`); OSS defaults to private.
    pub acl: Option<Acl>,
    /// Storage class.
    pub storage_class: Option<StorageClass>,
    /// Data redundancy type.
    pub data_redundancy_type: Option<DataRedundancyType>,
    /// Resource group (`x-oss-resource-group-id`).
    pub resource_group_id: Option<String>,
}

impl PutBucket {
    /// Creates `bucket` with OSS's defaults.
    pub fn new(bucket: impl Into<String>) -> Self {
        PutBucket {
            bucket: bucket.into(),
            acl: None,
            storage_class: None,
            data_redundancy_type: None,
            resource_group_id: None,
        }
    }

    /// Sets the ACL.
    pub fn acl(mut self, acl: Acl) -> Self {
        self.acl = Some(acl);
        self
    }

    /// Sets the storage class.
    pub fn storage_class(mut self, class: StorageClass) -> Self {
        self.storage_class = Some(class);
        self
    }

    /// Sets the redundancy type.
    pub fn data_redundancy_type(mut self, t: DataRedundancyType) -> Self {
        self.data_redundancy_type = Some(t);
        self
    }

    /// The `CreateBucketConfiguration` document, if any element is set.
    pub fn to_xml(&self) -> Option<String> {
        if self.storage_class.is_none() && self.data_redundancy_type.is_none() {
            return None;
        }
        let mut w = xml::Writer::new();
        w.start("CreateBucketConfiguration");
        if let Some(c) = self.storage_class {
            w.element("StorageClass", c.as_str());
        }
        if let Some(r) = self.data_redundancy_type {
            w.element("DataRedundancyType", r.as_str());
        }
        w.end("CreateBucketConfiguration");
        Some(w.finish())
    }

    /// Reads a `CreateBucketConfiguration` document (the server side of this call); an
    /// empty body means defaults.
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        let mut op = PutBucket::new(bucket);
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(op);
        }
        let root = xml::parse(body)?;
        if !root.is("CreateBucketConfiguration") {
            return Err(format!("unexpected root <{}>", root.name));
        }
        if let Some(c) = root.text_of("StorageClass") {
            op.storage_class = Some(
                c.parse()
                    .map_err(|e: crate::ValidationError| e.to_string())?,
            );
        }
        if let Some(r) = root.text_of("DataRedundancyType") {
            op.data_redundancy_type = Some(
                r.parse()
                    .map_err(|e: crate::ValidationError| e.to_string())?,
            );
        }
        Ok(op)
    }
}

/// The result of [`PutBucket`].
pub type PutBucketOutput = EmptyOutput;

impl Operation for PutBucket {
    type Output = PutBucketOutput;
    const NAME: &'static str = "PutBucket";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        let req = Request::new(Method::Put)
            .bucket(&self.bucket)
            .header_opt(names::X_OSS_ACL, self.acl.map(Acl::as_str))
            .header_opt("x-oss-resource-group-id", self.resource_group_id.as_deref());
        Ok(match self.to_xml() {
            Some(doc) => with_xml_body(req, doc),
            None => req,
        })
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
