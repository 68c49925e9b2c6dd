// Types of `ossio/testing`: a local OSS server for tests.
import { Client, ClientOptions, Credentials } from './index';

/** Options of `startServer`. */
export interface ServerOptions {
  /** The region requests must be signed for (default `cn-hangzhou`). */
  region?: string;
  /** The access key id the server accepts (random when not given). */
  accessKeyId?: string;
  /** Its secret (random when not given). */
  accessKeySecret?: string;
  /** Keep state durably in this directory instead of in memory. */
  dataDir?: string;
  /** Domains for virtual-hosted addressing (`<bucket>.<domain>`); `localhost` always works. */
  domains?: string[];
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
}

/** One request the server served. */
export interface RequestRecord {
  /** The operation's API name, or null when no served operation matched. */
  operation: string | null;
  method: string;
  bucket: string | null;
  key: string | null;
  status: number;
  /** OSS error code of an error answer. */
  errorCode: string | null;
  /** The access key id the request was signed with; null when anonymous. */
  accessKeyId: string | null;
  /** The injected fault (`fail`, `drop`, `truncate`, `delay`, `corrupt-crc`), if any. */
  fault: string | null;
  requestId: string;
  time: Date;
}

/** A copy of a server's whole state. */
export interface ServerSnapshot {
  readonly __snapshot?: never;
}

/** Options for ali-oss's `new OSS(...)`. */
export interface AliOssOptions {
  region: string;
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  sldEnable: boolean;
  authorizationV4: boolean;
}

/** A running local OSS server with its controls. */
export declare class LocalServer {
  private constructor();
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly stsAccessKeyId: string;
  readonly stsAccessKeySecret: string;
  readonly sessionToken: string;
  readonly credentials: Credentials;
  readonly stsCredentials: Credentials;
  client(options?: Partial<ClientOptions>): Client;
  aliOssOptions(): AliOssOptions;
  failNext(n: number, status: number, code: string): void;
  dropNext(n: number): void;
  truncateNext(n: number): void;
  delayNext(n: number, ms: number): void;
  corruptCrcNext(n: number): void;
  setClockSkew(seconds: number): void;
  clearFaults(): void;
  reset(): void;
  snapshot(): ServerSnapshot;
  restore(snapshot: ServerSnapshot): void;
  requests(): RequestRecord[];
  clearRequests(): void;
  close(): void;
}

/** Starts a local OSS server on 127.0.0.1. */
export declare function startServer(options?: ServerOptions): Promise<LocalServer>;
