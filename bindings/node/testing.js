// `ossio/testing`: a local OSS server (ossio-server, in-process on Rust threads) for tests.
// It checks signatures and ACLs as OSS does, so ali-oss and ossio run against it unmodified.
//
//   const { startServer } = require('ossio/testing');
//   const server = await startServer();
//   const client = new OSS({ ...server.aliOssOptions(), bucket: 'b' });
//   server.failNext(1, 503, 'ServiceUnavailable');
//   ...
//   server.requests().filter((r) => r.status === 503).length;
//   server.close();
'use strict';
const crypto = require('node:crypto');
const { Client, Credentials, _internal } = require('./index.js');

const { native, call } = _internal;
const secrets = new WeakMap();

/** A running local OSS server with its controls. */
class LocalServer {
  constructor(options = {}) {
    const accessKeyId = options.accessKeyId ?? `LTAI${crypto.randomBytes(8).toString('hex')}`;
    const accessKeySecret = options.accessKeySecret ?? crypto.randomBytes(18).toString('base64url');
    const sts = [`STS.${crypto.randomBytes(8).toString('hex')}`, crypto.randomBytes(18).toString('base64url'),
      crypto.randomBytes(36).toString('base64url')];
    const region = options.region ?? 'cn-hangzhou';
    this._native = call(() => new native.NativeServer({
      keys: [[accessKeyId, accessKeySecret]],
      sts: [sts],
      region,
      port: options.port ?? 0,
      dataDir: options.dataDir ?? undefined,
      domains: options.domains ?? [],
    }));
    /** `http://127.0.0.1:<port>` (path-style addressing). */
    this.endpoint = this._native.endpoint;
    /** The region to sign for. */
    this.region = region;
    /** The access key id the server accepts. */
    this.accessKeyId = accessKeyId;
    /** The access key id of the temporary (STS) credentials the server accepts. */
    this.stsAccessKeyId = sts[0];
    secrets.set(this, { accessKeySecret, sts });
  }

  /** The secret of `accessKeyId`. */
  get accessKeySecret() { return secrets.get(this).accessKeySecret; }
  /** The secret of the temporary credentials. */
  get stsAccessKeySecret() { return secrets.get(this).sts[1]; }
  /** The security token of the temporary credentials. */
  get sessionToken() { return secrets.get(this).sts[2]; }
  /** The long-lived key pair as `ossio.Credentials`. */
  get credentials() { return new Credentials({ accessKeyId: this.accessKeyId, accessKeySecret: this.accessKeySecret }); }
  /** The temporary credentials as `ossio.Credentials`. */
  get stsCredentials() {
    const [accessKeyId, accessKeySecret, securityToken] = secrets.get(this).sts;
    return new Credentials({ accessKeyId, accessKeySecret, securityToken });
  }

  /** An `ossio.Client` for this server; `options` go to the `Client` constructor. */
  client(options = {}) {
    return new Client({ region: this.region, endpoint: this.endpoint, credentials: this.credentials, ...options });
  }

  /** Options for `new OSS(...)` of ali-oss (path-style, V4), to spread into your own. */
  aliOssOptions() {
    return {
      region: `oss-${this.region}`, endpoint: this.endpoint, accessKeyId: this.accessKeyId,
      accessKeySecret: this.accessKeySecret, sldEnable: true, authorizationV4: true,
    };
  }

  /** The next `n` requests fail with an OSS error of `status` and `code`. */
  failNext(n, status, code) { call(() => this._native.failNext(n, status, code)); }
  /** The next `n` connections close without an answer. */
  dropNext(n) { call(() => this._native.dropNext(n)); }
  /** The next `n` answers stop half-way through their body. */
  truncateNext(n) { call(() => this._native.truncateNext(n)); }
  /** The next `n` requests wait `ms` milliseconds. */
  delayNext(n, ms) { call(() => this._native.delayNext(n, ms)); }
  /** The next `n` answers carry a wrong `x-oss-hash-crc64ecma`. */
  corruptCrcNext(n) { call(() => this._native.corruptCrcNext(n)); }
  /** Moves the server's clock by `seconds`. */
  setClockSkew(seconds) { call(() => this._native.setClockSkew(seconds)); }
  /** Drops queued faults and the clock skew. */
  clearFaults() { call(() => this._native.clearFaults()); }
  /** Drops every bucket, object and access point. */
  reset() { call(() => this._native.reset()); }
  /** A copy of the whole state (object bytes included), for `restore`. */
  snapshot() { return call(() => this._native.snapshot()); }
  /** Puts back the state of `snapshot`. */
  restore(snapshot) { call(() => this._native.restore(snapshot)); }
  /** Every request served so far, oldest first; `time` is a `Date`. */
  requests() {
    return call(() => this._native.requests()).map((r) => ({
      operation: r.operation ?? null, method: r.method, bucket: r.bucket ?? null, key: r.key ?? null,
      status: r.status, errorCode: r.errorCode ?? null, accessKeyId: r.accessKeyId ?? null, fault: r.fault ?? null,
      requestId: r.requestId, time: new Date(r.time),
    }));
  }
  /** Forgets the logged requests. */
  clearRequests() { call(() => this._native.clearRequests()); }
  /** Stops the server (idempotent). */
  close() { this._native.close(); }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `LocalServer { endpoint: '${this.endpoint}', region: '${this.region}' }`;
  }
  toJSON() { return { endpoint: this.endpoint, region: this.region, accessKeyId: this.accessKeyId }; }
}

/**
 * Starts a local OSS server on 127.0.0.1 (a free port unless `options.port` is given).
 * Options: `region`, `accessKeyId`, `accessKeySecret`, `dataDir`, `domains`, `port`.
 */
async function startServer(options = {}) {
  return new LocalServer(options);
}

module.exports = { startServer, LocalServer };
