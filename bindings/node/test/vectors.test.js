// The shared signing vectors (tests/vectors/*.json, from the official SDKs' own tests) run
// through the public Signer, as crates/ossio-core/tests/vectors.rs runs them through the core.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Signer, Credentials } = require('..');

const dir = path.resolve(__dirname, '..', '..', '..', 'tests', 'vectors');

function load() {
  // In a packed copy without the repository around it there are no vectors to run.
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).vectors);
}

/** [scheme://host, path] of a vector's request_url, which may carry a prose prefix. */
function endpointOf(url) {
  const start = Math.max(url.indexOf('http'), 0);
  url = url.slice(start);
  const i = url.indexOf('://');
  if (i < 0) return ['https://oss-cn-hangzhou.aliyuncs.com', '/'];
  const scheme = url.slice(0, i);
  const rest = url.slice(i + 3);
  const j = rest.search(/[/?]/);
  const host = j < 0 ? rest : rest.slice(0, j);
  const p = j < 0 ? '/' : rest.slice(j);
  return [`${scheme}://${host}`, p.split('?')[0]];
}

function requestOf(v) {
  return {
    method: v.method,
    bucket: v.bucket ?? undefined,
    key: v.key ?? undefined,
    query: v.query,
    headers: v.headers,
    subResources: v.sub_resource,
  };
}

function signerOf(v, version) {
  const region = v.region || 'cn-hangzhou';
  let [endpoint] = endpointOf(v.request_url);
  if (v.bucket) endpoint = endpoint.replace(`://${v.bucket}.`, '://');
  const cloudbox = v.product === 'oss-cloudbox';
  return new Signer({
    credentials: new Credentials({
      accessKeyId: v.access_key_id,
      accessKeySecret: v.access_key_secret,
      securityToken: v.security_token ?? undefined,
    }),
    region: cloudbox ? 'cn-hangzhou' : region,
    endpoint,
    version,
    product: cloudbox ? 'oss-cloudbox' : 'oss',
    cloudBoxId: cloudbox ? region : undefined,
  });
}

function check(failures, label, ours, theirs) {
  if (theirs != null && ours !== theirs) failures.push(`${label}:\n  ours:   ${JSON.stringify(ours)}\n  theirs: ${JSON.stringify(theirs)}`);
}

