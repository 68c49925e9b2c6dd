// The `ossio` package: a thin JavaScript layer over the native module (ossio.node).
// Protocol rules live in the Rust core; this file shapes values, errors and iterators.
'use strict';
const util = require('node:util');
const path = require('node:path');
const { Readable } = require('node:stream');
const fs = require('node:fs');

let native;
try {
  native = require(path.join(__dirname, 'ossio.node'));
} catch (e) {
  const err = new Error(`ossio: the native module is missing or unloadable (${e.message}); ` +
    'rebuild it with `npm rebuild ossio` (needs Rust: https://rustup.rs)');
  err.cause = e;
  throw err;
}

const MARKER = '\u0001ossio-error:';

/** An error from ossio: a service error from OSS, a validation error, or a transport failure. */
class OssError extends Error {
  constructor(info) {
    super(info.message);
    this.name = 'OssError';
    this.code = info.code;
    this.status = info.status ?? null;
    this.requestId = info.requestId ?? null;
    this.ec = info.ec ?? null;
    this.hostId = info.hostId ?? null;
    this.recommendDoc = info.recommendDoc ?? null;
    this.details = info.details ?? {};
    this.field = info.field ?? null;
    this.value = info.value ?? null;
    this.operation = info.operation ?? null;
    this.stringToSign = info.stringToSign ?? null;
    this.retryable = info.retryable ?? false;
  }
}

function argumentError(field, message) {
  return new OssError({ code: 'InvalidArgument', message: `invalid ${field}: ${message}`, field });
}

/** Any error from the native module as an OssError. */
function toOssError(e) {
  if (e instanceof OssError) return e;
  const message = e && typeof e.message === 'string' ? e.message : String(e);
  if (message.startsWith(MARKER)) {
    return new OssError(JSON.parse(message.slice(MARKER.length)));
  }
  // napi's own argument conversion errors (a wrong JavaScript type reached the binding).
  const code = e && typeof e.code === 'string' && /Expected|InvalidArg/.test(e.code) ? 'InvalidArgument' : 'InternalError';
  const err = new OssError({ code, message });
  err.cause = e;
  return err;
}

function call(fn) {
  try {
    return fn();
  } catch (e) {
    throw toOssError(e);
  }
}

const nativeCredentials = new WeakMap();

/** An access key pair with an optional STS token; never shows its secret or token. */
class Credentials {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      throw argumentError('credentials', 'expected { accessKeyId, accessKeySecret, securityToken? }');
    }
    const { accessKeyId, accessKeySecret, securityToken } = options;
    if (typeof accessKeyId !== 'string' || accessKeyId === '') throw argumentError('accessKeyId', 'must be a non-empty string');
    if (typeof accessKeySecret !== 'string' || accessKeySecret === '') throw argumentError('accessKeySecret', 'must be a non-empty string');
    if (securityToken != null && typeof securityToken !== 'string') throw argumentError('securityToken', 'must be a string');
    nativeCredentials.set(this, call(() => new native.NativeCredentials(accessKeyId, accessKeySecret, securityToken || undefined)));
    Object.freeze(this);
  }

  /** The access key id (not secret). */
  get accessKeyId() {
    return nativeCredentials.get(this).accessKeyId;
  }

  /** Whether an STS token is present. */
  get hasSecurityToken() {
    return nativeCredentials.get(this).hasSecurityToken;
  }

  /** Credentials from OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET and OSS_SESSION_TOKEN. */
  static fromEnv(env = process.env) {
    return new Credentials({
      accessKeyId: env.OSS_ACCESS_KEY_ID,
      accessKeySecret: env.OSS_ACCESS_KEY_SECRET,
      securityToken: env.OSS_SESSION_TOKEN || env.OSS_SECURITY_TOKEN || undefined,
    });
  }

  toJSON() {
    const shown = { accessKeyId: this.accessKeyId, accessKeySecret: '***' };
    if (this.hasSecurityToken) shown.securityToken = '***';
    return shown;
  }

  toString() {
    return `Credentials(${this.accessKeyId}${this.hasSecurityToken ? ', with STS token' : ''})`;
  }

  [util.inspect.custom](depth, options, inspect) {
    return `Credentials ${(inspect || util.inspect)(this.toJSON(), options)}`;
  }
}

