//! Lifecycle rules: PutBucketLifecycle, GetBucketLifecycle, DeleteBucketLifecycle
//! (`/?lifecycle` with a `LifecycleConfiguration` document).
//!
//! Elements are declared in the order alibabacloud-oss-v2 writes them, so the documents
//! both build are byte-identical.

use super::Tag;
use super::common::{EmptyOutput, StorageClass};
use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// Whether a lifecycle rule is applied.
    pub enum LifecycleRuleStatus("lifecycle rule status") {
        /// The rule runs.
        Enabled = "Enabled",
        /// The rule is kept but does not run.
        Disabled = "Disabled",
    }
}

/// An ISO 8601 UTC time, `YYYY-MM-DDTHH:MM:SS[.sss]Z` (OSS takes midnight dates).
pub(crate) fn validate_iso8601(field: &'static str, v: &str) -> Result<(), ValidationError> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b.last() == Some(&b'Z')
        && (b.len() == 20 || (b[19] == b'.' && b.len() > 21 && digits(20..b.len() - 1)));
    if ok {
        Ok(())
    } else {
        Err(ValidationError::invalid(
            field,
            v,
            "must be an ISO 8601 UTC time such as 2024-01-02T00:00:00.000Z",
        ))
    }
}

fn validate_created_before_date(v: &str) -> Result<(), ValidationError> {
    validate_iso8601("created_before_date", v)
}

fn validate_rule_id(v: &str) -> Result<(), ValidationError> {
    if v.len() > 255 {
        return Err(ValidationError::invalid(
            "id",
            v,
            "must be at most 255 bytes",
        ));
    }
    Ok(())
}

/// When objects a rule covers expire.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LifecycleRuleExpiration {
    /// Objects last modified before this date (ISO 8601, midnight UTC) expire.
    #[oss(xml = "CreatedBeforeDate", validate = validate_created_before_date)]
    pub created_before_date: Option<String>,
    /// Objects expire this many days after their last modification.
    #[oss(xml = "Days", min = 1)]
    pub days: Option<u32>,
    /// Whether a delete marker left alone (no noncurrent versions) is removed.
    #[oss(xml = "ExpiredObjectDeleteMarker")]
    pub expired_object_delete_marker: Option<bool>,
}

/// When objects a rule covers move to another storage class.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LifecycleRuleTransition {
    /// Objects last modified before this date (ISO 8601, midnight UTC) move.
    #[oss(xml = "CreatedBeforeDate", validate = validate_created_before_date)]
    pub created_before_date: Option<String>,
    /// Objects move this many days after their last modification (or access).
    #[oss(xml = "Days", min = 1)]
    pub days: Option<u32>,
    /// The class they move to (`IA`, `Archive`, `ColdArchive`, `DeepColdArchive`).
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<StorageClass>,
    /// Whether `days` count from the last access rather than the last modification.
    #[oss(xml = "IsAccessTime")]
    pub is_access_time: Option<bool>,
    /// Whether an object read again returns to Standard (with `is_access_time`).
    #[oss(xml = "ReturnToStdWhenVisit")]
    pub return_to_std_when_visit: Option<bool>,
    /// Whether objects under 64 KB move too (with `is_access_time`).
    #[oss(xml = "AllowSmallFile")]
    pub allow_small_file: Option<bool>,
}

/// When unfinished multipart uploads a rule covers are aborted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LifecycleRuleAbortMultipartUpload {
    /// Uploads this many days old are aborted.
    #[oss(xml = "Days", min = 1)]
    pub days: Option<u32>,
    /// Uploads started before this date (ISO 8601, midnight UTC) are aborted.
    #[oss(xml = "CreatedBeforeDate", validate = validate_created_before_date)]
    pub created_before_date: Option<String>,
}

/// When noncurrent versions expire.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct NoncurrentVersionExpiration {
    /// Noncurrent versions expire this many days after becoming noncurrent.
    #[oss(xml = "NoncurrentDays", min = 1)]
    pub noncurrent_days: Option<u32>,
}

/// When noncurrent versions move to another storage class.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct NoncurrentVersionTransition {
    /// Whether `noncurrent_days` count from the last access.
    #[oss(xml = "IsAccessTime")]
    pub is_access_time: Option<bool>,
    /// Whether a version read again returns to Standard (with `is_access_time`).
    #[oss(xml = "ReturnToStdWhenVisit")]
    pub return_to_std_when_visit: Option<bool>,
    /// Whether versions under 64 KB move too (with `is_access_time`).
    #[oss(xml = "AllowSmallFile")]
    pub allow_small_file: Option<bool>,
    /// Versions move this many days after becoming noncurrent.
    #[oss(xml = "NoncurrentDays", min = 1)]
    pub noncurrent_days: Option<u32>,
    /// The class they move to.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<StorageClass>,
}

/// Objects a filter leaves out: a prefix, with a tag.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LifecycleRuleNot {
    /// Objects under this prefix (within the rule's prefix) are left out.
    #[oss(xml = "Prefix")]
    pub prefix: Option<String>,
    /// Only objects with this tag are left out.
    #[oss(xml = "Tag")]
    pub tag: Option<Tag>,
}

