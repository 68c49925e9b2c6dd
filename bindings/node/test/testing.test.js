// ossio/testing under node:test, the way a user's suite uses it: ali-oss (and ossio) as
// the code under test against a local server, faults seen in the request log, snapshot and
// restore isolating tests.
'use strict';

const { test, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const OSS = require('ali-oss');
const { startServer } = require('../testing.js');

let server;
before(async () => { server = await startServer(); });
after(() => server.close());

// The code under test: what a user's application does with ali-oss.
async function saveReport(client, name, data) {
  const r = await client.put(`reports/${name}`, Buffer.from(data));
  return r.res.status;
}

test('the server hands out what clients need, never the secret in inspect', () => {
  assert.match(server.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(server.region, 'cn-hangzhou');
  const shown = util.inspect(server) + JSON.stringify(server);
  assert.ok(!shown.includes(server.accessKeySecret));
  assert.ok(!shown.includes(server.sessionToken));
});

test('ali-oss seed flow: bucket, put, get, list, presign, delete', async () => {
  const admin = new OSS(server.aliOssOptions());
  await admin.putBucket('seed-flow');
  const c = new OSS({ ...server.aliOssOptions(), bucket: 'seed-flow' });
  await c.put('a.txt', Buffer.from('hello'));
  assert.deepEqual((await c.get('a.txt')).content, Buffer.from('hello'));
  assert.deepEqual((await c.listV2({})).objects.map((o) => o.name), ['a.txt']);
  const url = await c.signatureUrlV4('GET', 60, undefined, 'a.txt');
  assert.equal(await (await fetch(url)).text(), 'hello');
  await c.delete('a.txt');
  await admin.deleteBucket('seed-flow');
});

test('STS credentials are accepted and logged with their key', async () => {
  const c = new OSS({
    ...server.aliOssOptions(),
    accessKeyId: server.stsAccessKeyId,
    accessKeySecret: server.stsAccessKeySecret,
    stsToken: server.sessionToken,
  });
  await c.putBucket('sts-bucket');
  const last = server.requests().at(-1);
  assert.equal(last.operation, 'PutBucket');
  assert.equal(last.accessKeyId, server.stsAccessKeyId);
  assert.equal(last.status, 200);
});

test('a dropped connection is retried by ali-oss, as the request log shows', async () => {
  await new OSS(server.aliOssOptions()).putBucket('retry-bucket');
  const c = new OSS({ ...server.aliOssOptions(), bucket: 'retry-bucket', retryMax: 2 });
  server.clearRequests();
  server.dropNext(1);
  assert.equal(await saveReport(c, 'q3.csv', 'a,b\n1,2\n'), 200);
  const puts = server.requests().filter((r) => r.operation === 'PutObject');
  assert.deepEqual(puts.map((r) => r.fault), ['drop', null]);
  assert.ok(puts.every((r) => r.key === 'reports/q3.csv' && r.time instanceof Date));
});

test('ossio retries an injected 503 and reads its own server', async () => {
  const client = server.client();
  await client.putBucket({ bucket: 'ossio-bucket' });
  server.clearRequests();
  server.failNext(1, 503, 'ServiceUnavailable');
  await client.putObject({ bucket: 'ossio-bucket', key: 'k', body: Buffer.from('x') });
  assert.deepEqual(server.requests().map((r) => [r.operation, r.status, r.errorCode]),
    [['PutObject', 503, 'ServiceUnavailable'], ['PutObject', 200, null]]);
});

test('a download into a file cut short starts over; a corrupted one fails its CRC-64', async () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const client = server.client();
  await client.putBucket({ bucket: 'ossio-files' });
  const data = Buffer.alloc(256 * 1024, 'z');
  await client.putObject({ bucket: 'ossio-files', key: 'f', body: data });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossio-node-'));
  try {
    const dst = path.join(dir, 'f');
    server.truncateNext(1);
    const out = await client.getObject({ bucket: 'ossio-files', key: 'f' }, { path: dst });
    assert.equal(out.contentLength, data.length);
    assert.deepEqual(fs.readFileSync(dst), data);
    server.corruptCrcNext(1);
    await assert.rejects(client.getObject({ bucket: 'ossio-files', key: 'f' }, { path: dst }), (e) => e.code === 'CrcMismatch' && e.operation === 'GetObject');
    server.corruptCrcNext(1);
    await assert.rejects(client.getObject({ bucket: 'ossio-files', key: 'f' }), (e) => e.code === 'CrcMismatch');
    const streamed = await client.getObject({ bucket: 'ossio-files', key: 'f' }, { stream: true });
    assert.equal(streamed.contentLength, data.length);
    const chunks = [];
    for await (const chunk of streamed.body) chunks.push(chunk);
    assert.deepEqual(Buffer.concat(chunks), data);
    server.corruptCrcNext(1);
    const bad = await client.getObject({ bucket: 'ossio-files', key: 'f' }, { stream: true });
    await assert.rejects(async () => {
      for await (const chunk of bad.body) void chunk;
    }, (e) => e.code === 'CrcMismatch' && e.operation === 'GetObject');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describeIsolation();
function describeIsolation() {
  let snap;
  const isolated = (name, fn) => test(name, async () => {
    snap = server.snapshot();
    try { await fn(); } finally { server.restore(snap); }
  });
  for (const writer of ['first', 'second']) {
    isolated(`snapshot and restore isolate tests (${writer})`, async () => {
      const admin = new OSS(server.aliOssOptions());
      await admin.putBucket('isolation-shared').catch(() => {});
      const c = new OSS({ ...server.aliOssOptions(), bucket: 'isolation-shared' });
      await c.put(`${writer}.txt`, Buffer.from(writer));
      const names = ((await c.listV2({})).objects || []).map((o) => o.name);
      assert.deepEqual(names, [`${writer}.txt`]);
    });
  }
}

test('reset, clock skew and a data directory', async () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossio-testing-'));
  const local = await startServer({ dataDir: dir, region: 'cn-shanghai' });
  try {
    const c = new OSS({ ...local.aliOssOptions(), bucket: 'durable' });
    await c.putBucket('durable');
    await c.put('k', Buffer.from('kept'));
    local.setClockSkew(3600);
    await assert.rejects(c.get('k'), (e) => e.code === 'RequestTimeTooSkewed');
    local.clearFaults();
    assert.equal((await c.get('k')).content.toString(), 'kept');
    local.reset();
    await assert.rejects(c.get('k'), (e) => e.code === 'NoSuchBucket');
  } finally {
    local.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => local.requests(), /closed/);
});