/** Credentials object around native credentials (from a provider). */
function credentialsFromNative(n) {
  const c = Object.create(Credentials.prototype);
  nativeCredentials.set(c, n);
  return Object.freeze(c);
}

const nativeProviders = new WeakMap();
const MS = ['connectTimeout', 'readTimeout', 'refreshAhead', 'minValidity', 'timeout'];
const ALLOWED = {
  environment: [],
  defaultChain: [],
  cliProfile: ['profile', 'path'],
  profileFile: ['profile', 'path'],
  ecsRamRole: ['roleName', 'endpoint', 'disableImdsV1', 'connectTimeout', 'readTimeout', 'refreshAhead', 'minValidity'],
  oidcRoleArn: ['roleArn', 'oidcProviderArn', 'oidcTokenFile', 'roleSessionName', 'durationSeconds', 'policy',
    'stsEndpoint', 'stsRegion', 'vpcEndpoint', 'connectTimeout', 'readTimeout', 'refreshAhead', 'minValidity'],
  assumeRole: ['roleArn', 'roleSessionName', 'durationSeconds', 'policy', 'externalId', 'stsEndpoint', 'stsRegion',
    'vpcEndpoint', 'connectTimeout', 'readTimeout', 'refreshAhead', 'minValidity'],
  credentialsUri: ['uri', 'connectTimeout', 'readTimeout', 'refreshAhead', 'minValidity'],
  process: ['command', 'timeout', 'refreshAhead', 'minValidity'],
};

/** The native options of provider `kind`: checks names and types, milliseconds as `...Ms`. */
function providerOptions(kind, options) {
  if (options == null) return {};
  if (typeof options !== 'object') throw argumentError('options', 'must be an object');
  const out = {};
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (!ALLOWED[kind].includes(k)) throw argumentError(k, `is not an option of ${kind}`);
    if (MS.includes(k)) {
      if (typeof v !== 'number') throw argumentError(k, 'must be milliseconds');
      out[`${k}Ms`] = v;
    } else if (k === 'durationSeconds') {
      if (!Number.isInteger(v) || v < 0) throw argumentError(k, 'must be a whole number of seconds');
      out[k] = v;
    } else if (k === 'vpcEndpoint' || k === 'disableImdsV1') {
      if (typeof v !== 'boolean') throw argumentError(k, 'must be a boolean');
      out[k] = v;
    } else {
      if (typeof v !== 'string') throw argumentError(k, 'must be a string');
      out[k] = v;
    }
  }
  return out;
}

/** Any credentials provider: `new Client({ credentials: provider })`. */
class Provider {
  constructor(kind, options, source) {
    if (new.target === Provider) throw argumentError('Provider', 'use one of the classes in `credentials`');
    const opts = providerOptions(kind, options);
    let baseProvider;
    let baseCredentials;
    if (source !== undefined) {
      if (source instanceof Provider) baseProvider = nativeProviders.get(source);
      else baseCredentials = credentialsOf(source, 'source');
    }
    nativeProviders.set(this, call(() => native.NativeProvider.create(kind, opts, baseProvider, baseCredentials)));
  }

  /** The credentials the provider hands out now (fetching or refreshing if needed). */
  async credentials() {
    const n = nativeProviders.get(this);
    return credentialsFromNative(await settle(call(() => n.credentials())));
  }

  /** What the provider is (never a secret). */
  get name() {
    return nativeProviders.get(this).name;
  }

  toJSON() {
    return { provider: this.constructor.name, name: this.name };
  }

  toString() {
    return `${this.constructor.name}(${this.name})`;
  }

  [util.inspect.custom]() {
    return this.toString();
  }
}

/** OSS_ACCESS_KEY_ID / _SECRET / OSS_SESSION_TOKEN or the ALIBABA_CLOUD_* names. */
class Environment extends Provider {
  constructor() { super('environment'); Object.freeze(this); }
}

/** The default chain; `answeredBy` names the step that answered. */
class DefaultChain extends Provider {
  constructor() { super('defaultChain'); Object.freeze(this); }

  /** The step and provider that answered, once credentials were asked for. */
  get answeredBy() {
    return nativeProviders.get(this).answeredBy ?? null;
  }
}

