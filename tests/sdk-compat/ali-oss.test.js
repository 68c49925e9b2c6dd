// The official ali-oss SDK (6.x) against a fresh ossio-server, with V1 and V4 signing:
// bucket with an ACL, bucket ACL, access point create/get/list/delete (ali-oss 6.x has no
// access point methods, so those go through its generic signed `request`), an object put
// and read through the access point alias, a presigned URL fetched with plain `fetch`, and
// a wrong secret failing with SignatureDoesNotMatch.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const crypto = require('node:crypto');
const OSS = require('ali-oss');

const ROOT = path.resolve(__dirname, '..', '..');
const AK = 'compat-ak';
const SK = 'compat-sk';
const REGION = 'oss-cn-hangzhou';

let server;
let endpoint;

function serverBinary() {
  if (process.env.OSSIO_SERVER_BIN) return process.env.OSSIO_SERVER_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  return path.join(target, 'debug', 'ossio-server');
}

before(async () => {
  server = spawn(serverBinary(), ['--addr', '127.0.0.1:0', '--key', `${AK}:${SK}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: server.stdout });
  endpoint = await new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      const m = /^listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1]);
      else reject(new Error(`unexpected first line from ossio-server: ${line}`));
    });
    server.once('exit', (code) => reject(new Error(`ossio-server exited with ${code}`)));
  });
});

after(() => {
  if (server) server.kill();
});

function client(v4, options = {}) {
  // sldEnable: path-style addressing (bucket in the path), which an IP endpoint needs.
  return new OSS({
    region: REGION,
    accessKeyId: AK,
    accessKeySecret: SK,
    endpoint,
    sldEnable: true,
    authorizationV4: v4,
    ...options,
  });
}

function unique(prefix) {
  return `${prefix}-${crypto.randomBytes(5).toString('hex')}`;
}

async function apRequest(c, method, bucket, extra) {
  const params = c._bucketRequestParams(method, bucket, extra.subres || 'accessPoint');
  Object.assign(params, extra);
  return c.request(params);
}

for (const v4 of [false, true]) {
  const label = v4 ? 'V4' : 'V1';

  test(`ali-oss ${label}: buckets, ACLs, access points, alias, presign, wrong secret`, async () => {
    const c = client(v4);
    const bucket = unique(`ali${label.toLowerCase()}`);
    await c.putBucket(bucket, { acl: 'public-read' });
    assert.strictEqual((await c.getBucketACL(bucket)).acl, 'public-read');
    await c.putBucketACL(bucket, 'private');
    assert.strictEqual((await c.getBucketACL(bucket)).acl, 'private');

    const ap = unique('ap').slice(0, 19);
    const created = await apRequest(c, 'PUT', bucket, {
      mime: 'xml',
      content: `<CreateAccessPointConfiguration><AccessPointName>${ap}</AccessPointName><NetworkOrigin>internet</NetworkOrigin></CreateAccessPointConfiguration>`,
      successStatuses: [200],
      xmlResponse: true,
    });
    const alias = created.data.Alias;
    assert.match(alias, new RegExp(`^${ap}-[0-9a-f]+-ossalias$`));
    assert.strictEqual(created.data.AccessPointArn, `acs:oss:cn-hangzhou:1234567890123456:accesspoint/${ap}`);
    const got = await apRequest(c, 'GET', bucket, {
      headers: { 'x-oss-access-point-name': ap },
      successStatuses: [200],
      xmlResponse: true,
    });
    assert.strictEqual(got.data.Alias, alias);
    assert.strictEqual(got.data.Status, 'enable');
    const listed = await apRequest(c, 'GET', bucket, { successStatuses: [200], xmlResponse: true });
    assert.strictEqual(listed.data.AccessPoints.AccessPoint.AccessPointName, ap);

    const viaAlias = client(v4, { bucket: alias });
    const body = Buffer.from(`ali-oss through the alias ${label}`);
    const put = await viaAlias.put('dir/obj.txt', body);
    assert.strictEqual(put.res.status, 200);
    assert.deepStrictEqual((await viaAlias.get('dir/obj.txt')).content, body);
    const direct = client(v4, { bucket });
    assert.deepStrictEqual((await direct.get('dir/obj.txt')).content, body);

    let url;
    if (v4) {
      url = await direct.signatureUrlV4('GET', 60, undefined, 'dir/obj.txt');
    } else {
      // ali-oss refuses to presign V1 URLs for IP endpoints: sign for localhost, then fetch
      // from the same address (the host is not part of the signature).
      const named = client(false, { bucket, endpoint: endpoint.replace('127.0.0.1', 'localhost') });
      url = named.signatureUrl('dir/obj.txt', { expires: 60 }).replace('//localhost:', '//127.0.0.1:');
    }
    const fetched = await fetch(url);
    assert.strictEqual(fetched.status, 200, await fetched.clone().text());
    assert.deepStrictEqual(Buffer.from(await fetched.arrayBuffer()), body);
    assert.strictEqual((await fetch(`${endpoint}/${bucket}/dir/obj.txt`)).status, 403);

    const bad = client(v4, { accessKeySecret: 'wrong-secret' });
    await assert.rejects(bad.getBucketACL(bucket), (err) => {
      assert.strictEqual(err.code, 'SignatureDoesNotMatch');
      assert.strictEqual(err.status, 403);
      return true;
    });

    await direct.delete('dir/obj.txt');
    await apRequest(c, 'DELETE', bucket, {
      headers: { 'x-oss-access-point-name': ap },
      successStatuses: [204],
    });
    await assert.rejects(
      apRequest(c, 'GET', bucket, { headers: { 'x-oss-access-point-name': ap }, successStatuses: [200] }),
      (err) => err.code === 'NoSuchAccessPoint' && err.status === 404,
    );
    await c.deleteBucket(bucket);
  });
}

// Server fidelity as ali-oss sees it: paging with a delimiter ends and yields each entry
// once; a missing bucket is NoSuchBucket even for an unknown key; a gzip GET reads back.
test('ali-oss: delimiter paging, missing buckets, gzip', async () => {
  const bucket = unique('alipages');
  const c = client(true);
  await c.putBucket(bucket);
  const b = client(true, { bucket });
  const tree = ['a', 'd/a/1', 'd/a/2', 'd/a/x/3', 'd/b', 'd/c/1', 'e/1', 'f'];
  for (const k of tree) await b.put(k, Buffer.from(k));
  const want = ['a', 'd/', 'e/', 'f'];
  for (const maxKeys of [1, 2, 3]) {
    const seen = [];
    let token;
    for (let page = 0; ; page++) {
      assert.ok(page < 50, 'listV2 never ends');
      const q = { delimiter: '/', 'max-keys': maxKeys };
      if (token) q['continuation-token'] = token;
      const r = await b.listV2(q);
      seen.push(...(r.objects || []).map((o) => o.name), ...(r.prefixes || []));
      if (!r.isTruncated) break;
      token = r.nextContinuationToken;
    }
    assert.deepStrictEqual([...seen].sort(), want, `listV2 max-keys ${maxKeys}`);
    const seenV1 = [];
    let marker;
    for (let page = 0; ; page++) {
      assert.ok(page < 50, 'list never ends');
      const q = { delimiter: '/', 'max-keys': maxKeys };
      if (marker) q.marker = marker;
      const r = await b.list(q);
      seenV1.push(...(r.objects || []).map((o) => o.name), ...(r.prefixes || []));
      if (!r.isTruncated) break;
      marker = r.nextMarker;
    }
    assert.deepStrictEqual([...seenV1].sort(), want, `list max-keys ${maxKeys}`);
  }

  const stranger = client(true, { accessKeyId: 'no-such-key', bucket: unique('gone') });
  await assert.rejects(stranger.getBucketInfo(), (err) => err.status === 404 && err.code === 'NoSuchBucket');

  const text = Buffer.from('ali-oss gzip line\n'.repeat(200));
  await b.put('notes.txt', text, { mime: 'text/plain' });
  const got = await b.get('notes.txt', { headers: { 'Accept-Encoding': 'gzip' } });
  const zlib = require('node:zlib');
  const content = got.content[0] === 0x1f && got.content[1] === 0x8b ? zlib.gunzipSync(got.content) : got.content;
  assert.deepStrictEqual(content, text);
  assert.strictEqual(got.res.headers['content-encoding'], 'gzip');
});
