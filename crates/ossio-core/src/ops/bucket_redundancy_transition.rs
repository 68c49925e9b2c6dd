//! Redundancy type changes (LRS to ZRS): CreateBucketDataRedundancyTransition,
//! GetBucketDataRedundancyTransition, DeleteBucketDataRedundancyTransition,
//! ListBucketDataRedundancyTransition (`/?redundancyTransition` on a bucket) and
//! ListUserDataRedundancyTransition (on the service host, paged).

use super::Operation;
use super::common::{DataRedundancyType, EmptyOutput};
use super::decl::Oss;
use crate::error::ValidationError;

fn validate_task_id(v: &str) -> Result<(), ValidationError> {
    if v.trim().is_empty() {
        return Err(ValidationError::invalid(
            "redundancy_transition_taskid",
            v,
            "must not be empty",
        ));
    }
    Ok(())
}

/// One redundancy type change task.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "BucketDataRedundancyTransition")]
pub struct BucketDataRedundancyTransition {
    /// The bucket (in account-wide listings).
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// The task id.
    #[oss(xml = "TaskId")]
    pub task_id: Option<String>,
    /// `Queueing`, `Processing` or `Finished`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// When the task was created (ISO 8601).
    #[oss(xml = "CreateTime")]
    pub create_time: Option<String>,
    /// When it started (`Processing` and `Finished`).
    #[oss(xml = "StartTime")]
    pub start_time: Option<String>,
    /// When it ended (`Finished`).
    #[oss(xml = "EndTime")]
    pub end_time: Option<String>,
    /// Progress in percent (`Processing` and `Finished`).
    #[oss(xml = "ProcessPercentage")]
    pub process_percentage: Option<u32>,
    /// Estimated hours left (`Processing` and `Finished`).
    #[oss(xml = "EstimatedRemainingTime")]
    pub estimated_remaining_time: Option<u64>,
}

/// The `ListBucketDataRedundancyTransition` document: one page of tasks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListBucketDataRedundancyTransition")]
pub struct DataRedundancyTransitionList {
    /// The tasks.
    #[oss(xml = "BucketDataRedundancyTransition")]
    pub bucket_data_redundancy_transition: Vec<BucketDataRedundancyTransition>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: Option<bool>,
    /// Token for the next page.
    #[oss(xml = "NextContinuationToken", empty_none)]
    pub next_continuation_token: Option<String>,
}

/// Starts changing a bucket's redundancy type (only to `ZRS`, from `LRS`).
///
/// ```
/// use ossio_core::ops::{CreateBucketDataRedundancyTransition, DataRedundancyType, Operation};
/// let req = CreateBucketDataRedundancyTransition::new("examplebucket", DataRedundancyType::Zrs)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("x-oss-target-redundancy-type"), Some(Some("ZRS")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CreateBucketDataRedundancyTransition", method = "POST", sub_resource = "redundancyTransition", output = CreateBucketDataRedundancyTransitionOutput)]
pub struct CreateBucketDataRedundancyTransition {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The redundancy type to change to.
    #[oss(query = "x-oss-target-redundancy-type", required)]
    pub target_redundancy_type: DataRedundancyType,
}

impl CreateBucketDataRedundancyTransition {
    /// Changes `bucket` to `target`.
    pub fn new(bucket: impl Into<String>, target: DataRedundancyType) -> Self {
        CreateBucketDataRedundancyTransition {
            bucket: bucket.into(),
            target_redundancy_type: target,
        }
    }
}

/// The result of [`CreateBucketDataRedundancyTransition`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct CreateBucketDataRedundancyTransitionOutput {
    /// The task created (its `task_id`).
    #[oss(document)]
    pub bucket_data_redundancy_transition: Option<BucketDataRedundancyTransition>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads one redundancy type change task of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketDataRedundancyTransition", method = "GET", sub_resource = "redundancyTransition", output = GetBucketDataRedundancyTransitionOutput)]
pub struct GetBucketDataRedundancyTransition {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The task id.
    #[oss(query = "x-oss-redundancy-transition-taskid", required, validate = validate_task_id)]
    pub redundancy_transition_taskid: String,
}

impl GetBucketDataRedundancyTransition {
    /// Task `task_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, task_id: impl Into<String>) -> Self {
        GetBucketDataRedundancyTransition {
            bucket: bucket.into(),
            redundancy_transition_taskid: task_id.into(),
        }
    }
}

/// The result of [`GetBucketDataRedundancyTransition`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketDataRedundancyTransitionOutput {
    /// The task.
    #[oss(document)]
    pub bucket_data_redundancy_transition: Option<BucketDataRedundancyTransition>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes a redundancy type change task that has not started.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketDataRedundancyTransition", method = "DELETE", sub_resource = "redundancyTransition", output = EmptyOutput)]