/** One profile of the aliyun CLI's ~/.aliyun/config.json. */
class CliProfile extends Provider {
  constructor(options) { super('cliProfile', options); Object.freeze(this); }
}

/** One section of the ini file ~/.alibabacloud/credentials. */
class ProfileFile extends Provider {
  constructor(options) { super('profileFile', options); Object.freeze(this); }
}

/** The ECS instance's RAM role, from the metadata service. */
class EcsRamRole extends Provider {
  constructor(options) { super('ecsRamRole', options); Object.freeze(this); }
}

/** STS AssumeRoleWithOIDC (Kubernetes RRSA, CI); options default to ALIBABA_CLOUD_*. */
class OidcRoleArn extends Provider {
  constructor(options) { super('oidcRoleArn', options); Object.freeze(this); }
}

/** STS AssumeRole with the credentials of `source` (Credentials or any provider). */
class AssumeRole extends Provider {
  constructor(source, options) {
    if (source == null) throw argumentError('source', 'expected a Credentials or a credentials provider');
    super('assumeRole', options, source);
    Object.freeze(this);
  }
}

/** Credentials from a URI (default ALIBABA_CLOUD_CREDENTIALS_URI). */
class CredentialsUri extends Provider {
  constructor(options) { super('credentialsUri', options); Object.freeze(this); }
}

/** Credentials printed as JSON by a command. */
class Process extends Provider {
  constructor(options) { super('process', options); Object.freeze(this); }
}

const credentials = Object.freeze({
  Provider, Environment, DefaultChain, CliProfile, ProfileFile, EcsRamRole, OidcRoleArn, AssumeRole, CredentialsUri, Process,
});

function credentialsOf(value, field = 'credentials') {
  if (value instanceof Credentials) return nativeCredentials.get(value);
  if (value !== null && typeof value === 'object') return nativeCredentials.get(new Credentials(value));
  throw argumentError(field, 'expected a Credentials or { accessKeyId, accessKeySecret, securityToken? }');
}

function toBuffer(body, field = 'body') {
  if (body == null) return null;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw argumentError(field, 'must be a string, Buffer, Uint8Array or ArrayBuffer');
}

function queryPairs(query) {
  if (query == null) return [];
  const pairs = [];
  const push = (name, value) => {
    if (value === undefined) return;
    if (value !== null && typeof value !== 'string') {
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      else throw argumentError(`query.${name}`, 'must be a string or null');
    }
    pairs.push({ name: String(name), value: value ?? undefined });
  };
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) push(k, v);
  } else if (Array.isArray(query)) {
    for (const entry of query) {
      if (!Array.isArray(entry)) throw argumentError('query', 'an array of query parameters holds [name, value] pairs');
      push(entry[0], entry.length > 1 ? entry[1] : null);
    }
  } else if (typeof query === 'object') {
    for (const [k, v] of Object.entries(query)) push(k, v);
  } else {
    throw argumentError('query', 'must be an object, an array of pairs or URLSearchParams');
  }
  return pairs;
}

function headerPairs(headers) {
  if (headers == null) return [];
  const pairs = [];
  const push = (name, value) => {
    if (value === undefined || value === null) return;
    if (typeof value === 'number') value = String(value);
    if (typeof value !== 'string') throw argumentError(`headers.${name}`, 'must be a string');
    pairs.push({ name: String(name), value });
  };
  if (Array.isArray(headers)) {
    for (const [k, v] of headers) push(k, v);
  } else if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    headers.forEach((v, k) => push(k, v));
  } else if (typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers)) push(k, v);
  } else {
    throw argumentError('headers', 'must be an object');
  }
  return pairs;
}

function optionalString(value, field) {
  if (value == null) return undefined;
  if (typeof value !== 'string') throw argumentError(field, 'must be a string');
  return value;
}

/** A request as the native module takes it. */
function normalizeRequest(request) {
  if (request === null || typeof request !== 'object') throw argumentError('request', 'must be an object');
  const method = request.method == null ? 'GET' : request.method;
  if (typeof method !== 'string') throw argumentError('method', 'must be a string');
  let subResources;
  if (request.subResources != null) {
    if (!Array.isArray(request.subResources) || request.subResources.some((s) => typeof s !== 'string')) {
      throw argumentError('subResources', 'must be an array of strings');
    }
    subResources = request.subResources;
  }
  return {
    method,
    bucket: optionalString(request.bucket, 'bucket'),
    key: optionalString(request.key, 'key'),
    query: queryPairs(request.query),
    headers: headerPairs(request.headers),
    body: toBuffer(request.body) ?? undefined,
    subResources,
  };
}

