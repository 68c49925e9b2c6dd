// Bad input is caught before any network traffic, typed: every mistake is an OssError with
// `code`, the `field` (as JavaScript spells it) and the `operation`. The client tests point
// at a port nothing listens on, so a request that got out would fail differently.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Client, OssError, ops } = require('..');

const client = new Client({ region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'ak', accessKeySecret: 'sk' }, retries: 0 });

function rejected(field, operation, code = 'InvalidArgument') {
  return (e) => {
    assert.ok(e instanceof OssError, `an OssError, got ${e}`);
    assert.equal(e.code, code);
    assert.equal(e.field, field);
    assert.equal(e.operation, operation);
    assert.equal(e.status, null);
    assert.ok(e.message.includes(operation) && e.message.includes(field), e.message);
    return true;
  };
}

const CASES = [
  ['a missing required field', 'PutBucketAcl', { bucket: 'examplebucket' }, 'acl'],
  ['a missing required nested field', 'DeleteMultipleObjects', { bucket: 'examplebucket', objects: [{ versionId: 'v' }] }, 'key'],
  ['a string for an integer', 'ListObjectsV2', { bucket: 'examplebucket', maxKeys: '10' }, 'maxKeys'],
  ['a non-integral number', 'ListObjectsV2', { bucket: 'examplebucket', maxKeys: 1.5 }, 'maxKeys'],
  ['a number for a string', 'GetObject', { bucket: 'examplebucket', key: 7 }, 'key'],
  ['a negative integer', 'ListBuckets', { maxKeys: -1 }, 'maxKeys'],
  ['a string for a boolean', 'ListObjectsV2', { bucket: 'examplebucket', fetchOwner: 'yes' }, 'fetchOwner'],
  ['an unknown enum value', 'PutBucket', { bucket: 'examplebucket', storageClass: 'Frozen' }, 'storageClass'],
  ['an unknown enum value (ACL)', 'PutObjectAcl', { bucket: 'examplebucket', key: 'k', acl: 'open' }, 'acl'],
  ['an unknown field name', 'PutBucketAcl', { bucket: 'examplebucket', acl: 'private', acls: 'private' }, 'acls'],
  ['a snake_case field name', 'CreateAccessPoint', { bucket: 'examplebucket', access_point_name: 'ap', networkOrigin: 'vpc' }, 'access_point_name'],
  ['an unknown nested field name', 'DeleteMultipleObjects', { bucket: 'examplebucket', objects: [{ key: 'a', version: 'v' }] }, 'version'],
];

for (const [what, name, input, field] of CASES) {
  test(`${what} (${name}.${field}) fails in new ops.${name}`, () => {
    assert.throws(() => new ops[name](input), rejected(field, name));
  });
  const method = name[0].toLowerCase() + name.slice(1);
  test(`${what} (${name}.${field}) fails in client.${method} before sending`, async () => {
    await assert.rejects(client[method](input), rejected(field, name));
  });
}

test('the service-side rules of a field come typed too', async () => {
  assert.throws(() => new ops.PutBucket({ bucket: 'Bad_Bucket' }), rejected('bucket', 'PutBucket', 'InvalidBucketName'));
  await assert.rejects(client.getObject({ bucket: 'examplebucket', key: '/a' }), rejected('key', 'GetObject', 'InvalidObjectName'));
});

test('integers: numbers and bigints; a value beyond 2^53 only as a bigint', () => {
  const q = (maxKeys) => new ops.ListObjectsV2({ bucket: 'examplebucket', maxKeys }).request().query;
  assert.deepEqual(q(10).find(([k]) => k === 'max-keys'), ['max-keys', '10']);
  assert.deepEqual(q(10n).find(([k]) => k === 'max-keys'), ['max-keys', '10']);
  assert.throws(() => q(2 ** 60), rejected('maxKeys', 'ListObjectsV2'));
  assert.throws(() => q(2n ** 40n), (e) => e.code === 'InvalidArgument' && e.field === 'maxKeys');
});

test('null and undefined are absent; bytes come as Buffer, Uint8Array or ArrayBuffer', () => {
  const a = new ops.GetObject({ bucket: 'examplebucket', key: 'k', versionId: null, ifMatch: undefined }).request();
  assert.deepEqual(a.query, []);
  for (const body of [Buffer.from('abc'), new Uint8Array([97, 98, 99]), new Uint8Array([97, 98, 99]).buffer, 'abc']) {
    assert.deepEqual(new ops.PutObject({ bucket: 'examplebucket', key: 'k', body }).request().body, Buffer.from('abc'));
  }
});

test('not an object, or an unknown operation', async () => {
  assert.throws(() => new ops.PutBucket('examplebucket'), (e) => e instanceof OssError && e.code === 'InvalidArgument' && e.operation === 'PutBucket');
  await assert.rejects(client.putBucket('examplebucket'), (e) => e instanceof OssError && e.code === 'InvalidArgument' && e.operation === 'PutBucket');
  await assert.rejects(client.send('PutBuckets', {}), (e) => e instanceof OssError && e.code === 'InvalidArgument' && e.field === 'operation');
});

test('every registered operation has a class and a client method', () => {
  const table = require('../operations.js');
  assert.ok(table.length >= 24);
  for (const { name, method } of table) {
    assert.equal(typeof ops[name], 'function', name);
    assert.equal(typeof Client.prototype[method], 'function', method);
  }
});
