// `credentials` providers against STS and credentials-URI stand-ins on 127.0.0.1 (started
// and stopped here), the default chain, typed errors, and secrets that never show.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { Client, Credentials, OssError, credentials } = require('..');

const SECRET = 'sk-node-NEVER-PRINT-41aa';
const TOKEN = 'CAIS-node-token-NEVER-PRINT-c0de';
const ROLE = 'acs:ram::1234567890123456:role/node';
const OIDC = 'acs:ram::1234567890123456:oidc-provider/rrsa';

const servers = [];
test.after(() => servers.forEach((s) => s.close()));

function expiration(seconds) {
  return new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A server on 127.0.0.1 answering handler(method, path, params) => [status, body]. */
async function mock(handler) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
      const [status, out] = handler(req.method, url.pathname, params);
      const data = JSON.stringify(out);
      res.writeHead(status, { 'Content-Length': Buffer.byteLength(data), Connection: 'close' });
      res.end(data);
    });
  });
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

function tmpFile(content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossio-creds-'));
  const file = path.join(dir, 'token');
  fs.writeFileSync(file, content);
  return file;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('OIDC refreshes and re-reads the rotated token', async () => {
  const token = tmpFile('node-oidc-1');
  const seen = [];
  const sts = await mock((method, p, q) => {
    assert.equal(method, 'POST');
    assert.equal(q.Action, 'AssumeRoleWithOIDC');
    seen.push(q.OIDCToken);
    if (q.OIDCToken !== fs.readFileSync(token, 'utf8').trim()) return [400, { Code: 'AuthenticationFail.OIDCToken.Invalid' }];
    return [200, { Credentials: { AccessKeyId: `STS.node${seen.length}`, AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: expiration(3) } }];
  });
  const p = new credentials.OidcRoleArn({ roleArn: ROLE, oidcProviderArn: OIDC, oidcTokenFile: token, stsEndpoint: sts,
    roleSessionName: 'node-test', refreshAhead: 1500, minValidity: 500 });
  assert.equal((await p.credentials()).accessKeyId, 'STS.node1');
  assert.equal((await p.credentials()).accessKeyId, 'STS.node1');
  fs.writeFileSync(token, 'node-oidc-2');
  await sleep(2000);
  const c = await p.credentials();
  assert.equal(c.accessKeyId, 'STS.node2');
  assert.ok(c.hasSecurityToken);
  assert.deepEqual(seen, ['node-oidc-1', 'node-oidc-2']);
  assert.match(p.name, /oidc_role_arn/);
});

test('AssumeRole chains over Credentials and providers', async () => {
  const actions = [];
  const sts = await mock((method, p, q) => {
    actions.push([q.Action, q.AccessKeyId]);
    assert.ok(q.Signature && q.SignatureMethod === 'HMAC-SHA1');
    return [200, { Credentials: { AccessKeyId: `STS.r${actions.length}`, AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: expiration(3600) } }];
  });
  const first = new credentials.AssumeRole(new Credentials({ accessKeyId: 'LTAIbase', accessKeySecret: SECRET }), { roleArn: ROLE, stsEndpoint: sts });
  const second = new credentials.AssumeRole(first, { roleArn: ROLE, stsEndpoint: sts, externalId: 'ext' });
  assert.equal((await second.credentials()).accessKeyId, 'STS.r2');
  assert.deepEqual(actions, [['AssumeRole', 'LTAIbase'], ['AssumeRole', 'STS.r1']]);
});

test('a credentials URI provider signs client requests', { skip: !process.env.OSSIO_SERVER_BIN && 'OSSIO_SERVER_BIN is not set' }, async () => {
  const { spawn } = require('node:child_process');
  const server = spawn(process.env.OSSIO_SERVER_BIN, ['--addr', '127.0.0.1:0', '--key', 'AK:SK'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const endpoint = await new Promise((resolve) => {
      let out = '';
      server.stdout.on('data', (d) => { out += d; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]); });
    });
    let calls = 0;
    const uri = await mock(() => {
      calls += 1;
      return [200, { Code: 'Success', AccessKeyId: 'AK', AccessKeySecret: 'SK', SecurityToken: 'any', Expiration: expiration(3600) }];
    });
    const client = new Client({ region: 'cn-hangzhou', endpoint, credentials: new credentials.CredentialsUri({ uri: `${uri}/creds` }), retries: 0 });
    await client.send('PutBucket', { bucket: 'node-creds-uri' });
    await client.putObject({ bucket: 'node-creds-uri', key: 'k', body: Buffer.from('v') });
    assert.equal((await client.getObject({ bucket: 'node-creds-uri', key: 'k' })).body.toString(), 'v');
    assert.equal(calls, 1);
  } finally {
    server.kill();
  }
});

