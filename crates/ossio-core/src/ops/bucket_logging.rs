//! Access logging: PutBucketLogging, GetBucketLogging, DeleteBucketLogging (`/?logging` with
//! a `BucketLoggingStatus` document) and the custom fields of real-time logs:
//! PutUserDefinedLogFieldsConfig, GetUserDefinedLogFieldsConfig,
//! DeleteUserDefinedLogFieldsConfig (`/?userDefinedLogFieldsConfig`).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

/// At most this many custom request headers and query parameters, together.
pub const MAX_USER_DEFINED_LOG_FIELDS: usize = 6;

fn validate_target_bucket(v: &str) -> Result<(), ValidationError> {
    crate::validate::bucket_name(v).map_err(|e| ValidationError {
        field: "target_bucket".into(),
        ..e
    })
}

/// Where access logs go.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LoggingEnabled {
    /// The bucket the logs are written to (same owner and region).
    #[oss(xml = "TargetBucket", required, validate = validate_target_bucket)]
    pub target_bucket: String,
    /// The prefix of the log objects' keys.
    #[oss(xml = "TargetPrefix")]
    pub target_prefix: Option<String>,
    /// The RAM role OSS writes the logs as (default `AliyunOSSLoggingDefaultRole`).
    #[oss(xml = "LoggingRole")]
    pub logging_role: Option<String>,
}

/// The `BucketLoggingStatus` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "BucketLoggingStatus")]
pub struct BucketLoggingStatus {
    /// Where logs go; absent: logging is off.
    #[oss(xml = "LoggingEnabled")]
    pub logging_enabled: Option<LoggingEnabled>,
}

/// Turns access logging on for a bucket (or off, with no `logging_enabled`).
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketLogging};
/// let req = PutBucketLogging::new("examplebucket", "logbucket", "access/")
///     .to_request()
///     .unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<BucketLoggingStatus><LoggingEnabled><TargetBucket>logbucket</TargetBucket>\
///       <TargetPrefix>access/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketLogging", method = "PUT", sub_resource = "logging", output = EmptyOutput)]
pub struct PutBucketLogging {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The configuration.
    #[oss(document, required)]
    pub bucket_logging_status: BucketLoggingStatus,
}

impl PutBucketLogging {
    /// Logs of `bucket` go to `target_bucket` under `target_prefix`.
    pub fn new(
        bucket: impl Into<String>,
        target_bucket: impl Into<String>,
        target_prefix: impl Into<String>,
    ) -> Self {
        PutBucketLogging {
            bucket: bucket.into(),
            bucket_logging_status: BucketLoggingStatus {
                logging_enabled: Some(LoggingEnabled {
                    target_bucket: target_bucket.into(),
                    target_prefix: Some(target_prefix.into()),
                    logging_role: None,
                }),
            },
        }
    }
}

/// Reads a bucket's access logging configuration.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketLogging", method = "GET", sub_resource = "logging", output = GetBucketLoggingOutput)]
pub struct GetBucketLogging {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketLogging {
    /// The logging configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketLogging {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketLogging`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketLoggingOutput {
    /// The configuration.
    #[oss(document)]
    pub bucket_logging_status: Option<BucketLoggingStatus>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Turns access logging off for a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketLogging", method = "DELETE", sub_resource = "logging", output = EmptyOutput)]
pub struct DeleteBucketLogging {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketLogging {
    /// The logging configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketLogging {
            bucket: bucket.into(),
        }
    }
}

/// A custom request header name: printable ASCII without `_` or `:`.
fn validate_log_header(h: &str) -> Result<(), ValidationError> {
    let ok = !h.is_empty()
        && h.bytes()
            .all(|b| (33..=126).contains(&b) && b != b'_' && b != b':');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::invalid(
            "headers",
            h,
            "a logged header name is printable ASCII without `_` or `:`",
        ))
    }
}

fn validate_log_parameter(p: &str) -> Result<(), ValidationError> {
    if p.is_empty() {
        return Err(ValidationError::invalid(
            "parameters",
            p,
            "a logged parameter name must not be empty",
        ));
    }
    Ok(())
}

/// The request headers logged.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LoggingHeaderSet {
    /// Header names.
    #[oss(xml = "header", validate = validate_log_header)]
    pub headers: Vec<String>,
}

/// The query parameters logged.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LoggingParamSet {
    /// Parameter names.
    #[oss(xml = "parameter", validate = validate_log_parameter)]
    pub parameters: Vec<String>,
}

/// The `UserDefinedLogFieldsConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "UserDefinedLogFieldsConfiguration", check = Self::check_total)]
pub struct UserDefinedLogFieldsConfiguration {
    /// The request headers logged.
    #[oss(xml = "HeaderSet")]
    pub header_set: Option<LoggingHeaderSet>,
    /// The query parameters logged.
    #[oss(xml = "ParamSet")]
    pub param_set: Option<LoggingParamSet>,
}

impl UserDefinedLogFieldsConfiguration {
    fn check_total(&self) -> Result<(), ValidationError> {
        let headers = self.header_set.as_ref().map_or(0, |h| h.headers.len());
        let params = self.param_set.as_ref().map_or(0, |p| p.parameters.len());
        if headers + params > MAX_USER_DEFINED_LOG_FIELDS {
            return Err(ValidationError::invalid(
                "headers",
                &(headers + params).to_string(),
                "at most 6 headers and parameters together",
            ));
        }
        Ok(())
    }
}

/// Sets which request headers and query parameters real-time logs record in
/// `user_defined_log_fields`.
///
/// ```
/// use ossio_core::ops::{
///     LoggingHeaderSet, Operation, PutUserDefinedLogFieldsConfig, UserDefinedLogFieldsConfiguration,
/// };
/// let op = PutUserDefinedLogFieldsConfig {
///     bucket: "examplebucket".into(),
///     user_defined_log_fields_configuration: UserDefinedLogFieldsConfiguration {
///         header_set: Some(LoggingHeaderSet { headers: vec!["x-request-from".into()] }),
///         param_set: None,
///     },
/// };
/// assert!(op.to_request().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutUserDefinedLogFieldsConfig", method = "PUT", sub_resource = "userDefinedLogFieldsConfig", output = EmptyOutput)]
pub struct PutUserDefinedLogFieldsConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The configuration (at most 6 headers and parameters together).
    #[oss(document, required)]
    pub user_defined_log_fields_configuration: UserDefinedLogFieldsConfiguration,
}

/// Reads which request headers and query parameters real-time logs record.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetUserDefinedLogFieldsConfig", method = "GET", sub_resource = "userDefinedLogFieldsConfig", output = GetUserDefinedLogFieldsConfigOutput)]
pub struct GetUserDefinedLogFieldsConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetUserDefinedLogFieldsConfig {
    /// The custom log fields of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetUserDefinedLogFieldsConfig {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetUserDefinedLogFieldsConfig`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetUserDefinedLogFieldsConfigOutput {
    /// The configuration.
    #[oss(document)]
    pub user_defined_log_fields_configuration: Option<UserDefinedLogFieldsConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes the custom log fields of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteUserDefinedLogFieldsConfig", method = "DELETE", sub_resource = "userDefinedLogFieldsConfig", output = EmptyOutput)]
pub struct DeleteUserDefinedLogFieldsConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteUserDefinedLogFieldsConfig {
    /// The custom log fields of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteUserDefinedLogFieldsConfig {
            bucket: bucket.into(),
        }
    }
}
