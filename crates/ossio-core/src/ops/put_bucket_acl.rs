//! PutBucketAcl: `PUT /?acl` with `x-oss-acl`.

use super::Operation;
use crate::acl::Acl;
use crate::error::Error;
use crate::names;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Sets a bucket's ACL.
///
/// ```
/// use ossio_core::{ops::{Operation, PutBucketAcl}, Acl};
/// let req = PutBucketAcl::new("oss-example", Acl::PublicRead).to_request().unwrap();
/// assert_eq!(req.headers.get("x-oss-acl"), Some("public-read"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutBucketAcl {
    /// The bucket.
    pub bucket: String,
    /// The new ACL.
    pub acl: Acl,
}

impl PutBucketAcl {
    /// Sets `bucket` to `acl`.
    pub fn new(bucket: impl Into<String>, acl: Acl) -> Self {
        PutBucketAcl {
            bucket: bucket.into(),
            acl,
        }
    }
}

/// The result of [`PutBucketAcl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutBucketAclOutput {
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl Operation for PutBucketAcl {
    type Output = PutBucketAclOutput;
    const NAME: &'static str = "PutBucketAcl";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        Ok(Request::new(Method::Put)
            .bucket(&self.bucket)
            .query_flag("acl")
            .header(names::X_OSS_ACL, self.acl.as_str()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        Ok(PutBucketAclOutput {
            request_id: resp.request_id(),
        })
    }
}
