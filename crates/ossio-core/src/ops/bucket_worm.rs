//! A bucket's time-based retention policy (WORM): Initiate/Abort/Complete/Extend/GetBucketWorm
//! (`POST /?worm`, `DELETE /?worm`, `POST /?wormId=<id>`, `POST /?wormExtend&wormId=<id>`,
//! `GET /?worm`).

use super::decl::Oss;

/// The longest retention OSS accepts: 70 years, in days.
pub const MAX_WORM_RETENTION_DAYS: u64 = 25_550;

/// The `InitiateWormConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "InitiateWormConfiguration")]
pub struct InitiateWormConfiguration {
    /// How long objects are retained, in days (1 to 25550, 70 years).
    #[oss(xml = "RetentionPeriodInDays", required, min = 1, max = 25550)]
    pub retention_period_in_days: u32,
}

/// Creates an unlocked retention policy; it lapses unless completed within 24 hours.
///
/// ```
/// use ossio_core::ops::{InitiateBucketWorm, Operation};
/// let req = InitiateBucketWorm::new("examplebucket", 365).to_request().unwrap();
/// assert_eq!(req.query_value("worm"), Some(None));
/// assert!(InitiateBucketWorm::new("examplebucket", 25551).to_request().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "InitiateBucketWorm", method = "POST", sub_resource = "worm", output = InitiateBucketWormOutput)]
pub struct InitiateBucketWorm {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The retention period.
    #[oss(document, required)]
    pub initiate_worm_configuration: InitiateWormConfiguration,
}

impl InitiateBucketWorm {
    /// A policy for `bucket` retaining objects for `days` days.
    pub fn new(bucket: impl Into<String>, days: u32) -> Self {
        InitiateBucketWorm {
            bucket: bucket.into(),
            initiate_worm_configuration: InitiateWormConfiguration {
                retention_period_in_days: days,
            },
        }
    }
}

/// The result of [`InitiateBucketWorm`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct InitiateBucketWormOutput {
    /// The new policy's ID (`x-oss-worm-id`).
    #[oss(header = "x-oss-worm-id")]
    pub worm_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes an unlocked retention policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "AbortBucketWorm", method = "DELETE", sub_resource = "worm", output = super::EmptyOutput)]
pub struct AbortBucketWorm {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl AbortBucketWorm {
    /// The unlocked policy of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        AbortBucketWorm {
            bucket: bucket.into(),
        }
    }
}

/// Locks a retention policy: from then on it can only be extended.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CompleteBucketWorm", method = "POST", output = super::EmptyOutput)]
pub struct CompleteBucketWorm {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The policy's ID.
    #[oss(query = "wormId", required)]
    pub worm_id: String,
}

impl CompleteBucketWorm {
    /// Locks policy `worm_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, worm_id: impl Into<String>) -> Self {
        CompleteBucketWorm {
            bucket: bucket.into(),
            worm_id: worm_id.into(),
        }
    }
}

/// The `ExtendWormConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ExtendWormConfiguration")]
pub struct ExtendWormConfiguration {
    /// The new retention period, in days (1 to 25550; longer than the current one).
    #[oss(xml = "RetentionPeriodInDays", required, min = 1, max = 25550)]
    pub retention_period_in_days: u32,
}

/// Lengthens a locked retention policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ExtendBucketWorm", method = "POST", sub_resource = "wormExtend", output = super::EmptyOutput)]
pub struct ExtendBucketWorm {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The policy's ID.
    #[oss(query = "wormId", required)]
    pub worm_id: String,
    /// The new retention period.
    #[oss(document, required)]
    pub extend_worm_configuration: ExtendWormConfiguration,
}

impl ExtendBucketWorm {
    /// Extends policy `worm_id` of `bucket` to `days` days.
    pub fn new(bucket: impl Into<String>, worm_id: impl Into<String>, days: u32) -> Self {
        ExtendBucketWorm {
            bucket: bucket.into(),
            worm_id: worm_id.into(),
            extend_worm_configuration: ExtendWormConfiguration {
                retention_period_in_days: days,
            },
        }
    }
}

/// Reads a bucket's retention policy.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketWorm", method = "GET", sub_resource = "worm", output = GetBucketWormOutput)]
pub struct GetBucketWorm {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketWorm {
    /// The policy of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketWorm {
            bucket: bucket.into(),
        }
    }
}

/// The `WormConfiguration` document: a retention policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "WormConfiguration")]
pub struct WormConfiguration {
    /// The policy's ID.
    #[oss(xml = "WormId")]
    pub worm_id: Option<String>,
    /// `InProgress` (unlocked) or `Locked`.
    #[oss(xml = "State")]
    pub state: Option<String>,
    /// How long objects are retained, in days.
    #[oss(xml = "RetentionPeriodInDays")]
    pub retention_period_in_days: Option<u32>,
    /// When the policy was created (ISO 8601).
    #[oss(xml = "CreationDate")]
    pub creation_date: Option<String>,
    /// When an unlocked policy lapses (ISO 8601).
    #[oss(xml = "ExpirationDate")]
    pub expiration_date: Option<String>,
}

/// The result of [`GetBucketWorm`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketWormOutput {
    /// The policy.
    #[oss(document)]
    pub worm_configuration: WormConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Operation;
    use crate::request::Method;

    #[test]
    fn complete_and_extend_route_apart() {
        let complete = CompleteBucketWorm::new("bucket-1", "w1")
            .to_request()
            .unwrap();
        let extend = ExtendBucketWorm::new("bucket-1", "w1", 400)
            .to_request()
            .unwrap();
        let initiate = InitiateBucketWorm::new("bucket-1", 1).to_request().unwrap();
        let name = |r| crate::ops::route(r).map(|o| o.name);
        assert_eq!(name(&complete), Some("CompleteBucketWorm"));
        assert_eq!(name(&extend), Some("ExtendBucketWorm"));
        assert_eq!(name(&initiate), Some("InitiateBucketWorm"));
        // A bare POST to a bucket is none of them.
        let bare = crate::Request::new(Method::Post).bucket("bucket-1");
        assert_eq!(name(&bare), None);
    }

    #[test]
    fn the_worm_id_is_signed() {
        let req = CompleteBucketWorm::new("bucket-1", "w1")
            .to_request()
            .unwrap();
        assert!(req.sub_resources.iter().any(|s| s == "wormId"));
    }
}
