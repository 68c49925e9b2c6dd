//! Fetching a URL into a bucket in the background: PostAsyncFetch and GetAsyncFetch
//! (`/?asyncFetch` with an `AsyncFetchTaskConfiguration` document, then the task by
//! `x-oss-task-id`).
//!
//! alibabacloud-oss-v2 does not have these; ali-oss's `postAsyncFetch` / `getAsyncFetch`
//! requests are the reference.

use super::common::StorageClass;
use super::decl::Oss;
use crate::error::ValidationError;

/// An `http://` or `https://` URL.
fn fetch_url(url: &str) -> Result<(), ValidationError> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    match rest {
        Some(r) if !r.is_empty() => Ok(()),
        _ => Err(ValidationError::invalid(
            "url",
            url,
            "must be an http:// or https:// URL",
        )),
    }
}

/// The `AsyncFetchTaskConfiguration` document: what to fetch and where to put it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "AsyncFetchTaskConfiguration")]
pub struct AsyncFetchTaskConfiguration {
    /// The source URL (`http://` or `https://`).
    #[oss(xml = "Url", required, validate = fetch_url)]
    pub url: String,
    /// The object key to write.
    #[oss(xml = "Object", required, validate = crate::validate::object_key)]
    pub object: String,
    /// The `Host` header to fetch with.
    #[oss(xml = "Host")]
    pub host: Option<String>,
    /// The source's expected MD5 (base64); the task fails on a mismatch.
    #[oss(xml = "ContentMD5")]
    pub content_md5: Option<String>,
    /// A callback (base64 JSON, as for PutObject) sent when the task ends.
    #[oss(xml = "Callback")]
    pub callback: Option<String>,
    /// The new object's storage class.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<StorageClass>,
    /// Skip the fetch when the object already exists (ali-oss's default: true).
    #[oss(xml = "IgnoreSameKey")]
    pub ignore_same_key: Option<bool>,
}

/// Starts a task that fetches a URL into an object: `POST /?asyncFetch`.
///
/// ```
/// use ossio_core::ops::{AsyncFetchTaskConfiguration, Operation, PostAsyncFetch};
/// let req = PostAsyncFetch::new("examplebucket", "https://example.com/a.jpg", "a.jpg")
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("asyncFetch"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<AsyncFetchTaskConfiguration><Url>https://example.com/a.jpg</Url>\
///       <Object>a.jpg</Object></AsyncFetchTaskConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PostAsyncFetch", method = "POST", sub_resource = "asyncFetch", output = PostAsyncFetchOutput)]
pub struct PostAsyncFetch {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// What to fetch, and where to.
    #[oss(document, required)]
    pub async_fetch_task_configuration: AsyncFetchTaskConfiguration,
}

impl PostAsyncFetch {
    /// Fetches `url` into `bucket`/`object`.
    pub fn new(
        bucket: impl Into<String>,
        url: impl Into<String>,
        object: impl Into<String>,
    ) -> Self {
        PostAsyncFetch {
            bucket: bucket.into(),
            async_fetch_task_configuration: AsyncFetchTaskConfiguration {
                url: url.into(),
                object: object.into(),
                ..Default::default()
            },
        }
    }
}

/// The result of [`PostAsyncFetch`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "AsyncFetchTaskResult")]
pub struct PostAsyncFetchOutput {
    /// The task's id, for [`GetAsyncFetch`].
    #[oss(xml = "TaskId", required)]
    pub task_id: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads the state of a fetch task: `GET /?asyncFetch` with `x-oss-task-id`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetAsyncFetch", method = "GET", sub_resource = "asyncFetch", output = GetAsyncFetchOutput)]
pub struct GetAsyncFetch {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The task's id, from [`PostAsyncFetch`].
    #[oss(header = "x-oss-task-id", required)]
    pub task_id: String,
}

impl GetAsyncFetch {
    /// Task `task_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, task_id: impl Into<String>) -> Self {
        GetAsyncFetch {
            bucket: bucket.into(),
            task_id: task_id.into(),
        }
    }
}

/// A fetch task as OSS reports it (the configuration it was started with).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct AsyncFetchTaskInfo {
    /// The source URL.
    #[oss(xml = "Url")]
    pub url: String,
    /// The object key.
    #[oss(xml = "Object")]
    pub object: String,
    /// The `Host` header used.
    #[oss(xml = "Host")]
    pub host: Option<String>,
    /// The expected MD5.
    #[oss(xml = "ContentMD5")]
    pub content_md5: Option<String>,
    /// The callback.
    #[oss(xml = "Callback")]
    pub callback: Option<String>,
    /// The storage class.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<String>,
    /// Whether an existing object is left alone.
    #[oss(xml = "IgnoreSameKey")]
    pub ignore_same_key: Option<bool>,
}

/// The result of [`GetAsyncFetch`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "AsyncFetchTaskInfo")]
pub struct GetAsyncFetchOutput {
    /// The task's id.
    #[oss(xml = "TaskId")]
    pub task_id: String,
    /// `Running`, `Retry`, `FetchSuccessCallbackFailed`, `Failed` or `Success`.
    #[oss(xml = "State")]
    pub state: String,
    /// Why the task failed, when it did.
    #[oss(xml = "ErrorMsg", empty_none)]
    pub error_msg: Option<String>,
    /// The task's configuration.
    #[oss(xml = "TaskInfo")]
    pub task_info: Option<AsyncFetchTaskInfo>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