/** Decoded, sorted query of a URL, with `k=` and bare `k` alike (SIGNING.md §3.2). */
function urlQuery(url) {
  const q = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return [...new URLSearchParams(q)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

function rawQueryValue(url, name) {
  if (!url.includes('?')) return undefined;
  for (const part of url.slice(url.indexOf('?') + 1).split('&')) {
    const eq = part.indexOf('=');
    const [k, val] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (decodeURIComponent(k.replace(/\+/g, ' ')) === name) return val;
  }
  return undefined;
}

function checkPresigned(v, p, failures) {
  const id = v.id;
  const expected = v.expected;
  const ours = urlQuery(p.url);
  if (expected.query) {
    for (const [name, want] of Object.entries(expected.query)) {
      const have = expected.query_values_are_urlencoded ? rawQueryValue(p.url, name) : ours.find(([k]) => k === name)?.[1];
      if (want === null) {
        if ((have ?? '') !== '') failures.push(`${id}: query ${name} should be absent`);
      } else {
        check(failures, `${id} query ${name}`, have ?? '<absent>', want);
      }
    }
  }
  if (typeof expected.url === 'string') {
    const [theirBase, theirPath] = endpointOf(expected.url);
    const [ourBase, ourPath] = endpointOf(p.url);
    check(failures, `${id} url base`, ourBase, theirBase);
    const contextPath = `/${v.key ?? ''}`;
    const [, givenPath] = endpointOf(v.request_url);
    if (decodeURIComponent(givenPath) === contextPath || givenPath === '/') {
      check(failures, `${id} url path`, decodeURIComponent(ourPath), decodeURIComponent(theirPath));
    }
    const theirs = urlQuery(expected.url);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      failures.push(`${id} url query:\n  ours:   ${JSON.stringify(ours)}\n  theirs: ${JSON.stringify(theirs)}`);
    }
  }
  if (typeof expected.signature === 'string') {
    const have = ours.find(([k]) => k === 'x-oss-signature' || k === 'Signature')?.[1];
    check(failures, `${id} signature`, have ?? '', expected.signature);
  }
  check(failures, `${id} derived string_to_sign`, p.stringToSign, v.derived?.string_to_sign);
  if (p.canonicalRequest !== null) check(failures, `${id} derived canonical_request`, p.canonicalRequest, v.derived?.canonical_request);
}

function run(v) {
  const failures = [];
  const { expected, derived = {} } = v;
  switch (v.algorithm) {
    case 'v4-canonical-headers': {
      // A presigned V4 request signs exactly the request's own headers: its canonical
      // request carries the canonical header block the vector states.
      const at = new Date(Date.UTC(2025, 7, 14, 8, 6, 24));
      const p = signerOf(v, 'v4').presign(requestOf(v), { at, expires: 60 });
      if (!p.canonicalRequest.includes(`\n${expected.canonical_headers}`)) {
        failures.push(`${v.id} canonical headers:\n  ours: ${JSON.stringify(p.canonicalRequest)}\n  want: ${JSON.stringify(expected.canonical_headers)}`);
      }
      break;
    }
    case 'v1': {
      const at = new Date(v.signing_time.unix * 1000);
      const s = signerOf(v, 'v1').sign(requestOf(v), { at });
      check(failures, `${v.id} authorization`, s.headers.Authorization, expected.authorization);
      check(failures, `${v.id} string_to_sign`, s.stringToSign, expected.string_to_sign);
      check(failures, `${v.id} derived string_to_sign`, s.stringToSign, derived.string_to_sign);
      if (v.security_token) check(failures, `${v.id} token header`, s.headers['x-oss-security-token'], v.security_token);
      break;
    }
    case 'v4': {
      const at = new Date(v.signing_time.unix * 1000);
      const s = signerOf(v, 'v4').sign(requestOf(v), { at, additionalHeaders: v.additional_headers });
      check(failures, `${v.id} authorization`, s.headers.Authorization, expected.authorization);
      check(failures, `${v.id} derived authorization`, s.headers.Authorization, derived.authorization);
      check(failures, `${v.id} derived string_to_sign`, s.stringToSign, derived.string_to_sign);
      check(failures, `${v.id} derived canonical_request`, s.canonicalRequest, derived.canonical_request);
      break;
    }
    case 'v1-presign': {
      const expiration = new Date(Number(v.expires) * 1000);
      const p = signerOf(v, 'v1').presign(requestOf(v), { at: expiration, expiration });
      checkPresigned(v, p, failures);
      break;
    }
    case 'v4-presign': {
      const p = signerOf(v, 'v4').presign(requestOf(v), {
        at: new Date(v.signing_time.unix * 1000),
        expiration: new Date(v.expiration.unix * 1000),
        additionalHeaders: v.additional_headers,
      });
      checkPresigned(v, p, failures);
      break;
    }
    default:
      failures.push(`${v.id}: unknown algorithm ${v.algorithm}`);
  }
  return failures;
}

const vectors = load();

test('the shared signing vectors are all present', { skip: vectors.length === 0 && 'no repository around this copy' }, () => {
  assert.equal(vectors.length, 143);
});

for (const v of vectors) {
  // The bare HMAC-SHA1 primitive check has no request to sign: it is covered by the core's
  // own runner and by every V1 vector below.
  const skip = v.algorithm === 'hmac-sha1-base64-primitive' && 'HMAC primitive only (no request)';
  test(`vector ${v.id} (${v.algorithm})`, { skip }, () => {
    const failures = run(v);
    assert.deepEqual(failures, []);
  });
}
