// Compile-time checks of index.d.ts (run by `tsc -p test/tsconfig.json`).
import { Client, Credentials, Signer, credentials, ops, type SignedRequest, type GetAccessPointOutput, type CredentialsProvider } from 'ossio';

const signer = new Signer({ credentials: new Credentials({ accessKeyId: 'ak', accessKeySecret: 'sk' }), region: 'cn-hangzhou', version: 'v1', addressing: 'path' });
const op = new ops.GetAccessPoint({ bucket: 'b', accessPointName: 'ap-01' });
const signed: SignedRequest = signer.sign(op.request(), { at: new Date() });
const out: GetAccessPointOutput = op.parse(200, signed.headers, '<x/>');
const p = signer.presign({ method: 'GET', bucket: 'b', key: 'k', query: { acl: null } }, { expires: 60 });
const expiration: Date = p.expiration;
// @ts-expect-error: networkOrigin is 'vpc' | 'internet'
new ops.CreateAccessPoint({ bucket: 'b', accessPointName: 'n', networkOrigin: 'lan' });
// @ts-expect-error: version is 'v1' | 'v4'
new Signer({ credentials: { accessKeyId: 'a', accessKeySecret: 's' }, region: 'r', version: 'v2' });
// @ts-expect-error: an unknown field name
new ops.PutBucketAcl({ bucket: 'b', acl: 'private', acls: 'private' });
// @ts-expect-error: maxKeys is a number
new ops.ListObjectsV2({ bucket: 'b', maxKeys: '10' });
// @ts-expect-error: acl is required
new ops.PutBucketAcl({ bucket: 'b' });
async function calls(c: Client): Promise<void> {
  const acl: 'private' | 'public-read' | 'public-read-write' = (await c.getBucketAcl({ bucket: 'b' })).acl;
  const list = await c.listObjectsV2({ bucket: 'b', maxKeys: 10 });
  const keys: string[] = list.contents.map((o) => o.key);
  // @ts-expect-error: one calling convention: an input object, not positional arguments
  await c.putBucketAcl('b', 'private');
  console.log(acl, keys);
}
void calls;
console.log(out.alias, expiration);

// ossio/testing
import { startServer, type RequestRecord, type LocalServer } from 'ossio/testing';
async function useServer(): Promise<void> {
  const server: LocalServer = await startServer({ region: 'cn-hangzhou', dataDir: '/tmp/x' });
  server.failNext(1, 503, 'ServiceUnavailable');
  const log: RequestRecord[] = server.requests();
  const ops: (string | null)[] = log.map((r) => r.operation);
  const snap = server.snapshot();
  server.restore(snap);
  // @ts-expect-error: a snapshot is not a string
  server.restore('state');
  console.log(ops, server.client().constructor.name, server.aliOssOptions().sldEnable);
  server.close();
}
void useServer;

const oidc: CredentialsProvider = new credentials.OidcRoleArn({ roleArn: 'acs:ram::1:role/r', refreshAhead: 60000 });
const role = new credentials.AssumeRole(oidc, { roleArn: 'acs:ram::1:role/r2', externalId: 'x' });
const chain = new credentials.DefaultChain();
const answered: string | null = chain.answeredBy;
new Client({ region: 'cn-hangzhou', credentials: role });
void role.credentials().then((c: Credentials) => c.accessKeyId);
// @ts-expect-error: AssumeRole needs roleArn
new credentials.AssumeRole(oidc, {});
// @ts-expect-error: durationSeconds is a number
new credentials.OidcRoleArn({ durationSeconds: '3600' });
console.log(answered);
