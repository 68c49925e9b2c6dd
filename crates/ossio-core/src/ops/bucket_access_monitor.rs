//! Access tracking (last access time, for lifecycle rules): Put/GetBucketAccessMonitor
//! (`/?accessmonitor` with an `AccessMonitorConfiguration` document).

use super::decl::Oss;

wire_enum! {
    /// Whether access tracking is on.
    pub enum AccessMonitorStatusType("access monitor status") {
        /// Last access times are recorded.
        Enabled = "Enabled",
        /// They are not (refused while a lifecycle rule uses them).
        Disabled = "Disabled",
    }
}

/// The `AccessMonitorConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "AccessMonitorConfiguration")]
pub struct AccessMonitorConfiguration {
    /// `Enabled` or `Disabled`.
    #[oss(xml = "Status")]
    pub status: Option<AccessMonitorStatusType>,
}

/// Turns a bucket's access tracking on or off.
///
/// ```
/// use ossio_core::ops::{AccessMonitorStatusType, Operation, PutBucketAccessMonitor};
/// let req = PutBucketAccessMonitor::new("examplebucket", AccessMonitorStatusType::Enabled)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("accessmonitor"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketAccessMonitor",
    method = "PUT",
    sub_resource = "accessmonitor",
    output = super::EmptyOutput
)]
pub struct PutBucketAccessMonitor {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The setting.
    #[oss(document, required)]
    pub access_monitor_configuration: AccessMonitorConfiguration,
}

impl PutBucketAccessMonitor {
    /// Sets access tracking of `bucket` to `status`.
    pub fn new(bucket: impl Into<String>, status: AccessMonitorStatusType) -> Self {
        PutBucketAccessMonitor {
            bucket: bucket.into(),
            access_monitor_configuration: AccessMonitorConfiguration {
                status: Some(status),
            },
        }
    }
}

/// Reads whether a bucket tracks access.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketAccessMonitor",
    method = "GET",
    sub_resource = "accessmonitor",
    output = GetBucketAccessMonitorOutput
)]
pub struct GetBucketAccessMonitor {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketAccessMonitor {
    /// The setting of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketAccessMonitor {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketAccessMonitor`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketAccessMonitorOutput {
    /// The setting.
    #[oss(document)]
    pub access_monitor_configuration: AccessMonitorConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
