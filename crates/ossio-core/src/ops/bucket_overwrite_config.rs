//! Overwrite protection: PutBucketOverwriteConfig, GetBucketOverwriteConfig,
//! DeleteBucketOverwriteConfig (`/?overwriteConfig` with an `OverwriteConfiguration`
//! document).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// What an overwrite rule does.
    pub enum OverwriteAction("overwrite action") {
        /// Refuse writes that would overwrite an existing object.
        Forbid = "forbid",
    }
}

/// A prefix or suffix: at most 1,023 characters.
fn validate_affix(field: &'static str, v: &str) -> Result<(), ValidationError> {
    if v.chars().count() > 1023 {
        return Err(ValidationError::invalid(
            field,
            v,
            "must be at most 1,023 characters",
        ));
    }
    Ok(())
}

fn validate_prefix(v: &str) -> Result<(), ValidationError> {
    validate_affix("prefix", v)
}

fn validate_suffix(v: &str) -> Result<(), ValidationError> {
    validate_affix("suffix", v)
}

/// Who a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct OverwritePrincipals {
    /// Account or RAM user ids (`*` wildcards allowed); none: everyone.
    #[oss(xml = "Principal")]
    pub principals: Vec<String>,
}

/// One overwrite protection rule: objects matching all its filters cannot be overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct OverwriteRule {
    /// `forbid`.
    #[oss(xml = "Action")]
    pub action: Option<OverwriteAction>,
    /// Only keys starting with this (literal; at most 1,023 characters).
    #[oss(xml = "Prefix", validate = validate_prefix)]
    pub prefix: Option<String>,
    /// Only keys ending with this (literal; at most 1,023 characters).
    #[oss(xml = "Suffix", validate = validate_suffix)]
    pub suffix: Option<String>,
    /// Only writes by these principals.
    #[oss(xml = "Principals")]
    pub principals: Option<OverwritePrincipals>,
    /// The rule's id, unique in the bucket (OSS makes a UUID when absent).
    #[oss(xml = "ID")]
    pub id: Option<String>,
}

/// The `OverwriteConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "OverwriteConfiguration", check = Self::check_ids)]
pub struct OverwriteConfiguration {
    /// The rules (at most 100).
    #[oss(xml = "Rule", max = 100)]
    pub rules: Vec<OverwriteRule>,
}

impl OverwriteConfiguration {
    fn check_ids(&self) -> Result<(), ValidationError> {
        let mut seen = std::collections::HashSet::new();
        for id in self.rules.iter().filter_map(|r| r.id.as_deref()) {
            if !seen.insert(id) {
                return Err(ValidationError::invalid(
                    "id",
                    id,
                    "two overwrite rules have the same id",
                ));
            }
        }
        Ok(())
    }
}

/// Sets a bucket's overwrite protection rules, replacing any it had.
///
/// ```
/// use ossio_core::ops::{Operation, OverwriteAction, OverwriteRule, PutBucketOverwriteConfig};
/// let rule = OverwriteRule {
///     id: Some("protect-logs".into()),
///     action: Some(OverwriteAction::Forbid),
///     prefix: Some("logs/".into()),
///     ..OverwriteRule::default()
/// };
/// let req = PutBucketOverwriteConfig::new("examplebucket", [rule]).to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<OverwriteConfiguration><Rule><Action>forbid</Action><Prefix>logs/</Prefix>\
///       <ID>protect-logs</ID></Rule></OverwriteConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketOverwriteConfig", method = "PUT", sub_resource = "overwriteConfig", output = EmptyOutput)]
pub struct PutBucketOverwriteConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rules.
    #[oss(document, required)]
    pub overwrite_configuration: OverwriteConfiguration,
}

impl PutBucketOverwriteConfig {
    /// Sets `rules` on `bucket`.
    pub fn new(bucket: impl Into<String>, rules: impl IntoIterator<Item = OverwriteRule>) -> Self {
        PutBucketOverwriteConfig {
            bucket: bucket.into(),
            overwrite_configuration: OverwriteConfiguration {
                rules: rules.into_iter().collect(),
            },
        }
    }
}

/// Reads a bucket's overwrite protection rules (404 when it has none).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketOverwriteConfig", method = "GET", sub_resource = "overwriteConfig", output = GetBucketOverwriteConfigOutput)]
pub struct GetBucketOverwriteConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketOverwriteConfig {
    /// The overwrite protection rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketOverwriteConfig {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketOverwriteConfig`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketOverwriteConfigOutput {
    /// The rules.
    #[oss(document)]
    pub overwrite_configuration: Option<OverwriteConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes every overwrite protection rule of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketOverwriteConfig", method = "DELETE", sub_resource = "overwriteConfig", output = EmptyOutput)]
pub struct DeleteBucketOverwriteConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketOverwriteConfig {
    /// The overwrite protection rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketOverwriteConfig {
            bucket: bucket.into(),
        }
    }
}
