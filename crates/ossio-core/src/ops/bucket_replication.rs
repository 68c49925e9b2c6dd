//! Cross-region and same-region replication: PutBucketReplication, GetBucketReplication,
//! DeleteBucketReplication, GetBucketReplicationLocation, GetBucketReplicationProgress and
//! PutBucketRtc (`POST /?replication&comp=add|delete`, `GET /?replication`,
//! `GET /?replicationLocation`, `GET /?replicationProgress&rule-id=<id>`, `PUT /?rtc`).

use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// The link replicated data travels.
    pub enum ReplicationTransferType("replication transfer type") {
        /// The default link.
        Internal = "internal",
        /// Transfer acceleration (cross-border replication).
        OssAcc = "oss_acc",
    }
}

wire_enum! {
    /// Whether objects that existed before the rule are replicated too.
    pub enum HistoricalObjectReplicationType("historical object replication") {
        /// They are (the default).
        Enabled = "enabled",
        /// Only new writes are.
        Disabled = "disabled",
    }
}

wire_enum! {
    /// Whether objects encrypted with SSE-KMS are replicated.
    pub enum SseKmsEncryptedObjectsStatus("SSE-KMS encrypted objects status") {
        /// They are (`encryption_configuration` names the key).
        Enabled = "Enabled",
        /// They are not.
        Disabled = "Disabled",
    }
}

/// The most prefixes a rule's `PrefixSet` holds.
pub const MAX_REPLICATION_PREFIXES: usize = 10;

/// A key prefix: no longer than a key can be (1023 bytes).
fn replication_prefix(p: &str) -> Result<(), ValidationError> {
    if p.len() > 1023 {
        return Err(ValidationError::invalid(
            "prefixs",
            p,
            "must be at most 1023 bytes (an object key's length)",
        ));
    }
    Ok(())
}

/// The key prefixes a rule replicates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationPrefixSet {
    /// The prefixes (at most 10 per rule, each at most 1023 bytes).
    #[oss(xml = "Prefix", max = 10, validate = replication_prefix)]
    pub prefixs: Vec<String>,
}

/// Where a rule replicates to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationDestination {
    /// The destination bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// Its region (`oss-cn-beijing`).
    #[oss(xml = "Location")]
    pub location: Option<String>,
    /// `internal` or `oss_acc`.
    #[oss(xml = "TransferType")]
    pub transfer_type: Option<ReplicationTransferType>,
}

/// Replication Time Control of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationTimeControl {
    /// `enabled` or `disabled` (OSS also reports `enabling`).
    #[oss(xml = "Status")]
    pub status: Option<String>,
}

/// Whether SSE-KMS encrypted objects are replicated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct SseKmsEncryptedObjects {
    /// `Enabled` or `Disabled`.
    #[oss(xml = "Status")]
    pub status: Option<SseKmsEncryptedObjectsStatus>,
}

/// Which source objects a rule replicates beyond its prefixes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationSourceSelectionCriteria {
    /// SSE-KMS encrypted objects.
    #[oss(xml = "SseKmsEncryptedObjects")]
    pub sse_kms_encrypted_objects: Option<SseKmsEncryptedObjects>,
}

/// How replicas are encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationEncryptionConfiguration {
    /// The KMS key for the replicas.
    #[oss(xml = "ReplicaKmsKeyID")]
    pub replica_kms_key_id: Option<String>,
}

