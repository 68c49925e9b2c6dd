//! Object FC access points (access points whose GetObject answers run through Function
//! Compute): Create/Get/List/DeleteAccessPointForObjectProcess,
//! Get/PutAccessPointConfigForObjectProcess, Put/Get/DeleteAccessPointPolicyForObjectProcess,
//! and WriteGetObjectResponse (what the function answers with).
//!
//! alibabacloud-oss-v2 (Python) does not have these; the Go v2 SDK's
//! `api_op_bucket_objectfcaccesspoint.go` is the reference for names and shapes.

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;
use crate::request::Body;

/// An Object FC access point name: 1 to 63 of `[a-z0-9-]`, not starting or ending with `-`.
fn object_process_name(name: &str) -> Result<(), ValidationError> {
    let ok = (1..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if !ok {
        return Err(ValidationError::invalid(
            "access_point_for_object_process_name",
            name,
            "must be 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'",
        ));
    }
    Ok(())
}

/// One transformation: which operations go through which function.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct TransformationConfiguration {
    /// The operations transformed (only `GetObject` is supported).
    #[oss(xml = "Actions>Action")]
    pub actions: Vec<String>,
    /// The ARN of the role Function Compute assumes (default `AliyunFCDefaultRole`).
    #[oss(xml = "ContentTransformation>FunctionCompute>FunctionAssumeRoleArn")]
    pub function_assume_role_arn: Option<String>,
    /// The function's ARN.
    #[oss(xml = "ContentTransformation>FunctionCompute>FunctionArn")]
    pub function_arn: Option<String>,
}

/// What an Object FC access point does with requests.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectProcessConfiguration {
    /// Features the function supports (`GetObject-Range`).
    #[oss(xml = "AllowedFeatures>AllowedFeature")]
    pub allowed_features: Vec<String>,
    /// The transformations.
    #[oss(xml = "TransformationConfigurations>TransformationConfiguration")]
    pub transformation_configurations: Vec<TransformationConfiguration>,
}

/// The `CreateAccessPointForObjectProcessConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CreateAccessPointForObjectProcessConfiguration")]
pub struct CreateAccessPointForObjectProcessConfiguration {
    /// Whether anonymous users may use it (`true` / `false`).
    #[oss(xml = "AllowAnonymousAccessForObjectProcess")]
    pub allow_anonymous_access_for_object_process: Option<String>,
    /// The access point it is built on.
    #[oss(xml = "AccessPointName", validate = crate::validate::access_point_name)]
    pub access_point_name: Option<String>,
    /// What it does with requests.
    #[oss(xml = "ObjectProcessConfiguration")]
    pub object_process_configuration: Option<ObjectProcessConfiguration>,
}

/// Creates an Object FC access point: `PUT /?accessPointForObjectProcess`.
///
/// ```
/// use ossio_core::ops::{CreateAccessPointForObjectProcess, CreateAccessPointForObjectProcessConfiguration, Operation};
/// let op = CreateAccessPointForObjectProcess {
///     bucket: "examplebucket".into(),
///     access_point_for_object_process_name: "fc-ap-01".into(),
///     create_access_point_for_object_process_configuration: CreateAccessPointForObjectProcessConfiguration {
///         access_point_name: Some("ap-01".into()),
///         ..Default::default()
///     },
/// };
/// let req = op.to_request().unwrap();
/// assert_eq!(req.headers.get("x-oss-access-point-for-object-process-name"), Some("fc-ap-01"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CreateAccessPointForObjectProcess",
    method = "PUT",
    sub_resource = "accessPointForObjectProcess",
    output = CreateAccessPointForObjectProcessOutput
)]
pub struct CreateAccessPointForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
    /// Its configuration.
    #[oss(document, required)]
    pub create_access_point_for_object_process_configuration:
        CreateAccessPointForObjectProcessConfiguration,
}

