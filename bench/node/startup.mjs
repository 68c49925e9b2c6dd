// Startup of the test server from Node: startServer() until it answers, then close().
// Prints one JSON line (median of 50 runs, microseconds) for bench/report.py.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startServer } = require(process.env.OSSIO_NODE_TESTING || '../../bindings/node/testing.js');

const samples = [];
for (let i = 0; i < 50; i++) {
  const t0 = process.hrtime.bigint();
  const server = await startServer();
  const r = await fetch(`${server.endpoint}/`);
  if (r.status !== 403) throw new Error(`unexpected ${r.status}`);
  server.close();
  samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
}
samples.sort((a, b) => a - b);
console.log(JSON.stringify({ group: 'node_server_start', name: 'ossio (Node)', value: samples[25], unit: 'us' }));
