"""Differential cases: operations only Go v2 has (Anti-DDoS instances, batch jobs).

alibabacloud-oss-v2 (Python) has none of them, so there is nothing to compare against; the
requests are checked against Go v2's expectations in the Rust unit tests of
crates/ossio-core/src/ops/anti_ddos.rs and batch_job.rs.
"""

CASES = []

NOT_IN_V2 = {
    "GetUserAntiDDosInfo",
    "InitBucketAntiDDosInfo",
    "InitUserAntiDDosInfo",
    "ListBucketAntiDDosInfo",
    "UpdateBucketAntiDDosInfo",
    "UpdateUserAntiDDosInfo",
    "CreateJob",
    "DescribeJob",
    "ListJobs",
    "UpdateJobPriority",
    "UpdateJobStatus",
}
