//! Batch operations: jobs that apply one operation (tagging, ACL, restore) to many objects,
//! on the service host: CreateJob (`POST /?batchJob` with a `CreateJobRequest` document),
//! DescribeJob (`GET /?batchJob&batchJobId=`), ListJobs (`GET /?batchJob`),
//! UpdateJobPriority (`POST /?batchJobPriority`) and UpdateJobStatus
//! (`POST /?batchJobStatus`). Shapes as in Go v2's `api_op_batch_operations.go`;
//! alibabacloud-oss-v2 (Python) has none of these.

use super::Operation;
use super::RestoreTier;
use super::Tagging;
use super::decl::Oss;
use crate::acl::ObjectAcl;

wire_enum! {
    /// The status a job is asked to move to.
    pub enum RequestedJobStatus("requested job status") {
        /// Start a job created with `ConfirmationRequired`.
        Ready = "Ready",
        /// Cancel the job.
        Cancelled = "Cancelled",
    }
}

/// `PutObjectAcl` of a job: the ACL to set on every object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobPutObjectAcl {
    /// The object ACL.
    #[oss(xml = "ObjectAcl")]
    pub object_acl: Option<ObjectAcl>,
}

/// `RestoreObject` of a job: how every archived object is restored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobRestoreObject {
    /// How many days the restored copy stays.
    #[oss(xml = "Days")]
    pub days: Option<u32>,
    /// The restore priority.
    #[oss(xml = "Tier")]
    pub tier: Option<RestoreTier>,
}

/// `Operation`: what a job does to each object (exactly one of these is set).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobOperation {
    /// Replace each object's tags.
    #[oss(xml = "PutObjectTagging")]
    pub put_object_tagging: Option<Tagging>,
    /// Remove each object's tags (an empty element).
    #[oss(xml = "DeleteObjectTagging")]
    pub delete_object_tagging: Option<String>,
    /// Add tags to each object's.
    #[oss(xml = "AddObjectTagging")]
    pub add_object_tagging: Option<Tagging>,
    /// Set each object's ACL.
    #[oss(xml = "PutObjectAcl")]
    pub put_object_acl: Option<JobPutObjectAcl>,
    /// Restore each archived object.
    #[oss(xml = "RestoreObject")]
    pub restore_object: Option<JobRestoreObject>,
}

/// `Report`: where and what a job reports when it ends.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobReport {
    /// The bucket the report is written to.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// Whether a report is written.
    #[oss(xml = "Enabled")]
    pub enabled: Option<bool>,
    /// The report's key prefix.
    #[oss(xml = "Prefix")]
    pub prefix: Option<String>,
    /// Which tasks are reported (`AllTasks`, `FailedTasksOnly`).
    #[oss(xml = "ReportScope")]
    pub report_scope: Option<String>,
}

/// `Location`: the manifest object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobManifestLocation {
    /// The manifest's ETag.
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// The manifest's bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// The manifest's key.
    #[oss(xml = "Object")]
    pub object: Option<String>,
    /// The manifest's version.
    #[oss(xml = "VersionId")]
    pub version_id: Option<String>,
}

/// `Spec`: the manifest's format.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobManifestSpec {
    /// The CSV columns (`Bucket,Key`).
    #[oss(xml = "Fields")]
    pub fields: Option<String>,
    /// The format (`OSS_BatchOperations_CSV_20250611`).
    #[oss(xml = "Format")]
    pub format: Option<String>,
}

/// `Manifest`: the object listing the job's objects.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobManifest {
    /// Where the manifest is.
    #[oss(xml = "Location")]
    pub location: Option<JobManifestLocation>,
    /// Its format.
    #[oss(xml = "Spec")]
    pub spec: Option<JobManifestSpec>,
}

/// `KeyPrefixManifestGenerator`: the job's objects as the keys under a prefix, instead of
/// a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct KeyPrefixManifestGenerator {
    /// The bucket the objects are in.
    #[oss(xml = "SourceBucket")]
    pub source_bucket: Option<String>,
    /// The key prefix.
    #[oss(xml = "Prefix")]
    pub prefix: Option<String>,
}

