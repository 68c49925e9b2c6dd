// Differential cases against ali-oss: inventory, replication, WORM, public access blocks,
// transfer acceleration, HTTPS config, CNAME, styles, access monitor, archive direct read,
// resource group.
'use strict';

const B = 'examplebucket';

exports.BUILT = [
  ['GetBucketInventory', { bucket: B, inventoryId: 'report1' }, (c) => c.getBucketInventory(B, 'report1')],
  ['ListBucketInventory', { bucket: B }, (c) => c.listBucketInventory(B)],
  ['ListBucketInventory', { bucket: B, continuationToken: 'token-2' }, (c) => c.listBucketInventory(B, { continuationToken: 'token-2' })],
  ['DeleteBucketInventory', { bucket: B, inventoryId: 'report1' }, (c) => c.deleteBucketInventory(B, 'report1')],
  ['InitiateBucketWorm', { bucket: B, initiateWormConfiguration: { retentionPeriodInDays: 365 } }, (c) => c.initiateBucketWorm(B, 365)],
  ['AbortBucketWorm', { bucket: B }, (c) => c.abortBucketWorm(B)],
  ['CompleteBucketWorm', { bucket: B, wormId: '1666E2CFB2B3418' }, (c) => c.completeBucketWorm(B, '1666E2CFB2B3418')],
  ['ExtendBucketWorm', { bucket: B, wormId: '1666E2CFB2B3418', extendWormConfiguration: { retentionPeriodInDays: 730 } },
    (c) => c.extendBucketWorm(B, '1666E2CFB2B3418', 730)],
  ['GetBucketWorm', { bucket: B }, (c) => c.getBucketWorm(B)],
];

exports.ABSENT = [
  // ali-oss writes its own InventoryConfiguration: elements in another order than OSS's
  // documented one (Filter before Destination), `acs:` prefixes added to the role and bucket
  // it is given, an empty <Encryption/> and <Prefix/> when none; no incremental inventory.
  'PutBucketInventory',
  // ali-oss has putStyle/getStyle/listStyle/deleteStyle only on its ImageClient, for the
  // separate image service host (`imageHost`), where `/?style&styleName=...` is passed as an
  // object name: not the bucket's `?style` sub-resource that OSS documents.
  'PutStyle', 'GetStyle', 'ListStyle', 'DeleteStyle',
  // ali-oss 6.23.0 has no call for these.
  'PutBucketReplication', 'GetBucketReplication', 'DeleteBucketReplication',
  'GetBucketReplicationLocation', 'GetBucketReplicationProgress', 'PutBucketRtc',
  'PutBucketObjectWormConfiguration', 'GetBucketObjectWormConfiguration',
  'GetBucketPublicAccessBlock', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock',
  'GetPublicAccessBlock', 'PutPublicAccessBlock', 'DeletePublicAccessBlock',
  'PutBucketTransferAcceleration', 'GetBucketTransferAcceleration', 'PutBucketHttpsConfig',
  'GetBucketHttpsConfig', 'PutCname', 'ListCname', 'DeleteCname', 'CreateCnameToken',
  'GetCnameToken', 'PutBucketAccessMonitor', 'GetBucketAccessMonitor',
  'PutBucketArchiveDirectRead', 'GetBucketArchiveDirectRead', 'PutBucketResourceGroup',
  'GetBucketResourceGroup',
];