test('bad options are errors naming the field, before any call', () => {
  const field = (f) => { try { f(); } catch (e) { assert.ok(e instanceof OssError); return e.field; } return 'no error'; };
  assert.equal(field(() => new credentials.OidcRoleArn({ roleArn: ROLE, oidcProviderArn: OIDC, oidcTokenFile: '/t', durationSeconds: 60 })), 'durationSeconds');
  assert.equal(field(() => new credentials.AssumeRole(new Credentials({ accessKeyId: 'a', accessKeySecret: 'b' }), { roleArn: '' })), 'roleArn');
  assert.equal(field(() => new credentials.CredentialsUri({ uri: 'file:///etc/passwd' })), 'credentialsUri');
  assert.equal(field(() => new credentials.EcsRamRole({ readTimeout: -1 })), 'readTimeout');
  assert.equal(field(() => new credentials.EcsRamRole({ nope: 1 })), 'nope');
  assert.equal(field(() => new credentials.AssumeRole(null, { roleArn: ROLE })), 'source');
});

test('the default chain: partial OIDC names what is missing; answeredBy', async () => {
  const saved = { ...process.env };
  try {
    for (const k of Object.keys(process.env)) if (/^(OSS_|ALIBABA_CLOUD_)/.test(k)) delete process.env[k];
    process.env.HOME = path.dirname(tmpFile(''));
    process.env.ALIBABA_CLOUD_ROLE_ARN = ROLE;
    process.env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN = OIDC;
    await assert.rejects(new credentials.DefaultChain().credentials(), (e) => e.code === 'CredentialsError' && /ALIBABA_CLOUD_OIDC_TOKEN_FILE/.test(e.message));
    delete process.env.ALIBABA_CLOUD_ROLE_ARN;
    delete process.env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIenv';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = SECRET;
    const chain = new credentials.DefaultChain();
    assert.equal(chain.answeredBy, null);
    assert.equal((await chain.credentials()).accessKeyId, 'LTAIenv');
    assert.equal(chain.answeredBy, 'environment: static access key LTAIenv');
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

test('secrets never show in inspect, JSON, names or errors', async () => {
  const token = tmpFile(TOKEN);
  const sts = await mock((method, p, q) => [400, { Code: 'InvalidParameter', Message: `bad ${q.OIDCToken} ${q.SecurityToken}` }]);
  const providers = [
    new credentials.OidcRoleArn({ roleArn: ROLE, oidcProviderArn: OIDC, oidcTokenFile: token, stsEndpoint: sts }),
    new credentials.AssumeRole(new Credentials({ accessKeyId: 'a', accessKeySecret: SECRET, securityToken: TOKEN }), { roleArn: ROLE, stsEndpoint: sts }),
    new credentials.CredentialsUri({ uri: `${sts}/c?token=${TOKEN}&secret=${SECRET}` }),
    new credentials.Process({ command: `/bin/echo ${SECRET}` }),
    new credentials.EcsRamRole({ endpoint: sts }),
  ];
  const shown = [];
  for (const p of providers) {
    shown.push(util.inspect(p), String(p), JSON.stringify(p), p.name);
    const e = await p.credentials().then(() => null, (err) => err);
    assert.ok(e instanceof OssError, String(e));
    shown.push(util.inspect(e), e.message, JSON.stringify(e));
  }
  for (const s of shown) {
    assert.ok(!s.includes(SECRET) && !s.includes(TOKEN), s);
  }
});
