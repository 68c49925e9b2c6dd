//! Object-level retention (WORM): PutObjectRetention and GetObjectRetention
//! (`/<key>?retention`, a `Retention` document), PutObjectLegalHold and
//! GetObjectLegalHold (`/<key>?legalHold`, a `LegalHold` document).

use super::decl::Oss;

wire_enum! {
    /// How strictly an object is retained.
    pub enum ObjectRetentionMode("retention mode") {
        /// Users with the right permission may shorten or remove the retention.
        Governance = "GOVERNANCE",
        /// Nobody can shorten or remove the retention.
        Compliance = "COMPLIANCE",
    }
}

wire_enum! {
    /// Whether an object is under legal hold.
    pub enum LegalHoldStatus("legal hold status") {
        /// Held: it cannot be deleted or overwritten.
        On = "ON",
        /// Not held.
        Off = "OFF",
    }
}

/// The `Retention` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "Retention")]
pub struct Retention {
    /// `GOVERNANCE` or `COMPLIANCE`.
    #[oss(xml = "Mode")]
    pub mode: Option<ObjectRetentionMode>,
    /// Until when (ISO 8601, e.g. `2025-11-10T16:00:00.000Z`).
    #[oss(xml = "RetainUntilDate")]
    pub retain_until_date: Option<String>,
}

/// The `LegalHold` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "LegalHold")]
pub struct LegalHold {
    /// `ON` or `OFF`.
    #[oss(xml = "Status")]
    pub status: Option<LegalHoldStatus>,
}

/// Sets (or extends) an object's retention.
///
/// ```
/// use ossio_core::ops::{ObjectRetentionMode, Operation, PutObjectRetention, Retention};
/// let op = PutObjectRetention::new("examplebucket", "a.txt", Retention {
///     mode: Some(ObjectRetentionMode::Compliance),
///     retain_until_date: Some("2030-01-01T00:00:00.000Z".into()),
/// });
/// let req = op.to_request().unwrap();
/// assert_eq!(req.query_value("retention"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutObjectRetention", method = "PUT", sub_resource = "retention", output = super::EmptyOutput)]
pub struct PutObjectRetention {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// Shorten or remove a `GOVERNANCE` retention (`x-oss-bypass-governance-retention`).
    #[oss(header = "x-oss-bypass-governance-retention")]
    pub bypass_governance_retention: Option<bool>,
    /// The retention.
    #[oss(document)]
    pub retention: Option<Retention>,
}

impl PutObjectRetention {
    /// Sets `retention` on `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, retention: Retention) -> Self {
        PutObjectRetention {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            bypass_governance_retention: None,
            retention: Some(retention),
        }
    }
}

/// Reads an object's retention.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObjectRetention", method = "GET", sub_resource = "retention", output = GetObjectRetentionOutput)]
pub struct GetObjectRetention {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
}

impl GetObjectRetention {
    /// The retention of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectRetention {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }
}

/// The result of [`GetObjectRetention`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetObjectRetentionOutput {
    /// The retention.
    #[oss(document)]
    pub retention: Option<Retention>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Puts an object under legal hold, or releases it.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutObjectLegalHold", method = "PUT", sub_resource = "legalHold", output = super::EmptyOutput)]
pub struct PutObjectLegalHold {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// The hold.
    #[oss(document)]
    pub legal_hold: Option<LegalHold>,
}

impl PutObjectLegalHold {
    /// Sets the legal hold of `bucket`/`key` to `status`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, status: LegalHoldStatus) -> Self {
        PutObjectLegalHold {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            legal_hold: Some(LegalHold {
                status: Some(status),
            }),
        }
    }
}

/// Reads an object's legal hold.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObjectLegalHold", method = "GET", sub_resource = "legalHold", output = GetObjectLegalHoldOutput)]
pub struct GetObjectLegalHold {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
}

impl GetObjectLegalHold {
    /// The legal hold of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectLegalHold {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
        }
    }
}

/// The result of [`GetObjectLegalHold`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetObjectLegalHoldOutput {
    /// The hold.
    #[oss(document)]
    pub legal_hold: Option<LegalHold>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
