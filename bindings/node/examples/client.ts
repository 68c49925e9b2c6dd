// The ready client, typed. Every operation is `client.<camelName>({ bucket, ...fields })`
// and returns a Promise of its output; each call runs on the libuv thread pool.
import { Client, OssError, type ListAccessPointsOutput, type Uint64 } from 'ossio';

async function main(): Promise<void> {
  const client = new Client({ region: 'cn-hangzhou', retries: 2, timeout: 30_000 });
  await client.putBucket({ bucket: 'examplebucket' });
  await client.putBucketAcl({ bucket: 'examplebucket', acl: 'private' });
  const ap = await client.createAccessPoint({ bucket: 'examplebucket', accessPointName: 'ap-01', networkOrigin: 'vpc', vpcId: 'vpc-123' });
  const alias: string = ap.alias;
  let pages: ListAccessPointsOutput[] = [];
  for await (const page of client.paginate('listAccessPoints', { maxKeys: 50 })) pages = [...pages, page];
  const put = await client.putObject({ bucket: 'examplebucket', key: 'a.txt', body: Buffer.from('hi'), contentType: 'text/plain' });
  const etag: string | null = put.etag;
  await client.putObject({ bucket: 'examplebucket', key: 'big.bin', body: { path: '/tmp/big.bin' } });
  const got = await client.getObject({ bucket: 'examplebucket', key: 'a.txt' });
  const bytes: Buffer = got.body;
  const saved = await client.getObject({ bucket: 'examplebucket', key: 'big.bin' }, { path: '/tmp/copy.bin' });
  const size: Uint64 | null = saved.contentLength;
  const url: string = client.presign({ method: 'GET', bucket: 'examplebucket', key: 'a.txt' }, { expires: 60 }).url;
  try {
    await client.getObject({ bucket: 'examplebucket', key: 'missing' });
  } catch (e) {
    if (e instanceof OssError && e.code === 'NoSuchKey') console.log(e.status, e.requestId, e.ec);
  }
  console.log(alias, pages.length, etag, bytes.length, size, url);
}

void main();
