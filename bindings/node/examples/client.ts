// The ready client, typed. Each call runs on the libuv thread pool.
import { Client, OssError, type ListAccessPointsOutput } from 'ossio';

async function main(): Promise<void> {
  const client = new Client({ region: 'cn-hangzhou', retries: 2, timeout: 30_000 });
  await client.putBucket({ bucket: 'examplebucket' });
  await client.putBucketAcl('examplebucket', 'private');
  const ap = await client.createAccessPoint({ bucket: 'examplebucket', name: 'ap-01', networkOrigin: 'vpc', vpcId: 'vpc-123' });
  const alias: string = ap.alias;
  let pages: ListAccessPointsOutput[] = [];
  for await (const page of client.listAccessPoints({ maxKeys: 50 })) pages = [...pages, page];
  const put = await client.putObject('examplebucket', 'a.txt', Buffer.from('hi'), { contentType: 'text/plain' });
  const etag: string | null = put.etag;
  await client.putObject('examplebucket', 'big.bin', { path: '/tmp/big.bin' });
  const got = await client.getObject('examplebucket', 'a.txt');
  const bytes: Buffer = got.data;
  const saved = await client.getObject('examplebucket', 'big.bin', { path: '/tmp/copy.bin' });
  const size: number | null = saved.meta.contentLength;
  const url: string = client.presign({ method: 'GET', bucket: 'examplebucket', key: 'a.txt' }, { expires: 60 }).url;
  try {
    await client.getObject('examplebucket', 'missing');
  } catch (e) {
    if (e instanceof OssError && e.code === 'NoSuchKey') console.log(e.status, e.requestId, e.ec);
  }
  console.log(alias, pages.length, etag, bytes.length, size, url);
}

void main();
