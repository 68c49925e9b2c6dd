// What the Node benchmarks share: the request every signer signs (the same as
// crates/ossio-bench and bench/python), the timer and the output format (one JSON line per
// measurement, read by bench/report.py).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const require = createRequire(import.meta.url);
/** The ossio package: a release build staged by scripts/bench.sh, else bindings/node. */
export const ossio = require(process.env.OSSIO_NODE_DIR || path.resolve(here, '../../bindings/node'));

export const AK = 'LTAI5tBenchmarkAccessKey';
export const SK = 'BenchmarkSecretBenchmarkSecret00';
export const BUCKET = 'examplebucket';
export const KEY = 'photos/2024/summer holiday+beach.jpg';
export const AT = new Date(1_702_743_657 * 1000);
export const HEADERS = {
  'Content-Type': 'image/jpeg',
  'Content-MD5': 'eB5eJF1ptWaXm4bijSPyxw==',
  'x-oss-meta-author': 'alice',
  'x-oss-meta-camera': 'X100V',
  'x-oss-object-acl': 'private',
};
export const QUICK = process.env.BENCH_QUICK === '1';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median nanoseconds per call of `fn` (sync or async) over timed batches. */
export async function medianNs(fn) {
  const repeats = QUICK ? 3 : 9;
  const target = QUICK ? 0.05e9 : 0.25e9;
  for (let i = 0; i < 200; i++) await fn(); // let the JIT settle
  let loops = 1;
  let dt;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < loops; i++) await fn();
    dt = Number(process.hrtime.bigint() - t0);
    if (dt >= target / 4) break;
    loops *= 4;
  }
  loops = Math.max(1, Math.floor((loops * target) / dt));
  const samples = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < loops; i++) await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / loops);
  }
  return median(samples);
}

/** Median nanoseconds per call of each contender (`{ name: fn }`, sync or async), timed in
 * interleaved rounds so that a burst of load on a shared machine hits every contender alike. */
export async function compare(fns) {
  const repeats = QUICK ? 5 : 15;
  const target = QUICK ? 0.03e9 : 0.1e9;
  const loops = {};
  for (const [name, fn] of Object.entries(fns)) {
    for (let i = 0; i < 200; i++) await fn(); // let the JIT settle
    let n = 1;
    let dt;
    for (;;) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await fn();
      dt = Number(process.hrtime.bigint() - t0);
      if (dt >= target / 4) break;
      n *= 4;
    }
    loops[name] = Math.max(1, Math.floor((n * target) / dt));
  }
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < repeats; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const n = loops[name];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await fn();
      samples[name].push(Number(process.hrtime.bigint() - t0) / n);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

export function emit(group, name, value, unit) {
  process.stdout.write(JSON.stringify({ group, name, value, unit }) + '\n');
}

/** ali-oss warns on the console about STS refresh for every client: keep the output clean. */
export function quietly(fn) {
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
