// Compile-time checks of index.d.ts (run by `tsc -p test/tsconfig.json`).
import { Credentials, Signer, ops, type SignedRequest, type GetAccessPointOutput } from 'ossio';

const signer = new Signer({ credentials: new Credentials({ accessKeyId: 'ak', accessKeySecret: 'sk' }), region: 'cn-hangzhou', version: 'v1', addressing: 'path' });
const op = new ops.GetAccessPoint({ bucket: 'b', name: 'ap-01' });
const signed: SignedRequest = signer.sign(op.request(), { at: new Date() });
const out: GetAccessPointOutput = op.parse(200, signed.headers, '<x/>');
const p = signer.presign({ method: 'GET', bucket: 'b', key: 'k', query: { acl: null } }, { expires: 60 });
const expiration: Date = p.expiration;
// @ts-expect-error: networkOrigin is 'vpc' | 'internet'
new ops.CreateAccessPoint({ bucket: 'b', name: 'n', networkOrigin: 'lan' });
// @ts-expect-error: version is 'v1' | 'v4'
new Signer({ credentials: { accessKeyId: 'a', accessKeySecret: 's' }, region: 'r', version: 'v2' });
console.log(out.alias, expiration);