pub struct DeleteBucketDataRedundancyTransition {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The task id.
    #[oss(query = "x-oss-redundancy-transition-taskid", required, validate = validate_task_id)]
    pub redundancy_transition_taskid: String,
}

impl DeleteBucketDataRedundancyTransition {
    /// Task `task_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, task_id: impl Into<String>) -> Self {
        DeleteBucketDataRedundancyTransition {
            bucket: bucket.into(),
            redundancy_transition_taskid: task_id.into(),
        }
    }
}

/// Lists the redundancy type change tasks of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListBucketDataRedundancyTransition", method = "GET", sub_resource = "redundancyTransition", output = ListBucketDataRedundancyTransitionOutput)]
pub struct ListBucketDataRedundancyTransition {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl ListBucketDataRedundancyTransition {
    /// The tasks of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListBucketDataRedundancyTransition {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`ListBucketDataRedundancyTransition`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ListBucketDataRedundancyTransitionOutput {
    /// The tasks.
    #[oss(document)]
    pub list_bucket_data_redundancy_transition: Option<DataRedundancyTransitionList>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Lists the redundancy type change tasks of the requester's account, one page at a time.
///
/// ```
/// use ossio_core::ops::{ListUserDataRedundancyTransition, Operation};
/// use ossio_core::paginate::Pages;
/// let req = ListUserDataRedundancyTransition::new().max_keys(10).to_request().unwrap();
/// assert_eq!(req.bucket, None);
/// assert!(ListUserDataRedundancyTransition::new().max_keys(101).to_request().is_err());
/// let pages = Pages::new(ListUserDataRedundancyTransition::new());
/// assert!(pages.next_op().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "ListUserDataRedundancyTransition", method = "GET", sub_resource = "redundancyTransition", output = ListUserDataRedundancyTransitionOutput)]
pub struct ListUserDataRedundancyTransition {
    /// Page size (1 to 100).
    #[oss(query = "max-keys", min = 1, max = 100)]
    pub max_keys: Option<u32>,
    /// The previous page's `NextContinuationToken`.
    #[oss(query = "continuation-token")]
    pub continuation_token: Option<String>,
}

impl ListUserDataRedundancyTransition {
    /// Every task of the account.
    pub fn new() -> Self {
        ListUserDataRedundancyTransition::default()
    }

    /// Sets the page size.
    pub fn max_keys(mut self, n: u32) -> Self {
        self.max_keys = Some(n);
        self
    }

    /// Continues after a previous page.
    pub fn continuation_token(mut self, token: impl Into<String>) -> Self {
        self.continuation_token = Some(token.into());
        self
    }
}

/// One page of [`ListUserDataRedundancyTransition`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ListUserDataRedundancyTransitionOutput {
    /// The tasks of this page, with whether more follow.
    #[oss(document)]
    pub list_bucket_data_redundancy_transition: Option<DataRedundancyTransitionList>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

// The page state sits in the nested document (as alibabacloud-oss-v2 shapes the result),
// so the pager reads it there.
impl crate::paginate::Paginated for ListUserDataRedundancyTransition {
    type Item = BucketDataRedundancyTransition;

    fn next_token(output: &<Self as Operation>::Output) -> Option<String> {
        let page = output.list_bucket_data_redundancy_transition.as_ref()?;
        if page.is_truncated == Some(true) {
            page.next_continuation_token.clone()
        } else {
            None
        }
    }

    fn with_token(&self, token: String) -> Self {
        ListUserDataRedundancyTransition {
            continuation_token: Some(token),
            ..self.clone()
        }
    }

    fn items(output: <Self as Operation>::Output) -> Vec<Self::Item> {
        output
            .list_bucket_data_redundancy_transition
            .map(|p| p.bucket_data_redundancy_transition)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paginate::Pages;

    #[test]
    fn pages_follow_the_nested_token() {
        let mut pages = Pages::new(ListUserDataRedundancyTransition::new().max_keys(1));
        let page = |truncated: bool, next: &str| ListUserDataRedundancyTransitionOutput {
            list_bucket_data_redundancy_transition: Some(DataRedundancyTransitionList {
                bucket_data_redundancy_transition: vec![BucketDataRedundancyTransition {
                    task_id: Some("t".into()),
                    ..Default::default()
                }],
                is_truncated: Some(truncated),
                next_continuation_token: Some(next.into()),
            }),
            request_id: "r".into(),
        };
        pages.feed(&page(true, "tok-2")).unwrap();
        let next = pages.next_op().unwrap().to_request().unwrap();
        assert_eq!(next.query_value("continuation-token"), Some(Some("tok-2")));
        pages.feed(&page(false, "")).unwrap();
        assert!(pages.is_done());
    }
}
