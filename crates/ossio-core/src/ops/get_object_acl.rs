//! GetObjectAcl: `GET /<key>?acl`.

use super::Operation;
use super::common::AccessControlPolicy;
use crate::acl::ObjectAcl;
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Reads an object's ACL and owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetObjectAcl {
    /// The bucket or access point alias.
    pub bucket: String,
    /// Object key.
    pub key: String,
    /// A specific version.
    pub version_id: Option<String>,
}

impl GetObjectAcl {
    /// The ACL of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectAcl {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }

    /// Targets one version.
    pub fn version_id(mut self, v: impl Into<String>) -> Self {
        self.version_id = Some(v.into());
        self
    }
}

/// The result of [`GetObjectAcl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetObjectAclOutput {
    /// Owner id.
    pub owner_id: String,
    /// Owner display name.
    pub owner_display_name: String,
    /// The ACL (`default` when it follows the bucket).
    pub acl: ObjectAcl,
    /// `x-oss-version-id`, when versioned.
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl GetObjectAclOutput {
    /// The `AccessControlPolicy` document (the server side of this call).
    pub fn to_xml(&self) -> String {
        AccessControlPolicy {
            owner_id: self.owner_id.clone(),
            owner_display_name: self.owner_display_name.clone(),
            grant: self.acl.as_str().to_owned(),
        }
        .to_xml()
    }
}

impl Operation for GetObjectAcl {
    type Output = GetObjectAclOutput;
    const NAME: &'static str = "GetObjectAcl";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        validate::object_key(&self.key)?;
        Ok(Request::new(Method::Get)
            .bucket(&self.bucket)
            .key(&self.key)
            .query_flag("acl")
            .query_opt("versionId", self.version_id.as_deref()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let policy = AccessControlPolicy::parse(resp)?;
        Ok(GetObjectAclOutput {
            acl: policy.object_acl(resp)?,
            owner_id: policy.owner_id,
            owner_display_name: policy.owner_display_name,
            version_id: resp.headers.get(names::X_OSS_VERSION_ID).map(str::to_owned),
            request_id: resp.request_id(),
        })
    }
}
