// Operations only Go v2 has (Anti-DDoS instances, batch jobs): ali-oss 6.23.0 has none of
// them. Their requests are checked against Go v2's expectations in the Rust unit tests
// (crates/ossio-core/src/ops/anti_ddos.rs, batch_job.rs).
'use strict';

exports.BUILT = [];

exports.ABSENT = [
  'GetUserAntiDDosInfo',
  'InitBucketAntiDDosInfo',
  'InitUserAntiDDosInfo',
  'ListBucketAntiDDosInfo',
  'UpdateBucketAntiDDosInfo',
  'UpdateUserAntiDDosInfo',
  'CreateJob',
  'DescribeJob',
  'ListJobs',
  'UpdateJobPriority',
  'UpdateJobStatus',
];