/** A normalised request as the flat string array the native signer reads. */
function flatRequest(req) {
  const f = [req.method, req.bucket == null ? '' : `=${req.bucket}`, req.key == null ? '' : `=${req.key}`];
  f.push(String(req.query.length));
  for (const { name, value } of req.query) f.push(name, value == null ? '' : `=${value}`);
  f.push(String(req.headers.length));
  for (const { name, value } of req.headers) f.push(name, value);
  if (req.subResources == null) f.push('-');
  else f.push(String(req.subResources.length), ...req.subResources);
  return f;
}

/** Fields as one string: each is its length, `:`, and itself (see src/signer.rs). */
function pack(fields) {
  let s = '';
  for (const f of fields) s += `${f.length}:${f}`;
  return s;
}

function unpack(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    const colon = s.indexOf(':', i);
    const n = Number(s.slice(i, colon));
    out.push(s.slice(colon + 1, colon + 1 + n));
    i = colon + 1 + n;
  }
  return out;
}

/** Headers from a flat array at `start` (`n, name, value, …`) as a plain object. */
function flatHeaders(f, start) {
  const out = {};
  const n = Number(f[start]);
  for (let i = start + 1; i < start + 1 + 2 * n; i += 2) {
    const name = f[i];
    out[name] = Object.prototype.hasOwnProperty.call(out, name) ? `${out[name]}, ${f[i + 1]}` : f[i + 1];
  }
  return out;
}

