//! PutObjectAcl: `PUT /<key>?acl` with `x-oss-object-acl`.

use super::Operation;
use crate::acl::ObjectAcl;
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Sets an object's ACL (`default` follows the bucket).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutObjectAcl {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// The ACL.
    pub acl: ObjectAcl,
    /// A specific version.
    pub version_id: Option<String>,
}

impl PutObjectAcl {
    /// Sets `acl` on `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, acl: ObjectAcl) -> Self {
        PutObjectAcl {
            bucket: bucket.into(),
            key: key.into(),
            acl,
            version_id: None,
        }
    }

    /// Targets one version.
    pub fn version_id(mut self, v: impl Into<String>) -> Self {
        self.version_id = Some(v.into());
        self
    }
}

/// The result of [`PutObjectAcl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutObjectAclOutput {
    /// `x-oss-version-id`, when versioned.
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for PutObjectAcl {
    type Output = PutObjectAclOutput;
    const NAME: &'static str = "PutObjectAcl";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        Ok(Request::new(Method::Put)
            .bucket(&self.bucket)
            .key(&self.key)
            .query_flag("acl")
            .query_opt("versionId", self.version_id.as_deref())
            .header(names::X_OSS_OBJECT_ACL, self.acl.as_str()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        Ok(PutObjectAclOutput {
            version_id: resp.headers.get(names::X_OSS_VERSION_ID).map(str::to_owned),
            request_id: resp.request_id(),
        })
    }
}
