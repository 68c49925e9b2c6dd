//! A bucket's object-level retention default: Put/GetBucketObjectWormConfiguration
//! (`/?objectWorm` with an `ObjectWormConfiguration` document).

use super::decl::Oss;

wire_enum! {
    /// An object-level retention mode.
    pub enum ObjectWormConfigurationModeType("object retention mode") {
        /// Users with the permission may shorten or remove a retention.
        Governance = "GOVERNANCE",
        /// No one can shorten or remove a retention.
        Compliance = "COMPLIANCE",
    }
}

/// The retention new objects get by default: a mode and `days` or `years`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectWormConfigurationRuleDefaultRetention {
    /// `GOVERNANCE` or `COMPLIANCE`.
    #[oss(xml = "Mode")]
    pub mode: Option<ObjectWormConfigurationModeType>,
    /// Retention in days (1 to 36500).
    #[oss(xml = "Days", min = 1, max = 36500)]
    pub days: Option<u32>,
    /// Retention in years (1 to 100).
    #[oss(xml = "Years", min = 1, max = 100)]
    pub years: Option<u32>,
}

/// The rule of an object-level retention configuration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectWormConfigurationRule {
    /// The default retention.
    #[oss(xml = "DefaultRetention")]
    pub default_retention: Option<ObjectWormConfigurationRuleDefaultRetention>,
}

/// The `ObjectWormConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ObjectWormConfiguration")]
pub struct ObjectWormConfiguration {
    /// `Enabled` when object-level retention is on.
    #[oss(xml = "ObjectWormEnabled")]
    pub object_worm_enabled: Option<String>,
    /// The default retention rule.
    #[oss(xml = "Rule")]
    pub rule: Option<ObjectWormConfigurationRule>,
}

/// Turns on object-level retention for a bucket and sets its default.
///
/// ```
/// use ossio_core::ops::*;
/// let config = ObjectWormConfiguration {
///     object_worm_enabled: Some("Enabled".into()),
///     rule: Some(ObjectWormConfigurationRule {
///         default_retention: Some(ObjectWormConfigurationRuleDefaultRetention {
///             mode: Some(ObjectWormConfigurationModeType::Governance),
///             days: Some(36501),
///             years: None,
///         }),
///     }),
/// };
/// let err = PutBucketObjectWormConfiguration::new("examplebucket", config).to_request().unwrap_err();
/// assert!(err.to_string().contains("days"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketObjectWormConfiguration",
    method = "PUT",
    sub_resource = "objectWorm",
    output = super::EmptyOutput
)]
pub struct PutBucketObjectWormConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The configuration.
    #[oss(document, required)]
    pub object_worm_configuration: ObjectWormConfiguration,
}

impl PutBucketObjectWormConfiguration {
    /// Sets the object-level retention of `bucket`.
    pub fn new(bucket: impl Into<String>, config: ObjectWormConfiguration) -> Self {
        PutBucketObjectWormConfiguration {
            bucket: bucket.into(),
            object_worm_configuration: config,
        }
    }
}

/// Reads a bucket's object-level retention configuration.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketObjectWormConfiguration",
    method = "GET",
    sub_resource = "objectWorm",
    output = GetBucketObjectWormConfigurationOutput
)]
pub struct GetBucketObjectWormConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketObjectWormConfiguration {
    /// The configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketObjectWormConfiguration {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketObjectWormConfiguration`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketObjectWormConfigurationOutput {
    /// The configuration.
    #[oss(document)]
    pub object_worm_configuration: ObjectWormConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