function headersObject(pairs) {
  const out = {};
  for (const { name, value } of pairs) {
    out[name] = Object.prototype.hasOwnProperty.call(out, name) ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function dateMillis(value, field) {
  if (value == null) return Date.now();
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  throw argumentError(field, 'must be a Date');
}

function stringList(value, field) {
  if (value == null) return undefined;
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) throw argumentError(field, 'must be an array of strings');
  return value;
}

/** The public form of a request built by an operation. */
function requestOut(r) {
  const out = { method: r.method };
  if (r.bucket != null) out.bucket = r.bucket;
  if (r.key != null) out.key = r.key;
  out.query = r.query.map(({ name, value }) => [name, value ?? null]);
  out.headers = headersObject(r.headers);
  out.body = r.body ?? null;
  out.subResources = r.subResources ?? [];
  return out;
}

const signerState = new WeakMap();
const opState = new WeakMap();

/** Sans-IO signer: signs requests and presigns URLs for one region and key pair. */
class Signer {
  constructor(options) {
    if (options === null || typeof options !== 'object') throw argumentError('options', 'must be an object');
    const creds = credentialsOf(options.credentials);
    if (typeof options.region !== 'string') throw argumentError('region', 'must be a string');
    const config = {
      region: options.region,
      endpoint: optionalString(options.endpoint, 'endpoint'),
      addressing: optionalString(options.addressing, 'addressing'),
      version: optionalString(options.version, 'version'),
      product: optionalString(options.product, 'product'),
      cloudBoxId: optionalString(options.cloudBoxId, 'cloudBoxId'),
      additionalHeaders: stringList(options.additionalHeaders, 'additionalHeaders'),
    };
    signerState.set(this, { signer: call(() => new native.NativeSigner(config)), creds });
    Object.freeze(this);
  }

  /** Signs `request` (at `options.at`, default now). */
  sign(request, options = {}) {
    const { signer, creds } = signerState.get(this);
    const req = normalizeRequest(request);
    const at = dateMillis(options.at, 'at');
    const extra = stringList(options.additionalHeaders, 'additionalHeaders');
    const s = unpack(call(() => signer.signPacked(pack(flatRequest(req)), req.body, creds, at, extra)));
    return {
      method: s[0],
      url: s[1],
      headers: flatHeaders(s, 4),
      body: req.body ?? null,
      stringToSign: s[2],
      canonicalRequest: s[3] === '' ? null : s[3].slice(1),
    };
  }

  /** Presigns `request`: a URL valid for `options.expires` seconds (default 900). */
  presign(request, options = {}) {
    const { signer, creds } = signerState.get(this);
    const req = normalizeRequest(request);
    const at = dateMillis(options.at, 'at');
    let expires;
    if (options.expires != null) {
      if (typeof options.expires !== 'number') throw argumentError('expires', 'must be a number of seconds');
      expires = options.expires;
    }
    let expiration;
    if (options.expiration != null) expiration = Math.floor(dateMillis(options.expiration, 'expiration') / 1000);
    const extra = stringList(options.additionalHeaders, 'additionalHeaders');
    const p = unpack(call(() => signer.presignPacked(pack(flatRequest(req)), req.body, creds, at, expires, expiration, extra)));
    return {
      url: p[1],
      method: p[0],
      headers: flatHeaders(p, 5),
      expiration: new Date(Number(p[4]) * 1000),
      stringToSign: p[2],
      canonicalRequest: p[3] === '' ? null : p[3].slice(1),
    };
  }

  [util.inspect.custom]() {
    return 'Signer {}';
  }

  toJSON() {
    return {};
  }
}

// Every registered operation, with what the registry says about its bodies and pages
// (generated: operations.js).
const OPERATIONS = require('./operations.js');
const INFO = new Map(OPERATIONS.flatMap((o) => [[o.name, o], [o.method, o]]));

/** Sans-IO operations: `new ops.X(input)`, `.request()`, `.parse(status, headers, body)`. */
const ops = {};
for (const { name } of OPERATIONS) {
  const Op = class {
    constructor(input = {}) {
      // Built and validated now, so a bad input fails where it was written.
      const op = call(() => new native.NativeOp(name, input));
      opState.set(this, op);
      this.input = Object.freeze(call(() => op.input()));
      Object.freeze(this);
    }
    /** The request to sign and send. */
    request() {
      return requestOut(call(() => opState.get(this).request()));
    }
    /** The typed output of a response (throws OssError for an error response). */
    parse(status, headers, body) {
      const hs = headerPairs(headers);
      const buf = toBuffer(body ?? Buffer.alloc(0)) ?? Buffer.alloc(0);
      return call(() => opState.get(this).parse(status, hs, buf));
    }
    static get operationName() {
      return name;
    }
  };
  Object.defineProperty(Op, 'name', { value: name });
  ops[name] = Op;
}

const clientState = new WeakMap();

/** A download's body as a Readable: each read takes the next chunk off the thread pool. */
function bodyStream(native) {
  return new Readable({
    highWaterMark: 256 * 1024,
    read(size) {
      settle(native.read(Math.max(size, 64 * 1024))).then(
        (chunk) => this.push(chunk),
        (e) => this.destroy(e),
      );
    },
    destroy(err, cb) {
      native.close();
      cb(err);
    },
  });
}

async function settle(promise) {
  try {
    return await promise;
  } catch (e) {
    throw toOssError(e);
  }
}

/** The ready client: every call runs on the libuv thread pool and returns a Promise. */
class Client {
  constructor(options = {}) {
    if (options === null || typeof options !== 'object') throw argumentError('options', 'must be an object');
    const region = options.region ?? process.env.OSS_REGION;
    if (typeof region !== 'string' || region === '') throw argumentError('region', 'is required (or set OSS_REGION)');
    const endpoint = options.endpoint ?? (process.env.OSS_ENDPOINT || undefined);
    const provider = options.credentials instanceof Provider ? nativeProviders.get(options.credentials) : undefined;
    const creds = options.credentials == null || provider ? undefined : credentialsOf(options.credentials);
    if (options.timeout != null && typeof options.timeout !== 'number') throw argumentError('timeout', 'must be milliseconds');
    if (options.retries != null && (!Number.isInteger(options.retries) || options.retries < 0)) throw argumentError('retries', 'must be a non-negative integer');
    const config = {
      region,
      endpoint: optionalString(endpoint, 'endpoint'),
      addressing: optionalString(options.addressing, 'addressing'),
      signatureVersion: optionalString(options.signatureVersion, 'signatureVersion'),
      timeoutMs: options.timeout ?? undefined,
      retries: options.retries ?? undefined,
    };
    clientState.set(this, call(() => new native.NativeClient(config, creds, provider)));
    Object.freeze(this);
  }

  /**
   * Sends operation `name` (its API name or its client method name) with its
   * input; what `client.<camelName>(input, options)` calls.
   */
  async send(name, input = {}, options = {}) {
    const c = clientState.get(this);
    const info = INFO.get(name);
    if (info === undefined) throw argumentError('operation', `${JSON.stringify(name)} is not a registered operation`);
    if (options === null || typeof options !== 'object') throw argumentError('options', 'must be an object');
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new OssError({ code: 'InvalidArgument', message: `${info.name}: invalid input: expected an object`, field: 'input', operation: info.name });
    }
    let mode = 'send';
    let file;
    const body = input.body;
    if (info.streamsRequest && body != null && typeof body === 'object' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
      const wholeFile = body instanceof fs.ReadStream && body.start === undefined && body.end === Infinity && typeof body.path === 'string';
      if ((typeof body.path === 'string' && typeof body.pipe !== 'function') || wholeFile) {
        // A file is streamed from disk by the native client (and rewound for retries).
        mode = 'fromFile';
        file = body.path;
        input = { ...input, body: undefined };
        if (wholeFile) body.destroy();
      } else if (typeof body[Symbol.asyncIterator] === 'function') {
        // A Readable (or any async iterable of chunks): collected, then sent with its length.
        const chunks = [];
        for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        input = { ...input, body: Buffer.concat(chunks) };
      }
    }
    if (info.streamsResponse && options.stream === true) {
      const out = await settle(call(() => c.open(info.name, input)));
      out.body = bodyStream(out.body);
      return out;
    }
    if (info.streamsResponse) {
      if (typeof options.path === 'string') {
        mode = 'toFile';
        file = options.path;
      } else {
        mode = 'toBuffer';
      }
    }
    return settle(call(() => c.call(info.name, input, mode, file)));
  }

  /**
   * Every page of a paginated operation (its output says `isTruncated` and carries the next
   * token or markers), `client.paginate('<camelName>', input)`. A page that hands back the
   * tokens it was asked with is an error, never a loop.
   */
  async *paginate(name, input = {}) {
    const info = INFO.get(name);
    if (info === undefined || info.pager == null) throw argumentError('operation', `${JSON.stringify(name)} does not page`);
    let at = Object.fromEntries(info.pager.map(([token]) => [token, input[token]]));
    for (;;) {
      const page = await this.send(info.name, { ...input, ...at });
      yield page;
      if (!page.isTruncated || info.pager.every(([, next]) => page[next] == null)) return;
      const next = Object.fromEntries(info.pager.map(([token, n]) => [token, page[n] ?? undefined]));
      if (info.pager.every(([token]) => next[token] === at[token])) {
        throw new OssError({
          code: 'RepeatedToken',
          message: `${info.name}: the service returned the same page token again`,
          operation: info.name,
        });
      }
      at = next;
    }
  }

  /** A presigned URL for `request`, valid `options.expires` seconds (default 900). */
  presign(request, options = {}) {
    const c = clientState.get(this);
    const req = normalizeRequest(request);
    const expires = options.expires ?? 900;
    if (typeof expires !== 'number') throw argumentError('expires', 'must be a number of seconds');
    const p = call(() => c.presign(req, expires));
    return { url: p.url, method: p.method, headers: headersObject(p.headers), expiration: new Date(p.expiration * 1000) };
  }

  [util.inspect.custom]() {
    return 'Client {}';
  }
}

// `client.<camelName>(input, options)` for every registered operation.
for (const { name, method } of OPERATIONS) {
  Object.defineProperty(Client.prototype, method, {
    value: function (input, options) {
      return this.send(name, input, options);
    },
    writable: true,
    configurable: true,
  });
}

module.exports = {
  Client,
  Credentials,
  credentials,
  Signer,
  OssError,
  ops,
};
// Internal helpers shared with the rest of the package (not part of the public API).
Object.defineProperty(module.exports, '_internal', {
  value: { native, call, toOssError, normalizeRequest, requestOut, headersObject, credentialsOf, toBuffer, argumentError },
  enumerable: false,
});
