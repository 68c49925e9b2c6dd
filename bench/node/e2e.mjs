// Node end to end against a running ossio-server: client CPU time (process.cpuUsage: user +
// system of every thread, the libuv pool included) per small PutObject and GetObject.
//   node e2e.mjs --client ossio|ali-oss --endpoint URL [--n 10000] [--size 1024]
import { emit, ossio, quietly, require } from './common.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const kind = args.client || 'ossio';
const endpoint = args.endpoint;
const n = Number(args.n || 10000);
const size = Number(args.size || 1024);
const ak = process.env.BENCH_AK || 'bench-ak';
const sk = process.env.BENCH_SK || 'bench-sk';
const BUCKET = 'bench';

let put;
let get;
let label;
if (kind === 'ossio') {
  const c = new ossio.Client({ region: 'cn-hangzhou', endpoint, credentials: { accessKeyId: ak, accessKeySecret: sk }, retries: 0 });
  put = (k, d) => c.putObject({ bucket: BUCKET, key: k, body: d });
  get = async (k) => (await c.getObject({ bucket: BUCKET, key: k })).body;
  label = 'ossio (Node)';
} else if (kind === 'ali-oss') {
  const OSS = require('ali-oss');
  const c = quietly(() => new OSS({
    region: 'oss-cn-hangzhou', accessKeyId: ak, accessKeySecret: sk, endpoint, sldEnable: true,
    authorizationV4: true, bucket: BUCKET,
  }));
  put = (k, d) => c.put(k, d);
  get = async (k) => (await c.get(k)).content;
  label = 'ali-oss';
} else {
  throw new Error(`unknown client ${kind}`);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const data = Buffer.alloc(size, 'x');
const keys = Array.from({ length: n }, (_, i) => `small/node-${kind}/${String(i).padStart(6, '0')}`);
await put(keys[0], data); // opens the connection, untimed
const c0 = cpu();
const w0 = performance.now();
for (const k of keys) await put(k, data);
const c1 = cpu();
const w1 = performance.now();
for (const k of keys) {
  const got = await get(k);
  if (got.length !== size) throw new Error(`${label}: GetObject returned ${got.length} bytes`);
}
const c2 = cpu();
const w2 = performance.now();
emit('e2e_put_cpu', label, ((c1 - c0) * 1e6) / n, 'us');
emit('e2e_get_cpu', label, ((c2 - c1) * 1e6) / n, 'us');
emit('e2e_put_wall', label, ((w1 - w0) * 1e3) / n, 'us');
emit('e2e_get_wall', label, ((w2 - w1) * 1e3) / n, 'us');
