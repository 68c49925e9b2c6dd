//! Access point policies: PutAccessPointPolicy, GetAccessPointPolicy, DeleteAccessPointPolicy
//! (`/?accessPointPolicy` with `x-oss-access-point-name`; the policy is JSON, not XML).

use super::common::EmptyOutput;
use super::decl::Oss;

/// Sets an access point's policy (a JSON document, sent verbatim).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutAccessPointPolicy", method = "PUT", sub_resource = "accessPointPolicy", output = EmptyOutput)]
pub struct PutAccessPointPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(header = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
    /// The policy document.
    // The API reference says JSON, but the Go and Python v2 SDKs send application/xml and OSS
    // accepts it; matching them keeps signatures byte-identical.
    #[oss(body, rename = "body", required, md5, content_type = "application/xml")]
    pub policy: String,
}

impl PutAccessPointPolicy {
    /// Sets `policy` on access point `name` of `bucket`.
    pub fn new(
        bucket: impl Into<String>,
        name: impl Into<String>,
        policy: impl Into<String>,
    ) -> Self {
        PutAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
            policy: policy.into(),
        }
    }
}

/// The result of [`PutAccessPointPolicy`].
pub type PutAccessPointPolicyOutput = EmptyOutput;

/// Reads an access point's policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetAccessPointPolicy", method = "GET", sub_resource = "accessPointPolicy", output = GetAccessPointPolicyOutput)]
pub struct GetAccessPointPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(header = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
}

impl GetAccessPointPolicy {
    /// The policy of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        GetAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`GetAccessPointPolicy`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetAccessPointPolicyOutput {
    /// The policy JSON, byte for byte as stored.
    #[oss(body, rename = "body")]
    pub policy: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes an access point's policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteAccessPointPolicy", method = "DELETE", sub_resource = "accessPointPolicy", output = EmptyOutput)]
pub struct DeleteAccessPointPolicy {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Access point name.
    #[oss(header = "x-oss-access-point-name", rename = "access_point_name", validate = crate::validate::access_point_name)]
    pub name: String,
}

impl DeleteAccessPointPolicy {
    /// The policy of access point `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteAccessPointPolicy {
            bucket: bucket.into(),
            name: name.into(),
        }
    }
}

/// The result of [`DeleteAccessPointPolicy`].
pub type DeleteAccessPointPolicyOutput = EmptyOutput;
