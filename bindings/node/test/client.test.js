// The client end to end against ossio-server on 127.0.0.1 (started and stopped here).
// OSSIO_SERVER_BIN names the server binary; without it the tests are skipped.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { Readable } = require('node:stream');
const { Client, Credentials, OssError, Signer, ops } = require('..');

const BIN = process.env.OSSIO_SERVER_BIN;
const skip = !BIN && 'OSSIO_SERVER_BIN is not set';
const AK = 'test-access-key-id';
const SK = 'test-access-key-secret';

let server;
let endpoint;

test.before(async () => {
  if (skip) return;
  server = spawn(BIN, ['--addr', '127.0.0.1:0', '--key', `${AK}:${SK}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  endpoint = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`ossio-server exited with ${code}`)));
  });
});

test.after(() => {
  if (server) server.kill();
});

function client(extra = {}) {
  return new Client({ region: 'cn-hangzhou', endpoint, credentials: new Credentials({ accessKeyId: AK, accessKeySecret: SK }), retries: 0, ...extra });
}

test('every operation through the client', { skip }, async () => {
  const c = client();
  await c.putBucket({ bucket: 'node-ops' });
  const info = await c.getBucketInfo({ bucket: 'node-ops' });
  assert.equal(info.name, 'node-ops');
  assert.ok((await c.listBuckets({})).buckets.some((b) => b.name === 'node-ops'));
  await c.putBucketAcl({ bucket: 'node-ops', acl: 'public-read' });
  assert.equal((await c.getBucketAcl({ bucket: 'node-ops' })).acl, 'public-read');

  const put = await c.putObject({ bucket: 'node-ops', key: 'dir/hello wörld.txt', body: Buffer.from('hello'), contentType: 'text/plain', metadata: { author: 'n' } });
  assert.equal(typeof put.requestId, 'string');
  const got = await c.getObject({ bucket: 'node-ops', key: 'dir/hello wörld.txt' });
  assert.equal(got.body.toString(), 'hello');
  assert.equal(got.metadata.author, 'n');
  assert.equal(typeof got.hashCrc64 === 'bigint' || typeof got.hashCrc64 === 'number', true);
  const streamed = await c.getObject({ bucket: 'node-ops', key: 'dir/hello wörld.txt' }, { stream: true });
  let text = '';
  for await (const chunk of streamed.body) text += chunk;
  assert.equal(text, 'hello');
  const head = await c.headObject({ bucket: 'node-ops', key: 'dir/hello wörld.txt' });
  assert.equal(head.contentLength, 5);
  await c.putObject({ bucket: 'node-ops', key: 'u8', body: new Uint8Array([1, 2, 3]) });
  assert.deepEqual([...(await c.getObject({ bucket: 'node-ops', key: 'u8' })).body], [1, 2, 3]);
  await c.putObject({ bucket: 'node-ops', key: 'readable', body: Readable.from([Buffer.from('from '), 'a stream']) });
  assert.equal((await c.getObject({ bucket: 'node-ops', key: 'readable' })).body.toString(), 'from a stream');
  await c.deleteObject({ bucket: 'node-ops', key: 'readable' });
  await c.putObjectAcl({ bucket: 'node-ops', key: 'u8', acl: 'private' });
  assert.equal((await c.getObjectAcl({ bucket: 'node-ops', key: 'u8' })).acl, 'private');
  const listed = [];
  for await (const page of c.paginate('listObjectsV2', { bucket: 'node-ops', maxKeys: 1 })) listed.push(...page.contents.map((o) => o.key));
  assert.deepEqual(listed.sort(), ['dir/hello wörld.txt', 'u8']);

  await c.createAccessPoint({ bucket: 'node-ops', accessPointName: 'ap-node', networkOrigin: 'internet' });
  await c.createAccessPoint({ bucket: 'node-ops', accessPointName: 'ap-node2', networkOrigin: 'vpc', vpcId: 'vpc-1' });
  const ap = await c.getAccessPoint({ bucket: 'node-ops', accessPointName: 'ap-node' });
  assert.equal(ap.networkOrigin, 'internet');
  const names = [];
  let pages = 0;
  for await (const page of c.paginate('listAccessPoints', { maxKeys: 1 })) {
    pages++;
    names.push(...page.accessPoints.map((a) => a.accessPointName));
  }
  assert.deepEqual(names.sort(), ['ap-node', 'ap-node2']);
  assert.ok(pages >= 2);
  const policy = JSON.stringify({ Version: '1', Statement: [] });
  await c.putAccessPointPolicy({ bucket: 'node-ops', accessPointName: 'ap-node', body: policy });
  assert.equal((await c.getAccessPointPolicy({ bucket: 'node-ops', accessPointName: 'ap-node' })).body, policy);
  await c.deleteAccessPointPolicy({ bucket: 'node-ops', accessPointName: 'ap-node' });
  await c.putAccessPointPublicAccessBlock({ bucket: 'node-ops', accessPointName: 'ap-node', blockPublicAccess: true });
  assert.equal((await c.getAccessPointPublicAccessBlock({ bucket: 'node-ops', accessPointName: 'ap-node' })).blockPublicAccess, true);
  await c.deleteAccessPointPublicAccessBlock({ bucket: 'node-ops', accessPointName: 'ap-node' });
  await c.deleteAccessPoint({ bucket: 'node-ops', accessPointName: 'ap-node' });
  await c.deleteAccessPoint({ bucket: 'node-ops', accessPointName: 'ap-node2' });

  await c.deleteObject({ bucket: 'node-ops', key: 'u8' });
  const del = await c.deleteMultipleObjects({ bucket: 'node-ops', objects: [{ key: 'dir/hello wörld.txt' }] });
  assert.equal(del.deletedObjects.length, 1);
  await c.deleteBucket({ bucket: 'node-ops' });

  // A presigned URL works with global fetch.
  await c.putBucket({ bucket: 'node-presign' });
  await c.putObject({ bucket: 'node-presign', key: 'p.txt', body: 'presigned' });
  const p = c.presign({ method: 'GET', bucket: 'node-presign', key: 'p.txt' }, { expires: 60 });
  const res = await fetch(p.url);
  assert.equal(await res.text(), 'presigned');
});

test('errors are OssError with the service code', { skip }, async () => {
  const c = client();
  await assert.rejects(c.getObject({ bucket: 'no-such-bucket-x', key: 'k' }), (e) => {
    assert.ok(e instanceof OssError && e instanceof Error);
    assert.equal(e.code, 'NoSuchBucket');
    assert.equal(e.status, 404);
    assert.equal(typeof e.requestId, 'string');
    assert.equal(e.operation, 'GetObject');
    return true;
  });
  await c.putBucket({ bucket: 'node-errors' });
  await assert.rejects(c.getObject({ bucket: 'node-errors', key: 'missing' }), (e) => e.code === 'NoSuchKey' && e.status === 404);
  await assert.rejects(c.putBucketAcl({ bucket: 'node-errors', acl: 'bogus' }), (e) => e.code === 'InvalidArgument' && e.field === 'acl' && e.operation === 'PutBucketAcl' && e.status === null);
  await assert.rejects(c.getObject({ bucket: 'Bad_Bucket', key: 'k' }), (e) => e.code === 'InvalidBucketName' && e.field === 'bucket');
  const wrong = new Client({ region: 'cn-hangzhou', endpoint, credentials: { accessKeyId: AK, accessKeySecret: 'wrong-secret' }, retries: 0 });
  await assert.rejects(wrong.getBucketInfo({ bucket: 'node-errors' }), (e) => {
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.ok(!JSON.stringify(e).includes('wrong-secret') && !e.message.includes('wrong-secret'));
    return true;
  });
});

test('32 concurrent calls do not block the event loop', { skip }, async () => {
  const c = client();
  await c.putBucket({ bucket: 'node-concurrent' });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const calls = [];
  for (let i = 0; i < 32; i++) calls.push(c.putObject({ bucket: 'node-concurrent', key: `k${i}`, body: crypto.randomBytes(64 * 1024) }).then(() => c.getObject({ bucket: 'node-concurrent', key: `k${i}` })));
  // The calls are in flight now: only a free event loop lets the timer fire.
  const results = await Promise.all(calls);
  clearInterval(timer);
  assert.equal(results.length, 32);
  assert.ok(results.every((r) => r.body.length === 64 * 1024));
  assert.ok(ticks > 0, 'the timer fired while the calls ran');
});

test('100 MiB upload and download through files', { skip }, async () => {
  const c = client({ timeout: 120_000 });
  await c.putBucket({ bucket: 'node-big' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossio-node-'));
  try {
    const src = path.join(dir, 'src.bin');
    const chunk = crypto.randomBytes(1024 * 1024);
    const hash = crypto.createHash('sha256');
    const fd = fs.openSync(src, 'w');
    for (let i = 0; i < 100; i++) {
      chunk[0] = i;
      fs.writeSync(fd, chunk);
      hash.update(chunk);
    }
    fs.closeSync(fd);
    const want = hash.digest('hex');
    await c.putObject({ bucket: 'node-big', key: 'big.bin', body: { path: src } });
    // A whole-file read stream goes the same streamed way, without reading it in JavaScript.
    await c.putObject({ bucket: 'node-big', key: 'big2.bin', body: fs.createReadStream(src) });
    assert.equal((await c.headObject({ bucket: 'node-big', key: 'big2.bin' })).contentLength, 100 * 1024 * 1024);
    const dst = path.join(dir, 'dst.bin');
    const out = await c.getObject({ bucket: 'node-big', key: 'big.bin' }, { path: dst });
    assert.equal(out.contentLength, 100 * 1024 * 1024);
    assert.equal(out.body, undefined);
    assert.equal(fs.statSync(dst).size, 100 * 1024 * 1024);
    const got = crypto.createHash('sha256').update(fs.readFileSync(dst)).digest('hex');
    assert.equal(got, want);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the sans-IO example flow: ops + Signer + fetch', { skip }, async () => {
  const credentials = new Credentials({ accessKeyId: AK, accessKeySecret: SK });
  const signer = new Signer({ credentials, region: 'cn-hangzhou', endpoint, version: 'v4' });
  for (const op of [new ops.PutBucket({ bucket: 'node-sansio' }), new ops.PutObject({ bucket: 'node-sansio', key: 'a b+c.txt', body: 'sans-io' })]) {
    const s = signer.sign(op.request());
    const res = await fetch(s.url, { method: s.method, headers: s.headers, body: s.body });
    op.parse(res.status, res.headers, Buffer.from(await res.arrayBuffer()));
  }
  const get = new ops.GetObject({ bucket: 'node-sansio', key: 'a b+c.txt' });
  const s = signer.sign(get.request());
  const res = await fetch(s.url, { method: s.method, headers: s.headers });
  const body = Buffer.from(await res.arrayBuffer());
  assert.equal(get.parse(res.status, res.headers, body).contentLength, 7);
  assert.equal(body.toString(), 'sans-io');
  const missing = new ops.GetObject({ bucket: 'node-sansio', key: 'nope' });
  const m = signer.sign(missing.request());
  const r2 = await fetch(m.url, { headers: m.headers });
  const errBody = Buffer.from(await r2.arrayBuffer());
  assert.throws(() => missing.parse(r2.status, r2.headers, errBody), (e) => e instanceof OssError && e.code === 'NoSuchKey' && e.status === 404);
});

test('paginate follows every marker of a listing: parts, uploads and versions', { skip }, async () => {
  const c = client();
  await c.putBucket({ bucket: 'node-pages' });
  for (const k of ['a', 'b', 'c']) await c.putObject({ bucket: 'node-pages', key: k, body: Buffer.from(k) });
  const versions = [];
  let pages = 0;
  for await (const page of c.paginate('listObjectVersions', { bucket: 'node-pages', maxKeys: 1 })) {
    pages++;
    versions.push(...page.version.map((v) => v.key));
  }
  assert.deepEqual(versions, ['a', 'b', 'c']);
  assert.equal(pages, 3);

  const { uploadId } = await c.initiateMultipartUpload({ bucket: 'node-pages', key: 'big' });
  await c.initiateMultipartUpload({ bucket: 'node-pages', key: 'big' });
  for (const n of [1, 2, 3]) {
    await c.uploadPart({ bucket: 'node-pages', key: 'big', uploadId, partNumber: n, body: Buffer.alloc(100 * 1024, n) });
  }
  const parts = [];
  for await (const page of c.paginate('listParts', { bucket: 'node-pages', key: 'big', uploadId, maxParts: 1 })) {
    parts.push(...page.parts.map((p) => p.partNumber));
  }
  assert.deepEqual(parts, [1, 2, 3]);
  const uploads = [];
  for await (const page of c.paginate('listMultipartUploads', { bucket: 'node-pages', maxUploads: 1 })) {
    uploads.push(...page.uploads.map((u) => u.uploadId));
  }
  assert.equal(uploads.length, 2);
  assert.equal(new Set(uploads).size, 2, 'two uploads of one key: the upload-id marker is followed');
});
