/// <reference types="node" />
// Public API of the `ossio` package.

/** Where the bucket goes in the URL. */
export type Addressing = 'virtual' | 'path' | 'cname';
/** Signature algorithm. */
export type SignatureVersion = 'v1' | 'v4';
/** Product in the V4 scope. */
export type Product = 'oss' | 'oss-cloudbox';
/** HTTP method. */
export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD' | 'OPTIONS';
/** Headers as an object, name/value pairs, or a fetch `Headers`. */
export type HeadersInput = Record<string, string | number | undefined> | ReadonlyArray<readonly [string, string]> | Headers;
/** Query parameters; `null` is a valueless parameter such as `acl`. */
export type QueryInput = Record<string, string | number | boolean | null | undefined> | ReadonlyArray<readonly [string, string | null]> | URLSearchParams;

/** Options of `new Credentials(...)`. */
export interface CredentialsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** An access key pair with an optional STS token; inspecting it never shows the secret or token. */
export class Credentials {
  constructor(options: CredentialsOptions);
  /** The access key id (not secret). */
  readonly accessKeyId: string;
  /** Whether an STS token is present. */
  readonly hasSecurityToken: boolean;
  /** From OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET and OSS_SESSION_TOKEN. */
  static fromEnv(env?: Record<string, string | undefined>): Credentials;
  toJSON(): { accessKeyId: string; accessKeySecret: '***'; securityToken?: '***' };
}

/** Timing options every refreshing provider takes (milliseconds). */
export interface RefreshOptions {
  /** Refresh when less than this is left (default 300000). */
  refreshAhead?: number;
  /** Never hand out credentials with less than this left (default 60000). */
  minValidity?: number;
}

/** HTTP timing options of providers that call a service (milliseconds). */
export interface ProviderHttpOptions extends RefreshOptions {
  connectTimeout?: number;
  readTimeout?: number;
}

/** STS options `OidcRoleArn` and `AssumeRole` share. */
export interface StsOptions extends ProviderHttpOptions {
  /** The session name (default ALIBABA_CLOUD_ROLE_SESSION_NAME, else `ossio-<unix seconds>`). */
  roleSessionName?: string;
  /** 900 to 43200 (default 3600). */
  durationSeconds?: number;
  /** A policy (JSON) narrowing the role. */
  policy?: string;
  /** An explicit STS endpoint (default OSSIO_STS_ENDPOINT, else from the region). */
  stsEndpoint?: string;
  /** The region whose STS endpoint to use (default ALIBABA_CLOUD_STS_REGION). */
  stsRegion?: string;
  /** Use sts-vpc.<region>.aliyuncs.com (default ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED). */
  vpcEndpoint?: boolean;
}

/** Options of `credentials.OidcRoleArn`; the first three default to the ALIBABA_CLOUD_* variables. */
export interface OidcRoleArnOptions extends StsOptions {
  roleArn?: string;
  oidcProviderArn?: string;
  /** Re-read on every refresh. */
  oidcTokenFile?: string;
}

/** Options of `credentials.AssumeRole`. */
export interface AssumeRoleOptions extends StsOptions {
  roleArn: string;
  externalId?: string;
}

/** Options of `credentials.EcsRamRole`. */
export interface EcsRamRoleOptions extends ProviderHttpOptions {
  /** Default ALIBABA_CLOUD_ECS_METADATA, else asked from the metadata service. */
  roleName?: string;
  /** Default OSSIO_ECS_METADATA_ENDPOINT, else http://100.100.100.200. */
  endpoint?: string;
  /** Default ALIBABA_CLOUD_IMDSV1_DISABLED. */
  disableImdsV1?: boolean;
}

/** Options of `credentials.CliProfile` and `credentials.ProfileFile`. */
export interface ProfileOptions {
  /** Default ALIBABA_CLOUD_PROFILE, then the CLI's current profile or `default`. */
  profile?: string;
  path?: string;
}

