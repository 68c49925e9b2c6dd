// A vitest (or jest: the same with `require` and jest's globals) suite that tests code using
// ali-oss against a local OSS from `ossio/testing`.
//
//   npx vitest run examples/local-server.vitest.mjs
import { describe, it, beforeAll, afterAll, beforeEach, afterEach, expect } from 'vitest';
import OSS from 'ali-oss';
import { startServer } from 'ossio/testing';

let server;
let snapshot;

beforeAll(async () => {
  server = await startServer();
  await new OSS(server.aliOssOptions()).putBucket('app-data');
  snapshot = server.snapshot();
});
afterAll(() => server.close());
// Every test starts from the same state and sees only its own requests.
beforeEach(() => server.clearRequests());
afterEach(() => server.restore(snapshot));

describe('the report store', () => {
  it('writes a report once, even when OSS drops the first connection', async () => {
    const client = new OSS({ ...server.aliOssOptions(), bucket: 'app-data', retryMax: 2 });
    server.dropNext(1);
    await client.put('reports/q3.csv', Buffer.from('a,b\n1,2\n'));
    const puts = server.requests().filter((r) => r.operation === 'PutObject');
    expect(puts.map((r) => r.fault)).toEqual(['drop', null]);
  });

  it('lists with one ListObjectsV2 call', async () => {
    const client = new OSS({ ...server.aliOssOptions(), bucket: 'app-data' });
    await client.listV2({ 'max-keys': 100 });
    expect(server.requests().filter((r) => r.operation === 'ListObjectsV2')).toHaveLength(1);
  });
});
