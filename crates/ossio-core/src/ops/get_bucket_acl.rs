//! GetBucketAcl: `GET /?acl`.

use super::Operation;
use super::common::AccessControlPolicy;
use crate::acl::Acl;
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Reads a bucket's ACL and owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBucketAcl {
    /// The bucket.
    pub bucket: String,
}

impl GetBucketAcl {
    /// The ACL of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketAcl {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketAcl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBucketAclOutput {
    /// Owner id.
    pub owner_id: String,
    /// Owner display name.
    pub owner_display_name: String,
    /// The ACL.
    pub acl: Acl,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl GetBucketAclOutput {
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

impl Operation for GetBucketAcl {
    type Output = GetBucketAclOutput;
    const NAME: &'static str = "GetBucketAcl";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        Ok(Request::new(Method::Get)
            .bucket(&self.bucket)
            .query_flag("acl"))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        let policy = AccessControlPolicy::parse(resp)?;
        Ok(GetBucketAclOutput {
            acl: policy.bucket_acl(resp)?,
            owner_id: policy.owner_id,
            owner_display_name: policy.owner_display_name,
            request_id: resp.request_id(),
        })
    }
}