/// The `CreateJobRequest` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CreateJobRequest")]
pub struct CreateJobConfig {
    /// Whether the job waits for UpdateJobStatus `Ready` before it runs.
    #[oss(xml = "ConfirmationRequired")]
    pub confirmation_required: Option<bool>,
    /// What the job does.
    #[oss(xml = "Operation")]
    pub operation: Option<JobOperation>,
    /// The completion report.
    #[oss(xml = "Report")]
    pub report: Option<JobReport>,
    /// An idempotency token.
    #[oss(xml = "ClientRequestToken")]
    pub client_request_token: Option<String>,
    /// The objects, from a manifest.
    #[oss(xml = "Manifest")]
    pub manifest: Option<JobManifest>,
    /// The objects, by key prefix.
    #[oss(xml = "KeyPrefixManifestGenerator")]
    pub key_prefix_manifest_generator: Option<KeyPrefixManifestGenerator>,
    /// A description.
    #[oss(xml = "Description")]
    pub description: Option<String>,
    /// The priority (higher runs first).
    #[oss(xml = "Priority")]
    pub priority: Option<u32>,
    /// The RAM role the job acts as.
    #[oss(xml = "RoleArn")]
    pub role_arn: Option<String>,
}

/// `Timers` of a job's progress.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobTimers {
    /// Seconds the job has been active.
    #[oss(xml = "ElapsedTimeInActiveSeconds")]
    pub elapsed_time_in_active_seconds: Option<u64>,
}

/// `ProgressSummary` of a job. The counts are text: OSS writes `-1` while a count is
/// not known yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobProgressSummary {
    /// Tasks failed (`-1`: not known yet).
    #[oss(xml = "NumberOfTasksFailed")]
    pub number_of_tasks_failed: Option<String>,
    /// Tasks succeeded (`-1`: not known yet).
    #[oss(xml = "NumberOfTasksSucceeded")]
    pub number_of_tasks_succeeded: Option<String>,
    /// Timing.
    #[oss(xml = "Timers")]
    pub timers: Option<JobTimers>,
    /// Tasks in all (`-1`: not known yet).
    #[oss(xml = "TotalNumberOfTasks")]
    pub total_number_of_tasks: Option<String>,
}

/// `JobFailure`: why a job failed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobFailure {
    /// The failure code.
    #[oss(xml = "FailureCode")]
    pub failure_code: Option<String>,
    /// The failure text.
    #[oss(xml = "FailureReason")]
    pub failure_reason: Option<String>,
}

/// `FailureReasons` of a job.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobFailureReasons {
    /// The failure.
    #[oss(xml = "JobFailure")]
    pub job_failure: Option<JobFailure>,
}

/// `Job`: a job as DescribeJob returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct Job {
    /// Whether the job waits for confirmation.
    #[oss(xml = "ConfirmationRequired")]
    pub confirmation_required: Option<bool>,
    /// When it was created (Unix seconds).
    #[oss(xml = "CreationTime")]
    pub creation_time: Option<u64>,
    /// Its id.
    #[oss(xml = "JobId")]
    pub job_id: Option<String>,
    /// What it does.
    #[oss(xml = "Operation")]
    pub operation: Option<JobOperation>,
    /// Its report.
    #[oss(xml = "Report")]
    pub report: Option<JobReport>,
    /// Its manifest.
    #[oss(xml = "Manifest")]
    pub manifest: Option<JobManifest>,
    /// Its description.
    #[oss(xml = "Description")]
    pub description: Option<String>,
    /// Its priority.
    #[oss(xml = "Priority")]
    pub priority: Option<u32>,
    /// The RAM role it acts as.
    #[oss(xml = "RoleArn")]
    pub role_arn: Option<String>,
    /// Why its status last changed.
    #[oss(xml = "StatusUpdateReason")]
    pub status_update_reason: Option<String>,
    /// Its progress.
    #[oss(xml = "ProgressSummary")]
    pub progress_summary: Option<JobProgressSummary>,
    /// Its objects, by key prefix.
    #[oss(xml = "KeyPrefixManifestGenerator")]
    pub key_prefix_manifest_generator: Option<KeyPrefixManifestGenerator>,
    /// Why it failed.
    #[oss(xml = "FailureReasons")]
    pub failure_reasons: Option<JobFailureReasons>,
    /// Its status (`Active`, `Complete`, `Failed`, ...).
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// When it ended (Unix seconds).
    #[oss(xml = "TerminationDate")]
    pub termination_date: Option<u64>,
}

/// `JobListDescriptor`: a job as ListJobs lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JobListDescriptor {
    /// When it was created (Unix seconds).
    #[oss(xml = "CreationTime")]
    pub creation_time: Option<u64>,
    /// Its description.
    #[oss(xml = "Description")]
    pub description: Option<String>,
    /// Its id.
    #[oss(xml = "JobId")]
    pub job_id: Option<String>,
    /// Its operation's name (`PutObjectAcl`).
    #[oss(xml = "Operation")]
    pub operation: Option<String>,
    /// Its priority.
    #[oss(xml = "Priority")]
    pub priority: Option<u32>,
    /// Its status.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// Its progress.
    #[oss(xml = "ProgressSummary")]
    pub progress_summary: Option<JobProgressSummary>,
    /// When it ended (Unix seconds).
    #[oss(xml = "TerminationDate")]
    pub termination_date: Option<u64>,
}

