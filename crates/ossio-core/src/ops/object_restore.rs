//! Archived objects: RestoreObject (`POST /<key>?restore`, an optional `RestoreRequest`
//! document) and CleanRestoredObject (`POST /<key>?cleanRestoredObject`).

use super::decl::Oss;

wire_enum! {
    /// How fast a Cold Archive or Deep Cold Archive object is restored.
    pub enum RestoreTier("restore tier") {
        /// Within an hour (Cold Archive) or 12 hours (Deep Cold Archive).
        Expedited = "Expedited",
        /// Within 2 to 5 hours (Cold Archive) or 48 hours (Deep Cold Archive).
        Standard = "Standard",
        /// Within 5 to 12 hours (Cold Archive only).
        Bulk = "Bulk",
    }
}

/// `JobParameters`: the restore priority.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobParameters {
    /// The restore priority.
    #[oss(xml = "Tier")]
    pub tier: Option<RestoreTier>,
}

/// The `RestoreRequest` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "RestoreRequest")]
pub struct RestoreRequest {
    /// How many days the restored copy stays readable (1 to 365; 1 to 7 for Archive).
    #[oss(xml = "Days", min = 1, max = 365)]
    pub days: Option<u32>,
    /// The restore priority (Cold Archive and Deep Cold Archive objects).
    #[oss(xml = "JobParameters")]
    pub job_parameters: Option<JobParameters>,
}

/// Makes an Archive, Cold Archive or Deep Cold Archive object readable for a while.
///
/// ```
/// use ossio_core::ops::{Operation, RestoreObject};
/// let req = RestoreObject::new("examplebucket", "a.txt").days(2).to_request().unwrap();
/// assert_eq!(req.query_value("restore"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<RestoreRequest><Days>2</Days></RestoreRequest>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "RestoreObject", method = "POST", sub_resource = "restore", output = RestoreObjectOutput)]
pub struct RestoreObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// How long and how fast; OSS's defaults without it.
    #[oss(document)]
    pub restore_request: Option<RestoreRequest>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl RestoreObject {
    /// Restores `bucket`/`key` with OSS's defaults.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        RestoreObject {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            restore_request: None,
            request_payer: None,
        }
    }

    /// Keeps the restored copy for `days`.
    pub fn days(mut self, days: u32) -> Self {
        self.restore_request
            .get_or_insert_with(Default::default)
            .days = Some(days);
        self
    }

    /// Restores with priority `tier`.
    pub fn tier(mut self, tier: RestoreTier) -> Self {
        self.restore_request
            .get_or_insert_with(Default::default)
            .job_parameters = Some(JobParameters { tier: Some(tier) });
        self
    }
}

/// The result of [`RestoreObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct RestoreObjectOutput {
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// The restore priority OSS applies (`x-oss-object-restore-priority`).
    #[oss(header = "x-oss-object-restore-priority")]
    pub restore_priority: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes the restored copy of an archived object before it expires.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CleanRestoredObject", method = "POST", sub_resource = "cleanRestoredObject", output = super::EmptyOutput)]
pub struct CleanRestoredObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
}

impl CleanRestoredObject {
    /// Cleans the restored copy of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        CleanRestoredObject {
            bucket: bucket.into(),
            key: key.into(),
        }
    }
}
