// Differential cases against ali-oss: object tagging, symlinks, restore, bucket stat and
// request payment.
'use strict';

const B = 'examplebucket';

exports.BUILT = [
  ['PutObjectTagging', { bucket: B, key: 'a b.txt', tagging: { tagSet: { tags: [{ key: 'team', value: 'storage' }, { key: 'env', value: 'prod' }] } } },
    (c) => c.putObjectTagging('a b.txt', { team: 'storage', env: 'prod' })],
  ['PutObjectTagging', { bucket: B, key: 'a.txt', versionId: 'v1', tagging: { tagSet: { tags: [{ key: 'k', value: 'v' }] } } },
    (c) => c.putObjectTagging('a.txt', { k: 'v' }, { versionId: 'v1' })],
  ['GetObjectTagging', { bucket: B, key: 'a b.txt' }, (c) => c.getObjectTagging('a b.txt')],
  ['GetObjectTagging', { bucket: B, key: 'a.txt', versionId: 'v1' }, (c) => c.getObjectTagging('a.txt', { versionId: 'v1' })],
  ['DeleteObjectTagging', { bucket: B, key: 'a.txt', versionId: 'v1' }, (c) => c.deleteObjectTagging('a.txt', { versionId: 'v1' })],
  ['PutSymlink', { bucket: B, key: 'link', target: 'dir/target-1.txt', storageClass: 'IA', metadata: { team: 'storage' } },
    (c) => c.putSymlink('link', 'dir/target-1.txt', { storageClass: 'IA', meta: { team: 'storage' } })],
  ['GetSymlink', { bucket: B, key: 'link' }, (c) => c.getSymlink('link')],
  ['GetSymlink', { bucket: B, key: 'link', versionId: 'v1' }, (c) => c.getSymlink('link', { versionId: 'v1' })],
  ['RestoreObject', { bucket: B, key: 'a.txt', restoreRequest: { days: 2 } }, (c) => c.restore('a.txt')],
  ['RestoreObject', { bucket: B, key: 'a.txt', versionId: 'v1', restoreRequest: { days: 5, jobParameters: { tier: 'Expedited' } } },
    (c) => c.restore('a.txt', { versionId: 'v1', Days: 5, type: 'ColdArchive', JobParameters: 'Expedited' })],
  ['GetBucketStat', { bucket: B }, (c) => c.getBucketStat(B)],
  ['PutBucketRequestPayment', { bucket: B, requestPaymentConfiguration: { payer: 'Requester' } },
    (c) => c.putBucketRequestPayment(B, 'Requester')],
  ['GetBucketRequestPayment', { bucket: B }, (c) => c.getBucketRequestPayment(B)],
];

exports.ABSENT = [
  // Not in ali-oss 6.x.
  'CleanRestoredObject',
  'PutObjectRetention',
  'GetObjectRetention',
  'PutObjectLegalHold',
  'GetObjectLegalHold',
  'AsyncProcessObject',
  'SelectObject',
  'CreateSelectObjectMeta',
  // ali-oss's processObjectSave URL-encodes the form value (`x-oss-process=image%2Fresize...`);
  // alibabacloud-oss-v2 and ossio send it as written, which OSS documents.
  'ProcessObject',
];