/// Narrows the objects a rule covers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(check = Self::check_sizes)]
pub struct LifecycleRuleFilter {
    /// Only objects larger than this many bytes.
    #[oss(xml = "ObjectSizeGreaterThan")]
    pub object_size_greater_than: Option<u64>,
    /// Only objects smaller than this many bytes.
    #[oss(xml = "ObjectSizeLessThan")]
    pub object_size_less_than: Option<u64>,
    /// Objects left out.
    #[oss(xml = "Not")]
    pub nots: Vec<LifecycleRuleNot>,
}

impl LifecycleRuleFilter {
    // A size window must not be empty.
    fn check_sizes(&self) -> Result<(), ValidationError> {
        if let (Some(gt), Some(lt)) = (self.object_size_greater_than, self.object_size_less_than) {
            if gt >= lt {
                return Err(ValidationError::invalid(
                    "object_size_less_than",
                    &lt.to_string(),
                    "must be greater than object_size_greater_than",
                ));
            }
        }
        Ok(())
    }
}

/// One lifecycle rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LifecycleRule {
    /// Only objects with all these tags.
    #[oss(xml = "Tag")]
    pub tags: Vec<Tag>,
    /// When noncurrent versions expire.
    #[oss(xml = "NoncurrentVersionExpiration")]
    pub noncurrent_version_expiration: Option<NoncurrentVersionExpiration>,
    /// Narrows the objects covered.
    #[oss(xml = "Filter")]
    pub filter: Option<LifecycleRuleFilter>,
    /// The rule's id (at most 255 bytes; OSS makes one up when absent).
    #[oss(xml = "ID", validate = validate_rule_id)]
    pub id: Option<String>,
    /// When objects expire.
    #[oss(xml = "Expiration")]
    pub expiration: Option<LifecycleRuleExpiration>,
    /// When objects change storage class.
    #[oss(xml = "Transition")]
    pub transitions: Vec<LifecycleRuleTransition>,
    /// When noncurrent versions change storage class.
    #[oss(xml = "NoncurrentVersionTransition")]
    pub noncurrent_version_transitions: Vec<NoncurrentVersionTransition>,
    /// The time access tracking started (read-only, as OSS reports it).
    #[oss(xml = "AtimeBase")]
    pub atime_base: Option<u64>,
    /// Objects under this prefix (empty: the whole bucket).
    #[oss(xml = "Prefix")]
    pub prefix: Option<String>,
    /// `Enabled` or `Disabled`.
    #[oss(xml = "Status", required)]
    pub status: LifecycleRuleStatus,
    /// When unfinished multipart uploads are aborted.
    #[oss(xml = "AbortMultipartUpload")]
    pub abort_multipart_upload: Option<LifecycleRuleAbortMultipartUpload>,
}

// wire_enum! writes the derives, so the default is given here.
#[allow(clippy::derivable_impls)]
impl Default for LifecycleRuleStatus {
    fn default() -> Self {
        LifecycleRuleStatus::Enabled
    }
}

/// The `LifecycleConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "LifecycleConfiguration")]
pub struct LifecycleConfiguration {
    /// The rules (at most 1,000).
    #[oss(xml = "Rule", max = 1000)]
    pub rules: Vec<LifecycleRule>,
}

/// Sets a bucket's lifecycle rules, replacing any it had.
///
/// ```
/// use ossio_core::ops::{LifecycleRule, LifecycleRuleExpiration, Operation, PutBucketLifecycle};
/// let rule = LifecycleRule {
///     id: Some("expire-logs".into()),
///     prefix: Some("logs/".into()),
///     expiration: Some(LifecycleRuleExpiration { days: Some(30), ..Default::default() }),
///     ..Default::default()
/// };
/// let req = PutBucketLifecycle::new("examplebucket", [rule]).to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<LifecycleConfiguration><Rule><ID>expire-logs</ID><Expiration><Days>30</Days>\
///       </Expiration><Prefix>logs/</Prefix><Status>Enabled</Status></Rule>\
///       </LifecycleConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketLifecycle", method = "PUT", sub_resource = "lifecycle", output = EmptyOutput)]
pub struct PutBucketLifecycle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// `true` to allow rules whose prefixes overlap with the same action.
    #[oss(header = "x-oss-allow-same-action-overlap")]
    pub allow_same_action_overlap: Option<String>,
    /// The rules.
    #[oss(document, required)]
    pub lifecycle_configuration: LifecycleConfiguration,
}

impl PutBucketLifecycle {
    /// Sets `rules` on `bucket`.
    pub fn new(bucket: impl Into<String>, rules: impl IntoIterator<Item = LifecycleRule>) -> Self {
        PutBucketLifecycle {
            bucket: bucket.into(),
            allow_same_action_overlap: None,
            lifecycle_configuration: LifecycleConfiguration {
                rules: rules.into_iter().collect(),
            },
        }
    }
}

/// Reads a bucket's lifecycle rules.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketLifecycle", method = "GET", sub_resource = "lifecycle", output = GetBucketLifecycleOutput)]
pub struct GetBucketLifecycle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketLifecycle {
    /// The lifecycle rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketLifecycle {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketLifecycle`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketLifecycleOutput {
    /// The rules.
    #[oss(document)]
    pub lifecycle_configuration: Option<LifecycleConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes every lifecycle rule of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketLifecycle", method = "DELETE", sub_resource = "lifecycle", output = EmptyOutput)]
pub struct DeleteBucketLifecycle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketLifecycle {
    /// The lifecycle rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketLifecycle {
            bucket: bucket.into(),
        }
    }
}
