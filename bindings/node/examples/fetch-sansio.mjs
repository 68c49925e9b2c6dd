// Sans-IO: ossio builds and signs the requests, global fetch sends them.
//   OSS_REGION=cn-hangzhou OSS_ACCESS_KEY_ID=... OSS_ACCESS_KEY_SECRET=... node fetch-sansio.mjs <bucket>
// (OSS_ENDPOINT=http://127.0.0.1:9000 points it at a local ossio-server.)
import { Credentials, Signer, ops, OssError } from 'ossio';

const bucket = process.argv[2] ?? 'examplebucket';
const signer = new Signer({
  credentials: Credentials.fromEnv(),
  region: process.env.OSS_REGION ?? 'cn-hangzhou',
  endpoint: process.env.OSS_ENDPOINT,
  version: 'v4',
});

/**
 * Signs an operation's request, sends it with fetch and parses the response.
 * @template I, O
 * @param {import('ossio').Operation<I, O>} op
 * @returns {Promise<O>}
 */
async function send(op) {
  const signed = signer.sign(op.request());
  const body = signed.body && new Uint8Array(signed.body);
  const res = await fetch(signed.url, { method: signed.method, headers: signed.headers, body });
  return op.parse(res.status, res.headers, Buffer.from(await res.arrayBuffer()));
}

try {
  const created = await send(new ops.CreateAccessPoint({ bucket, accessPointName: 'ap-01', networkOrigin: 'internet' }));
  console.log('access point alias:', created.alias);
  const ap = await send(new ops.GetAccessPoint({ bucket, accessPointName: 'ap-01' }));
  console.log('status:', ap.status);
  const put = await send(new ops.PutObject({ bucket, key: 'hello.txt', body: 'hello from fetch', contentType: 'text/plain' }));
  console.log('etag:', put.etag);
  const url = signer.presign({ method: 'GET', bucket, key: 'hello.txt' }, { expires: 300 }).url;
  console.log('shareable for five minutes:', url);
} catch (e) {
  if (e instanceof OssError) console.error(`${e.code} (${e.status ?? 'no response'}): ${e.message}`);
  else throw e;
  process.exitCode = 1;
}
