// The edges where ali-oss differs from ossio (docs/DECISIONS.md): what ossio does on each,
// next to what ali-oss does, so a change on either side shows up here.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const signUtils = require('ali-oss/lib/common/signUtils');
const { Signer, Credentials, OssError } = require('..');

const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const credentials = new Credentials({ accessKeyId: 'ak', accessKeySecret: 'sk' });
const v1 = new Signer({ credentials, region: 'cn-hangzhou', version: 'v1' });
const v4 = new Signer({ credentials, region: 'cn-hangzhou', version: 'v4' });

test('#1 V1 with an STS token sends and signs x-oss-security-token', () => {
  const sts = new Signer({ credentials: { accessKeyId: 'ak', accessKeySecret: 'sk', securityToken: 'tok' }, region: 'cn-hangzhou', version: 'v1' });
  const s = sts.sign({ bucket: 'examplebucket', key: 'a.txt' }, { at });
  assert.equal(s.headers['x-oss-security-token'], 'tok');
  assert.match(s.stringToSign, /\nx-oss-security-token:tok\n/);
  const theirs = signUtils.buildCanonicalString('GET', '/examplebucket/a.txt', { headers: { 'x-oss-date': at.toUTCString(), 'x-oss-security-token': 'tok' } });
  assert.ok(theirs.includes('\nx-oss-security-token:tok\n'));
});

test('#2 a header value with surrounding whitespace is rejected (ali-oss trims it)', () => {
  for (const signer of [v1, v4]) {
    assert.throws(() => signer.sign({ bucket: 'examplebucket', key: 'a', headers: { 'x-oss-meta-a': ' padded ' } }, { at }), (e) => {
      assert.ok(e instanceof OssError);
      assert.equal(e.code, 'InvalidHeader');
      assert.match(e.field, /x-oss-meta-a/);
      return true;
    });
  }
  const theirs = signUtils.buildCanonicalString('GET', '/examplebucket/a', { headers: { 'x-oss-date': 'd', 'x-oss-meta-a': ' padded ' } });
  assert.ok(theirs.includes('\nx-oss-meta-a:padded\n'));
});

test('#3 a V4 additional header missing from the request is dropped (ali-oss throws)', () => {
  const s = v4.sign({ bucket: 'examplebucket', key: 'a', headers: { 'x-custom': 'v' } }, { at, additionalHeaders: ['x-custom', 'x-absent'] });
  assert.match(s.headers.Authorization, /,AdditionalHeaders=x-custom,Signature=/);
  const none = v4.sign({ bucket: 'examplebucket', key: 'a' }, { at, additionalHeaders: ['x-absent'] });
  assert.doesNotMatch(none.headers.Authorization, /AdditionalHeaders/);
  assert.equal(none.headers.Authorization, v4.sign({ bucket: 'examplebucket', key: 'a' }, { at }).headers.Authorization);
  assert.throws(() => signUtils.getCanonicalRequest('GET', { headers: {}, queries: {} }, 'examplebucket', 'a', ['x-absent']), /additional header/);
});

test('#4 an object key starting with / is rejected (ali-oss strips the /)', () => {
  for (const key of ['/a.txt', '\\a.txt']) {
    assert.throws(() => v4.sign({ bucket: 'examplebucket', key }, { at }), (e) => e instanceof OssError && e.code === 'InvalidObjectName' && e.field === 'key');
    assert.throws(() => v1.presign({ bucket: 'examplebucket', key }, { at }), (e) => e.code === 'InvalidObjectName');
  }
});

test('#5 a V4 empty-string query value canonicalises as a bare name (ali-oss: k=)', () => {
  const empty = v4.sign({ bucket: 'examplebucket', query: { 'max-keys': '', prefix: 'p' } }, { at });
  const bare = v4.sign({ bucket: 'examplebucket', query: { 'max-keys': null, prefix: 'p' } }, { at });
  assert.equal(empty.canonicalRequest.split('\n')[2], 'max-keys&prefix=p');
  assert.equal(empty.headers.Authorization, bare.headers.Authorization);
  const theirs = signUtils.getCanonicalRequest('GET', { headers: {}, queries: { 'max-keys': '', prefix: 'p' } }, 'examplebucket');
  assert.equal(theirs.split('\n')[2], 'max-keys=&prefix=p');
});

test('#6 V4 query names sort by code point of the encoded name (ali-oss: localeCompare)', () => {
  const s = v4.sign({ bucket: 'examplebucket', query: { alpha: '1', Zeta: '2', 'b~': '3', b: '4' } }, { at });
  assert.equal(s.canonicalRequest.split('\n')[2], 'Zeta=2&alpha=1&b=4&b~=3');
  const theirs = signUtils.getCanonicalRequest('GET', { headers: {}, queries: { alpha: '1', Zeta: '2' } }, 'examplebucket');
  assert.equal(theirs.split('\n')[2], 'alpha=1&Zeta=2');
});

test('#7 V1 signs declared sub-resources, the standard list and x-oss-* parameters only', () => {
  const s = v1.sign({ bucket: 'examplebucket', query: { accessPoint: null, prefix: 'p', 'x-oss-ac': 'v', acl: null }, subResources: ['accessPoint'] }, { at });
  assert.equal(s.stringToSign.split('\n').at(-1), '/examplebucket/?accessPoint&acl&x-oss-ac=v');
  // Without a declaration, the parameters some OSS operation signs are recognised.
  const known = v1.sign({ bucket: 'examplebucket', query: { accessPoint: null, prefix: 'p' } }, { at });
  assert.equal(known.stringToSign.split('\n').at(-1), '/examplebucket/?accessPoint');
});

test('#8 V1 presign Expires floors a sub-second clock', () => {
  const p = v1.presign({ bucket: 'examplebucket', key: 'a' }, { at: new Date(at.getTime() + 999), expires: 60 });
  assert.equal(new URL(p.url).searchParams.get('Expires'), String(at.getTime() / 1000 + 60));
  assert.equal(p.expiration.getTime(), at.getTime() + 60_000);
});

test('#9 a key starting with ? is presigned with V1 (ali-oss refuses it)', () => {
  const p = v1.presign({ bucket: 'examplebucket', key: '?odd' }, { at, expires: 60 });
  assert.ok(p.url.startsWith('https://examplebucket.oss-cn-hangzhou.aliyuncs.com/%3Fodd?'));
  assert.match(p.stringToSign, /\n\/examplebucket\/\?odd$/);
});

test('empty string and null are one V4 presign query too', () => {
  const a = v4.presign({ bucket: 'examplebucket', key: 'k', query: { 'x-oss-process': '' } }, { at, expires: 60 });
  const b = v4.presign({ bucket: 'examplebucket', key: 'k', query: { 'x-oss-process': null } }, { at, expires: 60 });
  assert.equal(new URL(a.url).searchParams.get('x-oss-signature'), new URL(b.url).searchParams.get('x-oss-signature'));
});