/// `Jobs`: one page of ListJobs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct Jobs {
    /// The jobs.
    #[oss(xml = "JobListDescriptor")]
    pub job_list_descriptor: Vec<JobListDescriptor>,
}

/// Creates a batch job.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CreateJob", method = "POST", sub_resource = "batchJob", output = CreateJobOutput)]
pub struct CreateJob {
    /// The job.
    #[oss(document, required)]
    pub create_job: CreateJobConfig,
}

/// The result of [`CreateJob`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CreateJobResult")]
pub struct CreateJobOutput {
    /// The new job's id.
    #[oss(xml = "JobId")]
    pub job_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Describes one batch job.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DescribeJob", method = "GET", sub_resource = "batchJob", output = DescribeJobOutput)]
pub struct DescribeJob {
    /// The job id.
    #[oss(query = "batchJobId", required)]
    pub batch_job_id: String,
}

/// The result of [`DescribeJob`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "DescribeJobResult")]
pub struct DescribeJobOutput {
    /// The job.
    #[oss(xml = "Job")]
    pub job: Option<Job>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Lists the account's batch jobs, one page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "ListJobs", method = "GET", sub_resource = "batchJob", output = ListJobsOutput)]
pub struct ListJobs {
    /// Only jobs in these statuses (`Active | Cancelled`).
    #[oss(query = "batchJobStatuses")]
    pub batch_job_statuses: Option<String>,
    /// Page size (1 to 1000; OSS's default 100).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
    /// The previous page's `NextToken`.
    #[oss(query = "continuation-token")]
    pub continuation_token: Option<String>,
}

/// One page of [`ListJobs`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListJobsResult")]
pub struct ListJobsOutput {
    /// The jobs of this page.
    #[oss(xml = "Jobs")]
    pub jobs: Option<Jobs>,
    /// The token of the next page; absent on the last.
    #[oss(xml = "NextToken", empty_none)]
    pub next_token: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

// ListJobs says "more" only by a `NextToken`; there is no `IsTruncated`.
impl crate::paginate::Paginated for ListJobs {
    type Item = JobListDescriptor;

    fn next_token(output: &<Self as Operation>::Output) -> Option<String> {
        output.next_token.clone().filter(|t| !t.is_empty())
    }

    fn with_token(&self, token: String) -> Self {
        ListJobs {
            continuation_token: Some(token),
            ..self.clone()
        }
    }

    fn items(output: <Self as Operation>::Output) -> Vec<Self::Item> {
        output
            .jobs
            .map(|j| j.job_list_descriptor)
            .unwrap_or_default()
    }
}

/// Changes a job's priority.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "UpdateJobPriority", method = "POST", sub_resource = "batchJobPriority", output = UpdateJobPriorityOutput)]
pub struct UpdateJobPriority {
    /// The job id.
    #[oss(query = "batchJobId", required)]
    pub batch_job_id: String,
    /// The new priority.
    #[oss(query = "targetPriority", required)]
    pub target_priority: u32,
}

/// The result of [`UpdateJobPriority`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "UpdateJobPriorityResult")]
pub struct UpdateJobPriorityOutput {
    /// The job id.
    #[oss(xml = "JobId")]
    pub job_id: Option<String>,
    /// Its priority now.
    #[oss(xml = "Priority")]
    pub priority: Option<u32>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Confirms (`Ready`) or cancels (`Cancelled`) a job.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "UpdateJobStatus", method = "POST", sub_resource = "batchJobStatus", output = UpdateJobStatusOutput)]
pub struct UpdateJobStatus {
    /// The job id.
    #[oss(query = "batchJobId", required)]
    pub batch_job_id: String,
    /// The status to move to.
    #[oss(query = "requestedJobStatus", required)]
    pub requested_job_status: RequestedJobStatus,
    /// Why.
    #[oss(query = "statusUpdateReason")]
    pub status_update_reason: Option<String>,
}

/// The result of [`UpdateJobStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "UpdateJobStatusResult")]
pub struct UpdateJobStatusOutput {
    /// The job id.
    #[oss(xml = "JobId")]
    pub job_id: Option<String>,
    /// Its status now.
    #[oss(xml = "Status")]
    pub job_status: Option<String>,
    /// Why it changed.
    #[oss(xml = "StatusUpdateReason")]
    pub status_update_reason: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paginate::Pages;
    use crate::request::{Method, Request};