/// The result of [`CreateAccessPointForObjectProcess`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "CreateAccessPointForObjectProcessResult")]
pub struct CreateAccessPointForObjectProcessOutput {
    /// Its ARN.
    #[oss(xml = "AccessPointForObjectProcessArn")]
    pub access_point_for_object_process_arn: Option<String>,
    /// Its alias.
    #[oss(xml = "AccessPointForObjectProcessAlias")]
    pub access_point_for_object_process_alias: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads an Object FC access point: `GET /?accessPointForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetAccessPointForObjectProcess",
    method = "GET",
    sub_resource = "accessPointForObjectProcess",
    output = GetAccessPointForObjectProcessOutput
)]
pub struct GetAccessPointForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
}

/// The result of [`GetAccessPointForObjectProcess`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "GetAccessPointForObjectProcessResult")]
pub struct GetAccessPointForObjectProcessOutput {
    /// Whether anonymous users may use it.
    #[oss(xml = "AllowAnonymousAccessForObjectProcess")]
    pub allow_anonymous_access_for_object_process: Option<String>,
    /// Its block-public-access setting.
    #[oss(xml = "PublicAccessBlockConfiguration>BlockPublicAccess")]
    pub block_public_access: Option<bool>,
    /// Its name.
    #[oss(xml = "AccessPointNameForObjectProcess")]
    pub access_point_name_for_object_process: Option<String>,
    /// Its ARN.
    #[oss(xml = "AccessPointForObjectProcessArn")]
    pub access_point_for_object_process_arn: Option<String>,
    /// Creation time (a timestamp).
    #[oss(xml = "CreationDate")]
    pub creation_date: Option<String>,
    /// `enable`, `disable`, `creating` or `deleting`.
    #[oss(xml = "Status", rename = "access_point_for_object_process_status")]
    pub status: Option<String>,
    /// Its internal endpoint.
    #[oss(xml = "Endpoints>InternalEndpoint")]
    pub internal_endpoint: Option<String>,
    /// Its public endpoint.
    #[oss(xml = "Endpoints>PublicEndpoint")]
    pub public_endpoint: Option<String>,
    /// Its alias.
    #[oss(xml = "AccessPointForObjectProcessAlias")]
    pub access_point_for_object_process_alias: Option<String>,
    /// The access point it is built on.
    #[oss(xml = "AccessPointName")]
    pub access_point_name: Option<String>,
    /// The owning account.
    #[oss(xml = "AccountId")]
    pub account_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Lists the Object FC access points of the account, one page at a time:
/// `GET /?accessPointForObjectProcess` on the service endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "ListAccessPointsForObjectProcess",
    method = "GET",
    sub_resource = "accessPointForObjectProcess",
    output = ListAccessPointsForObjectProcessOutput
)]
pub struct ListAccessPointsForObjectProcess {
    /// Page size (1 to 1000).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
    /// The previous page's `NextContinuationToken`.
    #[oss(query = "continuation-token")]
    pub continuation_token: Option<String>,
}

/// One Object FC access point in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct AccessPointForObjectProcess {
    /// `enable`, `disable`, `creating` or `deleting`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// Whether anonymous users may use it.
    #[oss(xml = "AllowAnonymousAccessForObjectProcess")]
    pub allow_anonymous_access_for_object_process: Option<String>,
    /// Its name.
    #[oss(xml = "AccessPointNameForObjectProcess")]
    pub access_point_name_for_object_process: Option<String>,
    /// Its alias.
    #[oss(xml = "AccessPointForObjectProcessAlias")]
    pub access_point_for_object_process_alias: Option<String>,
    /// The access point it is built on.
    #[oss(xml = "AccessPointName")]
    pub access_point_name: Option<String>,
}

/// One page of [`ListAccessPointsForObjectProcess`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListAccessPointsForObjectProcessResult")]
pub struct ListAccessPointsForObjectProcessOutput {
    /// The access points of this page.
    #[oss(xml = "AccessPointsForObjectProcess>AccessPointForObjectProcess")]
    pub access_points_for_object_process: Vec<AccessPointForObjectProcess>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// The token of the next page.
    #[oss(xml = "NextContinuationToken", empty_none)]
    pub next_continuation_token: Option<String>,
    /// The owning account.
    #[oss(xml = "AccountId")]
    pub account_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

super::paginated!(
    ListAccessPointsForObjectProcess,
    AccessPointForObjectProcess,
    continuation_token,
    next_continuation_token,
    access_points_for_object_process
);

/// Deletes an Object FC access point: `DELETE /?accessPointForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteAccessPointForObjectProcess",
    method = "DELETE",
    sub_resource = "accessPointForObjectProcess",
    output = EmptyOutput
)]
pub struct DeleteAccessPointForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
}

/// Reads an Object FC access point's configuration: `GET /?accessPointConfigForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetAccessPointConfigForObjectProcess",
    method = "GET",
    sub_resource = "accessPointConfigForObjectProcess",
    output = GetAccessPointConfigForObjectProcessOutput
)]
pub struct GetAccessPointConfigForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
}

/// The result of [`GetAccessPointConfigForObjectProcess`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "GetAccessPointConfigForObjectProcessResult")]
pub struct GetAccessPointConfigForObjectProcessOutput {
    /// What it does with requests.
    #[oss(xml = "ObjectProcessConfiguration")]
    pub object_process_configuration: Option<ObjectProcessConfiguration>,
    /// Whether anonymous users may use it.
    #[oss(xml = "AllowAnonymousAccessForObjectProcess")]
    pub allow_anonymous_access_for_object_process: Option<String>,
    /// Its block-public-access setting.
    #[oss(xml = "PublicAccessBlockConfiguration>BlockPublicAccess")]
    pub block_public_access: Option<bool>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// The `PutAccessPointConfigForObjectProcessConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "PutAccessPointConfigForObjectProcessConfiguration")]
pub struct PutAccessPointConfigForObjectProcessConfiguration {
    /// Whether anonymous users may use it (`true` / `false`).
    #[oss(xml = "AllowAnonymousAccessForObjectProcess")]
    pub allow_anonymous_access_for_object_process: Option<String>,
    /// Its block-public-access setting.
    #[oss(xml = "PublicAccessBlockConfiguration>BlockPublicAccess")]
    pub block_public_access: Option<bool>,
    /// What it does with requests.
    #[oss(xml = "ObjectProcessConfiguration")]
    pub object_process_configuration: Option<ObjectProcessConfiguration>,
}

/// Changes an Object FC access point's configuration:
/// `PUT /?accessPointConfigForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutAccessPointConfigForObjectProcess",
    method = "PUT",
    sub_resource = "accessPointConfigForObjectProcess",
    output = EmptyOutput
)]
pub struct PutAccessPointConfigForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
    /// The new configuration.
    #[oss(document, required)]
    pub put_access_point_config_for_object_process_configuration:
        PutAccessPointConfigForObjectProcessConfiguration,
}

