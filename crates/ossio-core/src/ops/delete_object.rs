//! DeleteObject: `DELETE /<key>`.

use super::Operation;
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Deletes an object (deleting a missing key succeeds, as on OSS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteObject {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// A specific version.
    pub version_id: Option<String>,
}

impl DeleteObject {
    /// Deletes `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        DeleteObject {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }
}

/// The result of [`DeleteObject`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteObjectOutput {
    /// Whether a delete marker was created (`x-oss-delete-marker`).
    pub delete_marker: bool,
    /// `x-oss-version-id`, when versioned.
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for DeleteObject {
    type Output = DeleteObjectOutput;
    const NAME: &'static str = "DeleteObject";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        Ok(Request::new(Method::Delete)
            .bucket(&self.bucket)
            .key(&self.key)
            .query_opt("versionId", self.version_id.as_deref()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        Ok(DeleteObjectOutput {
            delete_marker: resp.headers.get("x-oss-delete-marker") == Some("true"),
            version_id: resp.headers.get(names::X_OSS_VERSION_ID).map(str::to_owned),
            request_id: resp.request_id(),
        })
    }
}
