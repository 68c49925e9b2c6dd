//! DoDataPipelineAction: `POST /?dataPipeline&action=...` on the service endpoint, with the
//! body the action takes.

use super::decl::Oss;

/// Runs a named data pipeline action, with the body the action takes.
///
/// ```
/// use ossio_core::ops::{DoDataPipelineAction, Operation};
/// let op = DoDataPipelineAction {
///     action: "ListDataPipelines".into(),
///     body: "<ListDataPipelines/>".into(),
/// };
/// let req = op.to_request().unwrap();
/// assert_eq!(req.bucket, None);
/// assert_eq!(req.query_value("action"), Some(Some("ListDataPipelines")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DoDataPipelineAction",
    method = "POST",
    sub_resource = "dataPipeline",
    output = DoDataPipelineActionOutput
)]
pub struct DoDataPipelineAction {
    /// The action's name.
    #[oss(query = "action", required)]
    pub action: String,
    /// The action's request body, sent as is.
    #[oss(body, md5, content_type = "application/xml")]
    pub body: String,
}

/// The result of [`DoDataPipelineAction`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct DoDataPipelineActionOutput {
    /// The response body, as OSS sent it.
    #[oss(body)]
    pub body: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