/// One replication rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationRule {
    /// Which encrypted objects are replicated.
    #[oss(xml = "SourceSelectionCriteria")]
    pub source_selection_criteria: Option<ReplicationSourceSelectionCriteria>,
    /// Replication Time Control.
    #[oss(xml = "RTC")]
    pub rtc: Option<ReplicationTimeControl>,
    /// Where to.
    #[oss(xml = "Destination")]
    pub destination: Option<ReplicationDestination>,
    /// `enabled` or `disabled`.
    #[oss(xml = "HistoricalObjectReplication")]
    pub historical_object_replication: Option<HistoricalObjectReplicationType>,
    /// The RAM role OSS replicates as (required for SSE-KMS objects).
    #[oss(xml = "SyncRole")]
    pub sync_role: Option<String>,
    /// The rule's state as OSS reports it: `starting`, `doing` or `closing`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// How replicas are encrypted.
    #[oss(xml = "EncryptionConfiguration")]
    pub encryption_configuration: Option<ReplicationEncryptionConfiguration>,
    /// The rule's ID.
    #[oss(xml = "ID")]
    pub id: Option<String>,
    /// Only keys with these prefixes.
    #[oss(xml = "PrefixSet")]
    pub prefix_set: Option<ReplicationPrefixSet>,
    /// What is replicated: `ALL` (writes and deletes) or `PUT` (writes only).
    #[oss(xml = "Action")]
    pub action: Option<String>,
}

/// The `ReplicationConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ReplicationConfiguration")]
pub struct ReplicationConfiguration {
    /// The rules.
    #[oss(xml = "Rule")]
    pub rules: Vec<ReplicationRule>,
}

fn rules_have_destinations(c: &ReplicationConfiguration) -> Result<(), ValidationError> {
    if c.rules.is_empty() {
        return Err(ValidationError::invalid("rules", "0", "must have a rule"));
    }
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    for r in &c.rules {
        let Some(d) = &r.destination else {
            return Err(ValidationError::invalid(
                "destination",
                "",
                "every rule needs a destination",
            ));
        };
        if blank(&d.bucket) {
            return Err(ValidationError::invalid(
                "bucket",
                "",
                "a rule's destination bucket is required",
            ));
        }
        if blank(&d.location) {
            return Err(ValidationError::invalid(
                "location",
                "",
                "a rule's destination location is required",
            ));
        }
    }
    Ok(())
}

/// Adds replication rules to a bucket.
///
/// ```
/// use ossio_core::ops::*;
/// let rule = ReplicationRule {
///     destination: Some(ReplicationDestination {
///         bucket: Some("destbucket".into()),
///         location: Some("oss-cn-beijing".into()),
///         transfer_type: Some(ReplicationTransferType::Internal),
///     }),
///     ..Default::default()
/// };
/// let req = PutBucketReplication::new("examplebucket", vec![rule]).to_request().unwrap();
/// assert_eq!(req.query_value("comp"), Some(Some("add")));
/// assert_eq!(req.query_value("replication"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketReplication",
    method = "POST",
    sub_resource = "replication",
    fixed_query = "comp=add",
    output = PutBucketReplicationOutput,
    check = Self::check_rules
)]
pub struct PutBucketReplication {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rules (each with a destination bucket and location).
    #[oss(document, required)]
    pub replication_configuration: ReplicationConfiguration,
}

impl PutBucketReplication {
    /// Adds `rules` to `bucket`.
    pub fn new(bucket: impl Into<String>, rules: Vec<ReplicationRule>) -> Self {
        PutBucketReplication {
            bucket: bucket.into(),
            replication_configuration: ReplicationConfiguration { rules },
        }
    }

    fn check_rules(&self) -> Result<(), ValidationError> {
        rules_have_destinations(&self.replication_configuration)
    }
}

/// The result of [`PutBucketReplication`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct PutBucketReplicationOutput {
    /// The new rule's ID (`x-oss-replication-rule-id`).
    #[oss(header = "x-oss-replication-rule-id")]
    pub replication_rule_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads a bucket's replication rules.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketReplication", method = "GET", sub_resource = "replication", output = GetBucketReplicationOutput)]
pub struct GetBucketReplication {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketReplication {
    /// The rules of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketReplication {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketReplication`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketReplicationOutput {
    /// The rules.
    #[oss(document)]
    pub replication_configuration: ReplicationConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// The `ReplicationRules` document: the rules to delete.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ReplicationRules")]
pub struct ReplicationRules {
    /// Rule IDs (at least one).
    #[oss(xml = "ID", min = 1)]
    pub ids: Vec<String>,
}

/// Stops and deletes a replication rule.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteBucketReplication",
    method = "POST",
    sub_resource = "replication",
    fixed_query = "comp=delete",
    output = super::EmptyOutput
)]
pub struct DeleteBucketReplication {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rules.
    #[oss(document, required)]
    pub replication_rules: ReplicationRules,
}

