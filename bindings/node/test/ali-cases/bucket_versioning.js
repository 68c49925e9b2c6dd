// Differential cases against ali-oss: bucket versioning.
'use strict';

exports.BUILT = [
  ['PutBucketVersioning', { bucket: 'examplebucket', versioningConfiguration: { status: 'Enabled' } },
    (c) => c.putBucketVersioning('examplebucket', 'Enabled')],
  ['PutBucketVersioning', { bucket: 'examplebucket', versioningConfiguration: { status: 'Suspended' } },
    (c) => c.putBucketVersioning('examplebucket', 'Suspended')],
  ['GetBucketVersioning', { bucket: 'examplebucket' }, (c) => c.getBucketVersioning('examplebucket')],
];
