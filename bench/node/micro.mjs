// Node micro benchmarks: ossio's Signer against ali-oss signing the same request (V4 and
// V1; Authorization header and presigned URL). ali-oss is driven through the functions its
// client calls (lib/common/signUtils for headers, signatureUrl/signatureUrlV4 for URLs),
// with the headers object each contender builds per request included in the timed call.
import { AK, AT, BUCKET, HEADERS, KEY, SK, compare, emit, ossio, quietly, require } from './common.mjs';

const OSS = require('ali-oss');
const signUtils = require('ali-oss/lib/common/signUtils');
const { Signer, Credentials } = ossio;

const OURS = 'ossio (Node)';
const PEER = 'ali-oss';
const EXPIRES = 3600;

const credentials = new Credentials({ accessKeyId: AK, accessKeySecret: SK });
const signers = {
  v4: new Signer({ credentials, region: 'cn-hangzhou', version: 'v4' }),
  v1: new Signer({ credentials, region: 'cn-hangzhou', version: 'v1' }),
};
const client = quietly(() => new OSS({ region: 'oss-cn-hangzhou', accessKeyId: AK, accessKeySecret: SK, bucket: BUCKET }));

const ours = {
  sign: (v) => () => signers[v].sign({ method: 'PUT', bucket: BUCKET, key: KEY, headers: { ...HEADERS } }, { at: AT }).headers.Authorization,
  presign: (v) => () => signers[v].presign({ method: 'GET', bucket: BUCKET, key: KEY }, { at: AT, expires: EXPIRES }).url,
};

function lowerHeaders() {
  const h = {};
  for (const [k, v] of Object.entries(HEADERS)) h[k.toLowerCase()] = v;
  return h;
}

const peer = {
  sign: {
    v4: () => {
      const headers = lowerHeaders();
      headers['x-oss-date'] = '20231216T162057Z';
      headers['x-oss-content-sha256'] = 'UNSIGNED-PAYLOAD';
      return signUtils.authorizationV4(AK, SK, 'cn-hangzhou', 'PUT', { headers, queries: {} }, BUCKET, KEY, []);
    },
    v1: () => {
      const headers = lowerHeaders();
      headers['x-oss-date'] = AT.toUTCString();
      const canonical = signUtils.buildCanonicalString('PUT', `/${BUCKET}/${KEY}`, { headers, parameters: {} });
      return signUtils.authorization(AK, SK, canonical);
    },
  },
  presign: {
    v4: () => client.signatureUrlV4('GET', EXPIRES, { headers: {}, queries: {} }, KEY, []),
    v1: () => client.signatureUrl(KEY, { method: 'GET', expires: EXPIRES }),
  },
};

for (const v of ['v4', 'v1']) {
  for (const kind of ['sign', 'presign']) {
    const mine = ours[kind](v);
    const theirs = peer[kind][v];
    if (!mine() || !(await theirs())) throw new Error(`${kind} ${v}: no signature`);
    const medians = await compare({ [OURS]: mine, [PEER]: theirs });
    for (const [name, ns] of Object.entries(medians)) emit(`node_${kind}_${v}`, name, ns, 'ns');
  }
}
