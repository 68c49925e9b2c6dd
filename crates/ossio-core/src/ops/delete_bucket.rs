//! DeleteBucket: `DELETE /` on the bucket host (the bucket must be empty).

use super::Operation;
use super::common::EmptyOutput;
use crate::error::Error;
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;

/// Deletes an empty bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteBucket {
    /// The bucket.
    pub bucket: String,
}

impl DeleteBucket {
    /// Deletes `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucket {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`DeleteBucket`].
pub type DeleteBucketOutput = EmptyOutput;

impl Operation for DeleteBucket {
    type Output = DeleteBucketOutput;
    const NAME: &'static str = "DeleteBucket";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        Ok(Request::new(Method::Delete).bucket(&self.bucket))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        EmptyOutput::parse(resp)
    }
}
