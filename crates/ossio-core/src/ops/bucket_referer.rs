//! Hotlink protection: PutBucketReferer and GetBucketReferer (`/?referer` with a
//! `RefererConfiguration` document: a Referer whitelist and blacklist).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

/// A Referer pattern (`*` and `?` are wildcards): not blank.
fn validate_referer(referer: &str) -> Result<(), ValidationError> {
    if referer.trim().is_empty() {
        return Err(ValidationError::invalid(
            "referers",
            referer,
            "a Referer pattern must not be blank",
        ));
    }
    Ok(())
}

/// The Referer whitelist.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RefererList {
    /// Allowed Referer patterns (`*` and `?` are wildcards).
    #[oss(xml = "Referer", validate = validate_referer)]
    pub referers: Vec<String>,
}

/// The Referer blacklist.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RefererBlacklist {
    /// Refused Referer patterns (`*` and `?` are wildcards).
    #[oss(xml = "Referer", validate = validate_referer)]
    pub referers: Vec<String>,
}

/// The `RefererConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "RefererConfiguration", check = Self::check_truncation)]
pub struct RefererConfiguration {
    /// Whether requests without a Referer are allowed.
    #[oss(xml = "AllowEmptyReferer", required)]
    pub allow_empty_referer: bool,
    /// Whether the query string is cut off before matching.
    #[oss(xml = "AllowTruncateQueryString")]
    pub allow_truncate_query_string: Option<bool>,
    /// Whether the path (and what follows) is cut off before matching; needs
    /// `allow_truncate_query_string` not false.
    #[oss(xml = "TruncatePath")]
    pub truncate_path: Option<bool>,
    /// The whitelist (empty clears it).
    #[oss(xml = "RefererList")]
    pub referer_list: Option<RefererList>,
    /// The blacklist.
    #[oss(xml = "RefererBlacklist")]
    pub referer_blacklist: Option<RefererBlacklist>,
}

impl RefererConfiguration {
    // Cutting the path off cuts the query string off too, so OSS refuses TruncatePath
    // with AllowTruncateQueryString false.
    fn check_truncation(&self) -> Result<(), ValidationError> {
        if self.truncate_path == Some(true) && self.allow_truncate_query_string == Some(false) {
            return Err(ValidationError::invalid(
                "truncate_path",
                "true",
                "needs allow_truncate_query_string true",
            ));
        }
        Ok(())
    }
}

/// Sets a bucket's Referer whitelist and blacklist, replacing what it had.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketReferer};
/// let op = PutBucketReferer::new("examplebucket", false, ["https://www.example.com", "https://*.example.org"]);
/// let req = op.to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<RefererConfiguration><AllowEmptyReferer>false</AllowEmptyReferer><RefererList>\
///       <Referer>https://www.example.com</Referer><Referer>https://*.example.org</Referer>\
///       </RefererList></RefererConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketReferer", method = "PUT", sub_resource = "referer", output = EmptyOutput)]
pub struct PutBucketReferer {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The configuration.
    #[oss(document, required)]
    pub referer_configuration: RefererConfiguration,
}

impl PutBucketReferer {
    /// A whitelist of `referers` on `bucket`; `allow_empty` admits requests without one.
    pub fn new<I, S>(bucket: impl Into<String>, allow_empty: bool, referers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        PutBucketReferer {
            bucket: bucket.into(),
            referer_configuration: RefererConfiguration {
                allow_empty_referer: allow_empty,
                referer_list: Some(RefererList {
                    referers: referers.into_iter().map(Into::into).collect(),
                }),
                ..RefererConfiguration::default()
            },
        }
    }
}

/// Reads a bucket's Referer configuration.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketReferer", method = "GET", sub_resource = "referer", output = GetBucketRefererOutput)]
pub struct GetBucketReferer {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketReferer {
    /// The Referer configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketReferer {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketReferer`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketRefererOutput {
    /// The configuration.
    #[oss(document)]
    pub referer_configuration: Option<RefererConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