impl DeleteBucketReplication {
    /// Deletes rule `rule_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, rule_id: impl Into<String>) -> Self {
        DeleteBucketReplication {
            bucket: bucket.into(),
            replication_rules: ReplicationRules {
                ids: vec![rule_id.into()],
            },
        }
    }
}

/// Reads the regions a bucket can replicate to.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketReplicationLocation",
    method = "GET",
    sub_resource = "replicationLocation",
    output = GetBucketReplicationLocationOutput
)]
pub struct GetBucketReplicationLocation {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketReplicationLocation {
    /// The destinations open to `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketReplicationLocation {
            bucket: bucket.into(),
        }
    }
}

/// The transfer types available towards some region.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct TransferTypes {
    /// The types (`internal`, `oss_acc`).
    #[oss(xml = "Type")]
    pub types: Vec<String>,
}

/// A region and the transfer types replication to it may use.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LocationTransferType {
    /// The region.
    #[oss(xml = "Location")]
    pub location: Option<String>,
    /// Its transfer types.
    #[oss(xml = "TransferTypes")]
    pub transfer_types: Option<TransferTypes>,
}

/// The regions reached only with particular transfer types.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LocationTransferTypeConstraint {
    /// The regions.
    #[oss(xml = "LocationTransferType")]
    pub location_transfer_types: Vec<LocationTransferType>,
}

/// The regions where Replication Time Control is available.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LocationRtcConstraint {
    /// The regions.
    #[oss(xml = "Location")]
    pub locations: Vec<String>,
}

/// The `ReplicationLocation` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ReplicationLocation")]
pub struct ReplicationLocation {
    /// The regions a bucket can replicate to.
    #[oss(xml = "Location")]
    pub locations: Vec<String>,
    /// The regions that need a particular transfer type.
    #[oss(xml = "LocationTransferTypeConstraint")]
    pub location_transfer_type_constraint: Option<LocationTransferTypeConstraint>,
    /// The regions with Replication Time Control.
    #[oss(xml = "LocationRTCConstraint")]
    pub locationrtc_constraint: Option<LocationRtcConstraint>,
}

/// The result of [`GetBucketReplicationLocation`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketReplicationLocationOutput {
    /// The regions.
    #[oss(document)]
    pub replication_location: ReplicationLocation,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads how far a replication rule has got.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketReplicationProgress",
    method = "GET",
    sub_resource = "replicationProgress",
    output = GetBucketReplicationProgressOutput
)]
pub struct GetBucketReplicationProgress {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rule's ID.
    #[oss(query = "rule-id", required)]
    pub rule_id: String,
}

impl GetBucketReplicationProgress {
    /// The progress of rule `rule_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, rule_id: impl Into<String>) -> Self {
        GetBucketReplicationProgress {
            bucket: bucket.into(),
            rule_id: rule_id.into(),
        }
    }
}

/// A rule's progress.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationProgressInformation {
    /// The share of historical objects replicated (`0.85`), with historical replication on.
    #[oss(xml = "HistoricalObject")]
    pub historical_object: Option<String>,
    /// The time (GMT) before which every new object is replicated.
    #[oss(xml = "NewObject")]
    pub new_object: Option<String>,
}

/// A replication rule with its progress.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReplicationProgressRule {
    /// `enabled` or `disabled`.
    #[oss(xml = "HistoricalObjectReplication")]
    pub historical_object_replication: Option<String>,
    /// The progress.
    #[oss(xml = "Progress")]
    pub progress: Option<ReplicationProgressInformation>,
    /// The rule's ID.
    #[oss(xml = "ID")]
    pub id: Option<String>,
    /// Its prefixes.
    #[oss(xml = "PrefixSet")]
    pub prefix_set: Option<ReplicationPrefixSet>,
    /// `ALL` or `PUT`.
    #[oss(xml = "Action")]
    pub action: Option<String>,
    /// Where to.
    #[oss(xml = "Destination")]
    pub destination: Option<ReplicationDestination>,
    /// `starting`, `doing` or `closing`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
}