/** Options of `credentials.CredentialsUri`. */
export interface CredentialsUriOptions extends ProviderHttpOptions {
  /** Default ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri?: string;
}

/** Options of `credentials.Process`. */
export interface ProcessOptions extends RefreshOptions {
  /** The command printing JSON credentials (split like a shell, run without one). */
  command: string;
  /** How long it may run (default 60000). */
  timeout?: number;
}

/** Any credentials provider (an instance of `credentials.Provider`); inspecting it never shows a secret. */
export interface CredentialsProvider {
  /** The credentials the provider hands out now (fetching or refreshing if needed). */
  credentials(): Promise<Credentials>;
  /** What the provider is (never a secret). */
  readonly name: string;
  toJSON(): { provider: string; name: string };
}

/** Where `Client` gets credentials. */
export const credentials: {
  readonly Provider: abstract new (...args: never[]) => CredentialsProvider;
  readonly Environment: new () => CredentialsProvider;
  readonly DefaultChain: new () => CredentialsProvider & { readonly answeredBy: string | null };
  readonly CliProfile: new (options?: ProfileOptions) => CredentialsProvider;
  readonly ProfileFile: new (options?: ProfileOptions) => CredentialsProvider;
  readonly EcsRamRole: new (options?: EcsRamRoleOptions) => CredentialsProvider;
  readonly OidcRoleArn: new (options?: OidcRoleArnOptions) => CredentialsProvider;
  readonly AssumeRole: new (source: Credentials | CredentialsOptions | CredentialsProvider, options: AssumeRoleOptions) => CredentialsProvider;
  readonly CredentialsUri: new (options?: CredentialsUriOptions) => CredentialsProvider;
  readonly Process: new (options: ProcessOptions) => CredentialsProvider;
};

/** What an `OssError` is built from. */
export interface OssErrorInfo {
  code: string;
  message: string;
  status?: number | null;
  requestId?: string | null;
  ec?: string | null;
  hostId?: string | null;
  recommendDoc?: string | null;
  details?: Record<string, string>;
  field?: string | null;
  value?: string | null;
  operation?: string | null;
  stringToSign?: string | null;
  retryable?: boolean;
}

/** Every error ossio throws. */
export class OssError extends Error {
  constructor(info: OssErrorInfo);
  /** OSS error code (`NoSuchKey`), or ossio's own for local failures (`InvalidBucketName`, `InvalidArgument`, `RequestError`, ...). */
  readonly code: string;
  /** HTTP status, `null` when no response was received. */
  readonly status: number | null;
  readonly requestId: string | null;
  /** OSS fine-grained error code (`EC`). */
  readonly ec: string | null;
  readonly hostId: string | null;
  readonly recommendDoc: string | null;
  /** Other elements of the error body (`BucketName`, `StringToSign`, ...). */
  readonly details: Record<string, string>;
  /** For validation errors: the field that is wrong. */
  readonly field: string | null;
  /** For validation errors: the rejected value, when safe to show. */
  readonly value: string | null;
  /** The API name of the failed call (client errors). */
  readonly operation: string | null;
  /** The string ossio signed, on `SignatureDoesNotMatch`. */
  readonly stringToSign: string | null;
  /** Whether a transport failure was of a retryable kind. */
  readonly retryable: boolean;
}

/** A logical request: bucket and key apart from the URL. */
export interface RequestInput {
  method?: Method | Lowercase<Method>;
  bucket?: string;
  key?: string;
  query?: QueryInput;
  headers?: HeadersInput;
  body?: BodyInput | null;
  /** V1 sub-resources to sign; by default the query parameters some OSS operation signs. */
  subResources?: readonly string[];
}

/** The request an operation builds. */
export interface OperationRequest {
  method: Method;
  bucket?: string;
  key?: string;
  query: Array<[string, string | null]>;
  headers: Record<string, string>;
  body: Buffer | null;
  subResources: string[];
}

/** Options of `new Signer(...)`. */
export interface SignerOptions {
  credentials: Credentials | CredentialsOptions;
  region: string;
  version?: SignatureVersion;
  product?: Product;
  /** The cloud box id, for product `oss-cloudbox`. */
  cloudBoxId?: string;
  endpoint?: string;
  addressing?: Addressing;
  /** Header names always signed with V4 when present on a request. */
  additionalHeaders?: readonly string[];
}

export interface SignOptions {
  /** Signing time (default now). */
  at?: Date;
  additionalHeaders?: readonly string[];
}

export interface PresignOptions extends SignOptions {
  /** Lifetime in seconds (default 900; at most 604800 for V4). */
  expires?: number;
  /** Absolute expiry instead of `expires`. */
  expiration?: Date;
}

/** A signed request, ready for any HTTP client. */
export interface SignedRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  stringToSign: string;
  /** The V4 canonical request; `null` for V1. */
  canonicalRequest: string | null;
}

