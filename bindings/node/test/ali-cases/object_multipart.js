// Differential cases against ali-oss: multipart uploads, copies, appends and versions.
'use strict';

// ali-oss encodes a copy source with encodeURIComponent (`/` as %2F) where OSS and the
// other SDKs keep `/`: the keys here have none.
exports.BUILT = [
  ['InitiateMultipartUpload', { bucket: 'examplebucket', key: 'a b.bin', contentType: 'application/octet-stream', metadata: { author: 'alice' }, cacheControl: 'no-cache' },
    (c) => c.initMultipartUpload('a b.bin', { mime: 'application/octet-stream', meta: { author: 'alice' }, headers: { 'Cache-Control': 'no-cache' } })],
  ['CompleteMultipartUpload', { bucket: 'examplebucket', key: 'a b.bin', uploadId: 'upload-1', completeMultipartUpload: { parts: [{ partNumber: 1, etag: 'E1' }, { partNumber: 2, etag: 'E2' }] } },
    (c) => c.completeMultipartUpload('a b.bin', 'upload-1', [{ number: 2, etag: 'E2' }, { number: 1, etag: 'E1' }])],
  ['AbortMultipartUpload', { bucket: 'examplebucket', key: 'a b.bin', uploadId: 'upload-1' },
    (c) => c.abortMultipartUpload('a b.bin', 'upload-1')],
  ['ListParts', { bucket: 'examplebucket', key: 'a b.bin', uploadId: 'upload-1', maxParts: 10, partNumberMarker: 2 },
    (c) => c.listParts('a b.bin', 'upload-1', { 'max-parts': 10, 'part-number-marker': 2 })],
  ['ListMultipartUploads', { bucket: 'examplebucket', prefix: 'p/', delimiter: '/', keyMarker: 'k', uploadIdMarker: 'u', maxUploads: 10 },
    (c) => c.listUploads({ prefix: 'p/', delimiter: '/', 'key-marker': 'k', 'upload-id-marker': 'u', 'max-uploads': 10 })],
  ['UploadPartCopy', { bucket: 'examplebucket', key: 'b.bin', uploadId: 'upload-1', partNumber: 3, sourceBucket: 'srcbucket', sourceKey: 'a b.bin', sourceRange: 'bytes=0-9' },
    (c) => c.uploadPartCopy('b.bin', 'upload-1', 3, '0-9', { sourceKey: 'a b.bin', sourceBucketName: 'srcbucket' })],
  ['CopyObject', { bucket: 'examplebucket', key: 'b.txt', sourceBucket: 'srcbucket', sourceKey: 'a b.txt', sourceVersionId: 'v1' },
    (c) => c.copy('b.txt', 'a b.txt', 'srcbucket', { versionId: 'v1' })],
  ['CopyObject', { bucket: 'examplebucket', key: 'b.txt', sourceKey: 'a.txt', ifMatch: '"e"', metadataDirective: 'REPLACE', metadata: { author: 'bob' } },
    (c) => c.copy('b.txt', 'a.txt', { headers: { 'If-Match': '"e"' }, meta: { author: 'bob' } })],
  ['AppendObject', { bucket: 'examplebucket', key: 'log.bin', position: 0, body: Buffer.from('hello') },
    (c) => c.append('log.bin', Buffer.from('hello'), { position: '0' })],
  ['AppendObject', { bucket: 'examplebucket', key: 'log.bin', position: 5, body: Buffer.from(' world') },
    (c) => c.append('log.bin', Buffer.from(' world'), { position: '5' })],
  ['ListObjectVersions', { bucket: 'examplebucket', prefix: 'p/', delimiter: '/', keyMarker: 'k', versionIdMarker: 'v', maxKeys: 10 },
    (c) => c.getBucketVersions({ prefix: 'p/', delimiter: '/', keyMarker: 'k', versionIdMarker: 'v', maxKeys: 10 })],
];

// ossio asks for URL-encoded keys in these answers, as alibabacloud-oss-v2 does (XML
// cannot carry every key), and decodes them.
exports.OSSIO_ONLY_QUERY = {
  InitiateMultipartUpload: ['encoding-type=url'],
  CompleteMultipartUpload: ['encoding-type=url'],
  ListParts: ['encoding-type=url'],
  ListMultipartUploads: ['encoding-type=url'],
  ListObjectVersions: ['encoding-type=url'],
};

exports.ABSENT = [
  // ali-oss streams a part from a file (or a browser Buffer) with no in-memory content an
  // offline request could be compared by.
  'UploadPart',
  // Not in ali-oss 6.23.0.
  'SealAppendObject',
];
