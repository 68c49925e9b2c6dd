'use strict';
// Requests cross into the native module as one packed string (lengths in UTF-16 code
// units): every kind of text must arrive intact.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Signer, Credentials } = require('..');

const signer = new Signer({
  credentials: new Credentials({ accessKeyId: 'ak', accessKeySecret: 'sk', securityToken: 'to:ken' }),
  region: 'cn-hangzhou',
});
const at = new Date(Date.UTC(2023, 11, 16, 16, 20, 57));

test('keys, query and headers with colons, digits, astral and empty values survive packing', () => {
  const s = signer.sign(
    {
      method: 'PUT',
      bucket: 'b-1',
      key: '12:34/é😀:',
      query: { acl: null, 'x-oss-p': '', '1:2': 'v:😀' },
      headers: { 'x-oss-meta-a': '3:abc', 'Content-Type': 'text/plain' },
    },
    { at },
  );
  assert.equal(
    s.url,
    'https://b-1.oss-cn-hangzhou.aliyuncs.com/12%3A34/%C3%A9%F0%9F%98%80%3A?acl&x-oss-p&1%3A2=v%3A%F0%9F%98%80',
  );
  assert.equal(s.headers['x-oss-meta-a'], '3:abc');
  assert.equal(s.headers['x-oss-security-token'], 'to:ken');
  assert.match(s.canonicalRequest, /^PUT\n\/b-1\/12%3A34\/%C3%A9%F0%9F%98%80%3A\n1%3A2=v%3A%F0%9F%98%80&acl&x-oss-p\n/);
  const p = signer.presign({ method: 'GET', bucket: 'b-1', key: '😀' }, { at, expires: 60 });
  assert.ok(p.url.startsWith('https://b-1.oss-cn-hangzhou.aliyuncs.com/%F0%9F%98%80?'));
  assert.equal(p.expiration.getTime(), at.getTime() + 60_000);
});