    const ROLE: &str = "acs:ram::1234567890:role/oss-sdk-batch-test";

    fn query(req: &Request) -> Vec<(&str, Option<&str>)> {
        req.query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect()
    }

    fn assert_xml_request(req: &Request, body: &str) {
        assert_eq!(req.headers.get("Content-Type"), Some("application/xml"));
        assert_eq!(
            req.headers.get("Content-MD5"),
            Some(super::super::content_md5(body.as_bytes()).as_str())
        );
        assert_eq!(req.headers.len(), 2);
        assert_eq!(req.body.as_bytes().unwrap(), body.as_bytes());
    }

    #[test]
    fn create_job_by_prefix() {
        let op = CreateJob {
            create_job: CreateJobConfig {
                operation: Some(JobOperation {
                    delete_object_tagging: Some(String::new()),
                    ..Default::default()
                }),
                key_prefix_manifest_generator: Some(KeyPrefixManifestGenerator {
                    source_bucket: Some("bucket".into()),
                    prefix: Some("batch-manifests/".into()),
                }),
                report: Some(JobReport {
                    bucket: Some("bucket".into()),
                    enabled: Some(true),
                    prefix: Some("batch-reports/".into()),
                    report_scope: Some("AllTasks".into()),
                }),
                priority: Some(10),
                role_arn: Some(ROLE.into()),
                ..Default::default()
            },
        };
        let req = op.to_request().unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.bucket, None);
        assert_eq!(query(&req), vec![("batchJob", None)]);
        // Go v2's expected body, byte for byte.
        assert_xml_request(
            &req,
            "<CreateJobRequest><Operation><DeleteObjectTagging></DeleteObjectTagging></Operation>\
<Report><Bucket>bucket</Bucket><Enabled>true</Enabled><Prefix>batch-reports/</Prefix>\
<ReportScope>AllTasks</ReportScope></Report><KeyPrefixManifestGenerator>\
<SourceBucket>bucket</SourceBucket><Prefix>batch-manifests/</Prefix>\
</KeyPrefixManifestGenerator><Priority>10</Priority>\
<RoleArn>acs:ram::1234567890:role/oss-sdk-batch-test</RoleArn></CreateJobRequest>",
        );
    }

    #[test]
    fn create_job_by_manifest() {
        let op = CreateJob {
            create_job: CreateJobConfig {
                operation: Some(JobOperation {
                    put_object_tagging: Some(Tagging::new([super::super::Tag {
                        key: Some("key1".into()),
                        value: Some("value1".into()),
                    }])),
                    ..Default::default()
                }),
                client_request_token: Some("unique-token-123".into()),
                manifest: Some(JobManifest {
                    location: Some(JobManifestLocation {
                        etag: Some("d41d8cd98f00b204e9800998ecf8427e".into()),
                        bucket: Some("manifest-bucket".into()),
                        object: Some("manifest.csv".into()),
                        version_id: None,
                    }),
                    spec: Some(JobManifestSpec {
                        fields: Some("Bucket,Key".into()),
                        format: Some("OSS_BatchOperations_CSV_20250611".into()),
                    }),
                }),
                description: Some("批量设置对象标签任务".into()),
                priority: Some(10),
                role_arn: Some(ROLE.into()),
                ..Default::default()
            },
        };
        let req = op.to_request().unwrap();
        assert_xml_request(
            &req,
            "<CreateJobRequest><Operation><PutObjectTagging><TagSet><Tag><Key>key1</Key>\
<Value>value1</Value></Tag></TagSet></PutObjectTagging></Operation>\
<ClientRequestToken>unique-token-123</ClientRequestToken><Manifest><Location>\
<ETag>d41d8cd98f00b204e9800998ecf8427e</ETag><Bucket>manifest-bucket</Bucket>\
<Object>manifest.csv</Object></Location><Spec><Fields>Bucket,Key</Fields>\
<Format>OSS_BatchOperations_CSV_20250611</Format></Spec></Manifest>\
<Description>批量设置对象标签任务</Description><Priority>10</Priority>\
<RoleArn>acs:ram::1234567890:role/oss-sdk-batch-test</RoleArn></CreateJobRequest>",
        );
    }