/// Sets an Object FC access point's policy (a JSON document, sent verbatim):
/// `PUT /?accessPointPolicyForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutAccessPointPolicyForObjectProcess",
    method = "PUT",
    sub_resource = "accessPointPolicyForObjectProcess",
    output = EmptyOutput
)]
pub struct PutAccessPointPolicyForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
    /// The policy document.
    // Sent as application/xml, as the Go v2 SDK sends it (signatures stay identical).
    #[oss(body, required, md5, content_type = "application/xml")]
    pub body: String,
}

/// Reads an Object FC access point's policy: `GET /?accessPointPolicyForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetAccessPointPolicyForObjectProcess",
    method = "GET",
    sub_resource = "accessPointPolicyForObjectProcess",
    output = GetAccessPointPolicyForObjectProcessOutput
)]
pub struct GetAccessPointPolicyForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
}

/// The result of [`GetAccessPointPolicyForObjectProcess`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetAccessPointPolicyForObjectProcessOutput {
    /// The policy document, as stored.
    #[oss(body)]
    pub body: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes an Object FC access point's policy: `DELETE /?accessPointPolicyForObjectProcess`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteAccessPointPolicyForObjectProcess",
    method = "DELETE",
    sub_resource = "accessPointPolicyForObjectProcess",
    output = EmptyOutput
)]
pub struct DeleteAccessPointPolicyForObjectProcess {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The Object FC access point's name.
    #[oss(header = "x-oss-access-point-for-object-process-name", required, validate = object_process_name)]
    pub access_point_for_object_process_name: String,
}

/// What a Function Compute function answers a transformed GetObject with:
/// `POST /?x-oss-write-get-object-response` with the route and token of the event.
///
/// ```
/// use ossio_core::ops::{Operation, WriteGetObjectResponse};
/// let op = WriteGetObjectResponse {
///     request_route: "fc-ap-01-123.oss-cn-hangzhou.oss-object-process.aliyuncs.com".into(),
///     request_token: "token".into(),
///     fwd_status: 200,
///     ..Default::default()
/// };
/// let req = op.to_request().unwrap();
/// assert_eq!(req.headers.get("x-oss-fwd-status"), Some("200"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(
    op = "WriteGetObjectResponse",
    method = "POST",
    sub_resource = "x-oss-write-get-object-response",
    output = EmptyOutput
)]
pub struct WriteGetObjectResponse {
    /// The route from the function's event.
    #[oss(header = "x-oss-request-route", required)]
    pub request_route: String,
    /// The token from the function's event.
    #[oss(header = "x-oss-request-token", required)]
    pub request_token: String,
    /// The HTTP status to answer with (100 to 599).
    #[oss(header = "x-oss-fwd-status", required, min = 100, max = 599)]
    pub fwd_status: u16,
    /// `Accept-Ranges` to answer with.
    #[oss(header = "x-oss-fwd-header-Accept-Ranges")]
    pub fwd_header_accept_ranges: Option<String>,
    /// `Cache-Control` to answer with.
    #[oss(header = "x-oss-fwd-header-Cache-Control")]
    pub fwd_header_cache_control: Option<String>,
    /// `Content-Disposition` to answer with.
    #[oss(header = "x-oss-fwd-header-Content-Disposition")]
    pub fwd_header_content_disposition: Option<String>,
    /// `Content-Encoding` to answer with.
    #[oss(header = "x-oss-fwd-header-Content-Encoding")]
    pub fwd_header_content_encoding: Option<String>,
    /// `Content-Language` to answer with.
    #[oss(header = "x-oss-fwd-header-Content-Language")]
    pub fwd_header_content_language: Option<String>,
    /// `Content-Range` to answer with.
    #[oss(header = "x-oss-fwd-header-Content-Range")]
    pub fwd_header_content_range: Option<String>,
    /// `Content-Type` to answer with.
    #[oss(header = "x-oss-fwd-header-Content-Type")]
    pub fwd_header_content_type: Option<String>,
    /// `ETag` to answer with.
    #[oss(header = "x-oss-fwd-header-ETag")]
    pub fwd_header_etag: Option<String>,
    /// `Expires` to answer with.
    #[oss(header = "x-oss-fwd-header-Expires")]
    pub fwd_header_expires: Option<String>,
    /// `Last-Modified` to answer with.
    #[oss(header = "x-oss-fwd-header-Last-Modified")]
    pub fwd_header_last_modified: Option<String>,
    /// The body to answer with: bytes, or a declared length the caller streams.
    #[oss(body)]
    pub body: Body,
}
