// Differential cases against ali-oss: bucket configuration (CORS, lifecycle, policy,
// referer, website, logging, encryption, tags).
'use strict';

const B = 'examplebucket';

const POLICY = {
  Version: '1',
  Statement: [{
    Effect: 'Allow',
    Action: ['oss:GetObject', 'oss:ListObjects'],
    Principal: ['20214760404935xxxx'],
    Resource: ['acs:oss:*:174649585760xxxx:examplebucket/*'],
  }],
};

exports.BUILT = [
  // ---- CORS ----
  ['PutBucketCors', {
    bucket: B,
    corsConfiguration: {
      corsRules: [
        { allowedOrigins: ['https://www.example.com', 'https://*.example.org'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['Authorization'], exposeHeaders: ['ETag', 'x-oss-request-id'], maxAgeSeconds: 600 },
        { allowedOrigins: ['*'], allowedMethods: ['HEAD'] },
      ],
    },
  }, (c) => c.putBucketCORS(B, [
    { allowedOrigin: ['https://www.example.com', 'https://*.example.org'], allowedMethod: ['GET', 'PUT'], allowedHeader: 'Authorization', exposeHeader: ['ETag', 'x-oss-request-id'], maxAgeSeconds: 600 },
    { allowedOrigin: '*', allowedMethod: 'HEAD' },
  ])],
  ['GetBucketCors', { bucket: B }, (c) => c.getBucketCORS(B)],
  ['DeleteBucketCors', { bucket: B }, (c) => c.deleteBucketCORS(B)],
  // ---- lifecycle ----
  // ali-oss moves a rule's `id` to the end of the rule's elements (alibabacloud-oss-v2 and
  // ossio write ID after Filter), so the rule compared here has none.
  ['PutBucketLifecycle', {
    bucket: B,
    lifecycleConfiguration: {
      rules: [{
        tags: [{ key: 'team', value: 'storage' }],
        noncurrentVersionExpiration: { noncurrentDays: 60 },
        expiration: { days: 365 },
        transitions: [{ days: 30, storageClass: 'IA' }],
        noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: 'Archive' }],
        prefix: 'logs/',
        status: 'Enabled',
      }],
    },
  }, (c) => c.putBucketLifecycle(B, [{
    tag: [{ key: 'team', value: 'storage' }],
    noncurrentVersionExpiration: { noncurrentDays: 60 },
    expiration: { days: 365 },
    transition: { days: 30, storageClass: 'IA' },
    noncurrentVersionTransition: { noncurrentDays: 30, storageClass: 'Archive' },
    prefix: 'logs/',
    status: 'Enabled',
  }])],
  ['PutBucketLifecycle', {
    bucket: B,
    lifecycleConfiguration: { rules: [{ expiration: { createdBeforeDate: '2024-01-02T00:00:00.000Z' }, prefix: 'tmp/', status: 'Disabled', abortMultipartUpload: { days: 7 } }] },
  }, (c) => c.putBucketLifecycle(B, [{ expiration: { createdBeforeDate: '2024-01-02T00:00:00.000Z' }, prefix: 'tmp/', status: 'Disabled', abortMultipartUpload: { days: 7 } }])],
  ['GetBucketLifecycle', { bucket: B }, (c) => c.getBucketLifecycle(B)],
  ['DeleteBucketLifecycle', { bucket: B }, (c) => c.deleteBucketLifecycle(B)],
  // ---- policy ----
  ['PutBucketPolicy', { bucket: B, body: JSON.stringify(POLICY) }, (c) => c.putBucketPolicy(B, POLICY)],
  ['GetBucketPolicy', { bucket: B }, (c) => c.getBucketPolicy(B)],
  ['DeleteBucketPolicy', { bucket: B }, (c) => c.deleteBucketPolicy(B)],
  // ---- referer ----
  ['PutBucketReferer', {
    bucket: B,
    refererConfiguration: { allowEmptyReferer: false, refererList: { referers: ['https://www.example.com', 'https://*.example.org'] } },
  }, (c) => c.putBucketReferer(B, false, ['https://www.example.com', 'https://*.example.org'])],
  ['GetBucketReferer', { bucket: B }, (c) => c.getBucketReferer(B)],
  // ---- website ----
  ['PutBucketWebsite', {
    bucket: B,
    websiteConfiguration: {
      indexDocument: { suffix: 'index.html', supportSubDir: true, type: 1 },
      errorDocument: { key: 'error.html' },
      routingRules: {
        routingRules: [
          { ruleNumber: 1, condition: { httpErrorCodeReturnedEquals: 404, keyPrefixEquals: 'old/' }, redirect: { httpRedirectCode: 301, protocol: 'https', redirectType: 'External', hostName: 'www.example.com' } },
          { ruleNumber: 2, condition: { keyPrefixEquals: 'img/' }, redirect: { mirrorUrl: 'https://origin.example.com/', redirectType: 'Mirror', mirrorPassQueryString: true } },
        ],
      },
    },
  }, (c) => c.putBucketWebsite(B, {
    index: 'index.html',
    supportSubDir: true,
    type: 1,
    error: 'error.html',
    routingRules: [
      { RuleNumber: 1, Condition: { HttpErrorCodeReturnedEquals: 404, KeyPrefixEquals: 'old/' }, Redirect: { HttpRedirectCode: 301, Protocol: 'https', RedirectType: 'External', HostName: 'www.example.com' } },
      { RuleNumber: 2, Condition: { KeyPrefixEquals: 'img/' }, Redirect: { MirrorURL: 'https://origin.example.com/', RedirectType: 'Mirror', MirrorPassQueryString: true } },
    ],
  })],
  ['GetBucketWebsite', { bucket: B }, (c) => c.getBucketWebsite(B)],
  ['DeleteBucketWebsite', { bucket: B }, (c) => c.deleteBucketWebsite(B)],
  // ---- logging (ali-oss logs a bucket into itself) ----
  ['PutBucketLogging', { bucket: B, bucketLoggingStatus: { loggingEnabled: { targetBucket: B, targetPrefix: 'access-logs/' } } },
    (c) => c.putBucketLogging(B, 'access-logs/')],
  ['GetBucketLogging', { bucket: B }, (c) => c.getBucketLogging(B)],
  ['DeleteBucketLogging', { bucket: B }, (c) => c.deleteBucketLogging(B)],
  // ---- encryption (ali-oss writes SSEAlgorithm before KMSMasterKeyID, v2 after: compared
  // without a key id) ----
  ['PutBucketEncryption', { bucket: B, serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } } },
    (c) => c.putBucketEncryption(B, { SSEAlgorithm: 'AES256' })],
  ['GetBucketEncryption', { bucket: B }, (c) => c.getBucketEncryption(B)],
  ['DeleteBucketEncryption', { bucket: B }, (c) => c.deleteBucketEncryption(B)],
  // ---- tags ----
  ['PutBucketTags', { bucket: B, tagging: { tagSet: { tags: [{ key: 'team', value: 'storage' }, { key: 'env', value: 'prod' }] } } },
    (c) => c.putBucketTags(B, { team: 'storage', env: 'prod' })],
  ['GetBucketTags', { bucket: B }, (c) => c.getBucketTags(B)],
  ['DeleteBucketTags', { bucket: B }, (c) => c.deleteBucketTags(B)],
];

exports.ABSENT = [
  // ali-oss 6.23.0 has no call for these operations:
  'OptionObject', // no CORS preflight (OPTIONS) call
  'GetBucketPolicyStatus',
  'PutUserDefinedLogFieldsConfig',
  'GetUserDefinedLogFieldsConfig',
  'DeleteUserDefinedLogFieldsConfig',
  'CreateBucketDataRedundancyTransition',
  'GetBucketDataRedundancyTransition',
  'DeleteBucketDataRedundancyTransition',
  'ListBucketDataRedundancyTransition',
  'ListUserDataRedundancyTransition',
  'PutBucketOverwriteConfig',
  'GetBucketOverwriteConfig',
  'DeleteBucketOverwriteConfig',
];
