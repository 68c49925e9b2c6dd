//! HeadObject: `HEAD /<key>`; errors arrive base64-encoded in `x-oss-err`.

use super::Operation;
use super::common::ObjectMeta;
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Reads an object's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadObject {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// A specific version.
    pub version_id: Option<String>,
}

impl HeadObject {
    /// The metadata of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        HeadObject {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }
}

/// The result of [`HeadObject`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadObjectOutput {
    /// Object metadata from the headers.
    pub meta: ObjectMeta,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for HeadObject {
    type Output = HeadObjectOutput;
    const NAME: &'static str = "HeadObject";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        Ok(Request::new(Method::Head)
            .bucket(&self.bucket)
            .key(&self.key)
            .query_opt("versionId", self.version_id.as_deref()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        Ok(HeadObjectOutput {
            meta: ObjectMeta::from_headers(resp.headers),
            request_id: resp.request_id(),
        })
    }
}