    #[test]
    fn describe_job() {
        let req = DescribeJob {
            batch_job_id: "MzRjZGU2NGQ3YTY5NGRhMTkxZmZhYzY5OTM5YTcxYWU".into(),
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.bucket, None);
        assert_eq!(
            query(&req),
            vec![
                ("batchJob", None),
                (
                    "batchJobId",
                    Some("MzRjZGU2NGQ3YTY5NGRhMTkxZmZhYzY5OTM5YTcxYWU")
                )
            ]
        );
        assert!(req.headers.is_empty());
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn describe_job_result() {
        let xml = "<DescribeJobResult><Job><ConfirmationRequired>false</ConfirmationRequired>\
<CreationTime>1749983400</CreationTime><JobId>testJob123</JobId><Operation><RestoreObject>\
<Days>7</Days><Tier>Standard</Tier></RestoreObject></Operation><Priority>10</Priority>\
<ProgressSummary><NumberOfTasksFailed>-1</NumberOfTasksFailed><Timers>\
<ElapsedTimeInActiveSeconds>3600</ElapsedTimeInActiveSeconds></Timers></ProgressSummary>\
<FailureReasons><JobFailure><FailureCode>InternalError</FailureCode>\
<FailureReason>Internal service error</FailureReason></JobFailure></FailureReasons>\
<Status>Failed</Status><TerminationDate>1749987000</TerminationDate></Job></DescribeJobResult>";
        let out = DescribeJobOutput::from_xml(xml.as_bytes()).unwrap();
        let job = out.job.unwrap();
        assert_eq!(job.confirmation_required, Some(false));
        assert_eq!(job.creation_time, Some(1749983400));
        let restore = job.operation.unwrap().restore_object.unwrap();
        assert_eq!(
            (restore.days, restore.tier),
            (Some(7), Some(RestoreTier::Standard))
        );
        let progress = job.progress_summary.unwrap();
        assert_eq!(progress.number_of_tasks_failed.as_deref(), Some("-1"));
        assert_eq!(
            progress.timers.unwrap().elapsed_time_in_active_seconds,
            Some(3600)
        );
        let failure = job.failure_reasons.unwrap().job_failure.unwrap();
        assert_eq!(failure.failure_code.as_deref(), Some("InternalError"));
        assert_eq!(job.status.as_deref(), Some("Failed"));
    }

    #[test]
    fn list_jobs() {
        let req = ListJobs {
            batch_job_statuses: Some("Active | Cancelled | Cancelling".into()),
            max_keys: Some(100),
            continuation_token: Some("token".into()),
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.bucket, None);
        assert_eq!(
            query(&req),
            vec![
                ("batchJob", None),
                ("batchJobStatuses", Some("Active | Cancelled | Cancelling")),
                ("max-keys", Some("100")),
                ("continuation-token", Some("token"))
            ]
        );
        assert!(req.headers.is_empty());
        let too_many = ListJobs {
            max_keys: Some(1001),
            ..Default::default()
        };
        assert!(
            too_many
                .to_request()
                .unwrap_err()
                .to_string()
                .contains("max_keys")
        );
    }

    #[test]
    fn list_jobs_pages_follow_next_token() {
        let xml = "<ListJobsResult><NextToken>OTY2NzU4</NextToken><Jobs><JobListDescriptor>\
<CreationTime>1785825069</CreationTime><JobId>a</JobId><Operation>DeleteObjectTagging</Operation>\
<Priority>20</Priority><Status>Failed</Status></JobListDescriptor></Jobs></ListJobsResult>";
        let out = ListJobsOutput::from_xml(xml.as_bytes()).unwrap();
        assert_eq!(out.jobs.as_ref().unwrap().job_list_descriptor.len(), 1);
        let mut pages = Pages::new(ListJobs::default());
        pages.feed(&out).unwrap();
        assert_eq!(
            pages.next_op().unwrap().continuation_token.as_deref(),
            Some("OTY2NzU4")
        );
        pages.feed(&ListJobsOutput::default()).unwrap();
        assert!(pages.is_done());
    }

    #[test]
    fn update_job_priority() {
        let req = UpdateJobPriority {
            batch_job_id: "testBatchJobId".into(),
            target_priority: 10,
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.bucket, None);
        assert_eq!(
            query(&req),
            vec![
                ("batchJobPriority", None),
                ("batchJobId", Some("testBatchJobId")),
                ("targetPriority", Some("10"))
            ]
        );
        assert!(req.headers.is_empty());
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn update_job_status() {
        let req = UpdateJobStatus {
            batch_job_id: "testBatchJobId".into(),
            requested_job_status: RequestedJobStatus::Cancelled,
            status_update_reason: Some("User requested cancellation".into()),
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.bucket, None);
        assert_eq!(
            query(&req),
            vec![
                ("batchJobStatus", None),
                ("batchJobId", Some("testBatchJobId")),
                ("requestedJobStatus", Some("Cancelled")),
                ("statusUpdateReason", Some("User requested cancellation"))
            ]
        );
        assert!(req.headers.is_empty());
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }
}