/// The `ReplicationProgress` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ReplicationProgress")]
pub struct ReplicationProgress {
    /// The rules.
    #[oss(xml = "Rule")]
    pub rules: Vec<ReplicationProgressRule>,
}

/// The result of [`GetBucketReplicationProgress`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketReplicationProgressOutput {
    /// The progress.
    #[oss(document)]
    pub replication_progress: ReplicationProgress,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// The `ReplicationRule` document PutBucketRtc sends: a rule's ID and its RTC switch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ReplicationRule")]
pub struct RtcConfiguration {
    /// Replication Time Control: `enabled` or `disabled`.
    #[oss(xml = "RTC")]
    pub rtc: Option<ReplicationTimeControl>,
    /// The rule's ID.
    #[oss(xml = "ID")]
    pub id: Option<String>,
}

fn rtc_names_a_rule(c: &RtcConfiguration) -> Result<(), ValidationError> {
    match c.id.as_deref() {
        Some(id) if !id.trim().is_empty() => Ok(()),
        other => Err(ValidationError::invalid(
            "id",
            other.unwrap_or(""),
            "is required",
        )),
    }
}

/// Turns Replication Time Control of a replication rule on or off.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketRtc};
/// let req = PutBucketRtc::new("examplebucket", "rule-1", true).to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<ReplicationRule><RTC><Status>enabled</Status></RTC><ID>rule-1</ID></ReplicationRule>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketRtc", method = "PUT", sub_resource = "rtc", output = super::EmptyOutput, check = Self::check_rule)]
pub struct PutBucketRtc {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rule and its switch (the rule's `id` is required).
    #[oss(document, required)]
    pub rtc_configuration: RtcConfiguration,
}

impl PutBucketRtc {
    /// Turns RTC of rule `rule_id` of `bucket` on (`true`) or off.
    pub fn new(bucket: impl Into<String>, rule_id: impl Into<String>, enabled: bool) -> Self {
        PutBucketRtc {
            bucket: bucket.into(),
            rtc_configuration: RtcConfiguration {
                rtc: Some(ReplicationTimeControl {
                    status: Some(if enabled { "enabled" } else { "disabled" }.to_owned()),
                }),
                id: Some(rule_id.into()),
            },
        }
    }

    fn check_rule(&self) -> Result<(), ValidationError> {
        rtc_names_a_rule(&self.rtc_configuration)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Operation;

    #[test]
    fn add_and_delete_route_apart() {
        let name = |r: &crate::Request| crate::ops::route(r).map(|o| o.name);
        let rule = ReplicationRule {
            destination: Some(ReplicationDestination {
                bucket: Some("dest".into()),
                location: Some("oss-cn-beijing".into()),
                transfer_type: None,
            }),
            ..Default::default()
        };
        let add = PutBucketReplication::new("bucket-1", vec![rule])
            .to_request()
            .unwrap();
        let del = DeleteBucketReplication::new("bucket-1", "r1")
            .to_request()
            .unwrap();
        assert_eq!(name(&add), Some("PutBucketReplication"));
        assert_eq!(name(&del), Some("DeleteBucketReplication"));
    }

    #[test]
    fn a_rule_needs_a_destination_and_few_prefixes() {
        let err = PutBucketReplication::new("bucket-1", vec![ReplicationRule::default()])
            .to_request()
            .unwrap_err()
            .to_string();
        assert!(err.contains("destination"), "{err}");
        let rule = ReplicationRule {
            destination: Some(ReplicationDestination {
                bucket: Some("dest".into()),
                location: Some("oss-cn-beijing".into()),
                transfer_type: None,
            }),
            prefix_set: Some(ReplicationPrefixSet {
                prefixs: (0..11).map(|i| format!("p{i}/")).collect(),
            }),
            ..Default::default()
        };
        let err = PutBucketReplication::new("bucket-1", vec![rule])
            .to_request()
            .unwrap_err()
            .to_string();
        assert!(err.contains("prefixs"), "{err}");
    }
}