/** A presigned URL and the headers its user must send unchanged. */
export interface PresignedRequest {
  url: string;
  method: Method;
  headers: Record<string, string>;
  expiration: Date;
  stringToSign?: string;
  canonicalRequest?: string | null;
}

/** Sans-IO signer for one region and key pair. */
export class Signer {
  constructor(options: SignerOptions);
  sign(request: RequestInput | OperationRequest, options?: SignOptions): SignedRequest;
  presign(request: RequestInput | OperationRequest, options?: PresignOptions): PresignedRequest & { stringToSign: string; canonicalRequest: string | null };
}

// ---- operations ------------------------------------------------------------------------
// Every operation's input and output type is generated from the registry into ops.d.ts.

export * from './ops';
import type { OperationTypes, ClientOperations, BodyInput, PagedOperationName, StreamedInput } from './ops';

export type OperationName = keyof OperationTypes;

/** A sans-IO operation: builds its request, parses its response. */
export interface Operation<I, O> {
  /** The input as the operation holds it (defaults filled in). */
  readonly input: Readonly<Record<string, unknown>>;
  request(): OperationRequest;
  /** The typed output; throws `OssError` for an error response. */
  parse(status: number, headers: HeadersInput, body?: BodyInput | null): O;
}
export type OperationClass<N extends OperationName> = new (input: OperationTypes[N][0]) => Operation<OperationTypes[N][0], OperationTypes[N][1]>;

/** Every operation as a sans-IO class: `new ops.<ApiName>({ ... })`. */
export const ops: { readonly [N in OperationName]: OperationClass<N> };

/** Per-call options of `client.<camelName>(input, options)`. */
export interface CallOptions {
  /** For operations whose response body is the data (an object download): stream it into this file instead of memory. */
  path?: string;
  /** For operations whose response body is the data: hand it back as a Readable `body`. */
  stream?: boolean;
}

/** Options of `new Client(...)`. */
export interface ClientOptions {
  /** Region id (default `OSS_REGION`). */
  region?: string;
  /** Endpoint (default `OSS_ENDPOINT`, else the region's public endpoint). */
  endpoint?: string;
  /** Fixed credentials or a provider from `credentials` (default: `new credentials.DefaultChain()`). */
  credentials?: Credentials | CredentialsOptions | CredentialsProvider;
  addressing?: Addressing;
  signatureVersion?: SignatureVersion;
  /** Connect and read/write timeout in milliseconds. */
  timeout?: number;
  /** Retries after the first attempt (0 disables retrying). */
  retries?: number;
}

/**
 * The ready client. Each call runs on the libuv thread pool (4 threads unless
 * `UV_THREADPOOL_SIZE` says otherwise): set it before the first call for more concurrency.
 */
export interface Client extends ClientOperations {}
export class Client {
  constructor(options?: ClientOptions);
  /** Sends operation `name` (API name) with its input: what `client.<camelName>(input, options)` calls. */
  send<N extends OperationName>(name: N, input: StreamedInput<OperationTypes[N][0]>, options?: CallOptions): Promise<OperationTypes[N][1] & { body?: Buffer | import('node:stream').Readable }>;
  /** Every page of a paginated operation, `client.paginate('<camelName>', input)`. */
  paginate<M extends PagedOperationName | Uncapitalize<PagedOperationName>>(name: M, input?: OperationTypes[Capitalize<M>][0]): AsyncGenerator<OperationTypes[Capitalize<M>][1], void, undefined>;
  /** A presigned URL with the client's credentials. */
  presign(request: RequestInput | OperationRequest, options?: { expires?: number }): PresignedRequest;
}
