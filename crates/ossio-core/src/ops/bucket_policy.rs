//! Bucket policies: PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy (`/?policy`, the
//! policy a JSON document) and GetBucketPolicyStatus (`/?policyStatus`).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

/// A bucket policy is at most 16 KB.
pub const MAX_BUCKET_POLICY_BYTES: usize = 16 * 1024;

/// A policy document: a JSON object of at most 16 KB.
fn validate_policy(policy: &str) -> Result<(), ValidationError> {
    if policy.len() > MAX_BUCKET_POLICY_BYTES {
        return Err(ValidationError::invalid(
            "body",
            policy,
            "a bucket policy must be at most 16 KB",
        ));
    }
    match serde_json::from_str::<serde_json::Value>(policy) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        _ => Err(ValidationError::invalid(
            "body",
            policy,
            "a bucket policy must be a JSON object",
        )),
    }
}

/// Sets a bucket's policy (a JSON document, sent verbatim), replacing any it had.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketPolicy};
/// let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["*"],"Resource":["acs:oss:*:*:examplebucket/*"]}]}"#;
/// let req = PutBucketPolicy::new("examplebucket", policy).to_request().unwrap();
/// assert_eq!(req.query_value("policy"), Some(None));
/// assert!(PutBucketPolicy::new("examplebucket", "not json").to_request().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketPolicy", method = "PUT", sub_resource = "policy", output = EmptyOutput)]
pub struct PutBucketPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The policy document (JSON, at most 16 KB).
    // alibabacloud-oss-v2 sends it as application/xml with a Content-MD5; so does this.
    #[oss(body, rename = "body", required, md5, content_type = "application/xml", validate = validate_policy)]
    pub policy: String,
}

impl PutBucketPolicy {
    /// Sets `policy` on `bucket`.
    pub fn new(bucket: impl Into<String>, policy: impl Into<String>) -> Self {
        PutBucketPolicy {
            bucket: bucket.into(),
            policy: policy.into(),
        }
    }
}

/// Reads a bucket's policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketPolicy", method = "GET", sub_resource = "policy", output = GetBucketPolicyOutput)]
pub struct GetBucketPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketPolicy {
    /// The policy of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketPolicy {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketPolicy`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketPolicyOutput {
    /// The policy JSON, byte for byte as stored.
    #[oss(body, rename = "body")]
    pub policy: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes a bucket's policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketPolicy", method = "DELETE", sub_resource = "policy", output = EmptyOutput)]
pub struct DeleteBucketPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketPolicy {
    /// The policy of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketPolicy {
            bucket: bucket.into(),
        }
    }
}

/// The `PolicyStatus` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "PolicyStatus")]
pub struct PolicyStatus {
    /// Whether the policy makes the bucket public.
    #[oss(xml = "IsPublic")]
    pub is_public: Option<bool>,
}

/// Asks whether a bucket's policy makes it public.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketPolicyStatus", method = "GET", sub_resource = "policyStatus", output = GetBucketPolicyStatusOutput)]
pub struct GetBucketPolicyStatus {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketPolicyStatus {
    /// The policy status of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketPolicyStatus {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketPolicyStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketPolicyStatusOutput {
    /// The status.
    #[oss(document)]
    pub policy_status: Option<PolicyStatus>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
