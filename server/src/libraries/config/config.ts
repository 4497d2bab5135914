/**
 * The one place the server reads its environment. Everything else receives an `AppConfig`,
 * so tests and the dev stack can start a server with overrides instead of mutating process.env.
 */
import path from 'node:path';
import { z } from 'zod';

export interface AppConfig {
  port: number;
  host: string;
  rpcUrl: string;
  /**
   * The RPC URL the browser's wallet is told to add: the app's own /rpc path. Unset (no PUBLIC_ORIGIN
   * nor PUBLIC_RPC_URL) means `<the request's origin>/rpc`, worked out per request.
   */
  publicRpcUrl?: string;
  chainId: number;
  mongoUri: string;
  ipfsApiUrl: string;
  deploymentsFile: string;
  clientDist: string;
  publicOrigin?: string;
  /**
   * The origins users reach the app at (scheme://host[:port]). Sign-in messages must name one of them,
   * and state-changing /api requests from a browser must come from one. Never taken from request headers.
   */
  allowedOrigins: string[];
  sessionTtlSeconds: number;
  /** A session ends after this long without a request (shared clinic computers), as well as at its TTL. */
  sessionIdleSeconds: number;
  nodeEnv: string;
  logLevel: string;
  /** How often the chain-event indexer polls; 0 = only when asked (`indexer.syncNow()`). */
  indexerPollMs: number;
  /** Requests per minute per IP on /api/auth. */
  authRateLimitPerMinute: number;
  /** JSON-RPC requests per minute per IP on /rpc. */
  rpcRateLimitPerMinute: number;
  /** Writes per minute per signed-in account on the API. */
  writeRateLimitPerMinute: number;
  /** How long one /api/health report is reused, so probes of chain, MongoDB and IPFS stay cheap. */
  healthCacheMs: number;
  /** Largest document a browser may pin through /api/ipfs (413 past it); GET /api/config shows it before upload. */
  ipfsMaxUploadBytes: number;
  /**
   * Key of Anchoring's audit anchorer (docs/decisions/0013-audit-anchoring.md): with it the server
   * records the access log's head on chain; without it anchoring is off, and /api/audit/verify says so.
   * Only the dev stack supplies a default (the public dev account #10).
   */
  auditAnchorPrivateKey?: string;
  /** How often the access log's head is anchored when it has moved. */
  auditAnchorIntervalMs: number;
  /** Research exports (docs/decisions/0019-research-sharing.md): the k and ε an admin's export uses unless it names its own. */
  researchDefaultK: number;
  researchDefaultEpsilon: number;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
/** An empty variable (`FOO=` in a compose file or shell) means unset, as it does for the dev stack. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const optionalString = unsetIfEmpty(z.string().optional());
const url = z.url({ protocol: /^https?$/ });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  RPC_URL: optionalString,
  GANACHE_URL: optionalString,
  PUBLIC_RPC_URL: optionalString.pipe(url.optional()),
  CHAIN_ID: z.coerce.number().int().positive().default(1337),
  MONGODB_URI: unsetIfEmpty(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI')
      .optional(),
  ),
  IPFS_API_URL: unsetIfEmpty(url.default('http://127.0.0.1:5001')),
  DEPLOYMENTS_FILE: z
    .string()
    .min(1)
    .default(path.join(repoRoot, '.data', 'deployments.json')),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'dist', 'client', 'browser')),
  PUBLIC_ORIGIN: optionalString.pipe(url.optional()),
  ALLOWED_ORIGINS: optionalString,
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(28_800),
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(60).default(900),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // How often the indexer asks for the chain head (one eth_blockNumber); it syncs only when the head moved.
  INDEXER_POLL_MS: z.coerce.number().int().min(0).default(50),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  RPC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // At most 1 s: /api/health must show a dependency down within 2 s (components/health/domain/health-cache.ts).
  HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(1_000).default(1_000),
  IPFS_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(25_000_000),
  AUDIT_ANCHOR_PRIVATE_KEY: unsetIfEmpty(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key')
      .optional(),
  ),
  AUDIT_ANCHOR_INTERVAL_MS: z.coerce.number().int().min(1_000).default(300_000),
  // k ≥ 5: ResearchSharing.MIN_K refuses to anchor less. ε ≥ 0.001: the chain stores thousandths.
  RESEARCH_DEFAULT_K: z.coerce.number().int().min(5).max(1_000).default(5),
  RESEARCH_DEFAULT_EPSILON: z.coerce.number().min(0.001).max(100).default(1),
});

/** `scheme://host[:port]` of an http(s) URL, or an error naming the variable. */
function originOf(variable: string, text: string): string {
  const parsed = url.safeParse(text.trim());
  if (!parsed.success)
    throw new Error(`Invalid server configuration: ${variable}: ${text.trim()} is not an http(s) URL`);
  return new URL(parsed.data).origin;
}

/** HOST as loadConfig reads it, for the dev stack, which needs it to pick the origins before loading the rest. */
export const listenHost = (env: NodeJS.ProcessEnv = process.env): string => envSchema.shape.HOST.parse(env.HOST);

/** The loopback origins a server on this port serves a browser on this machine. */
export const loopbackOrigins = (port: number) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

/**
 * PUBLIC_ORIGIN first, then ALLOWED_ORIGINS (comma-separated). With neither, development allows the
 * loopback origins of PORT; production must name its origin.
 */
function allowedOriginsFrom(e: {
  PUBLIC_ORIGIN?: string;
  ALLOWED_ORIGINS?: string;
  PORT: number;
  NODE_ENV: string;
}): string[] {
  const listed = [
    ...(e.PUBLIC_ORIGIN ? [originOf('PUBLIC_ORIGIN', e.PUBLIC_ORIGIN)] : []),
    ...(e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .filter((item) => item.trim())
      .map((item) => originOf('ALLOWED_ORIGINS', item)),
  ];
  if (listed.length > 0 || e.NODE_ENV === 'production' || e.PORT === 0) return [...new Set(listed)];
  return loopbackOrigins(e.PORT);
}

function checkAllowedOrigins(origins: string[]): void {
  if (origins.length === 0) {
    throw new Error(
      'Invalid server configuration: set PUBLIC_ORIGIN (or ALLOWED_ORIGINS) to the origin users reach the app at, e.g. https://ehr.example.org',
    );
  }
  // One scheme, so the session cookie's Secure flag (https) suits every allowed origin.
  if (new Set(origins.map((origin) => new URL(origin).protocol)).size > 1) {
    throw new Error(
      `Invalid server configuration: PUBLIC_ORIGIN and ALLOWED_ORIGINS mix http and https (${origins.join(', ')})`,
    );
  }
}

/** Reads and validates the environment; `overrides` win over it. Throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  const rpcUrl = e.RPC_URL ?? e.GANACHE_URL ?? 'http://127.0.0.1:8545';
  const config: AppConfig = {
    port: e.PORT,
    host: e.HOST,
    rpcUrl,
    // The chain node itself is never published: the browser reaches it through the app's /rpc.
    publicRpcUrl: e.PUBLIC_RPC_URL ?? (e.PUBLIC_ORIGIN ? new URL('/rpc', e.PUBLIC_ORIGIN).href : undefined),
    chainId: e.CHAIN_ID,
    mongoUri: e.MONGODB_URI ?? '',
    ipfsApiUrl: e.IPFS_API_URL,
    deploymentsFile: path.resolve(e.DEPLOYMENTS_FILE),
    clientDist: path.resolve(e.CLIENT_DIST),
    publicOrigin: e.PUBLIC_ORIGIN,
    allowedOrigins: allowedOriginsFrom(e),
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    sessionIdleSeconds: e.SESSION_IDLE_SECONDS,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    indexerPollMs: e.INDEXER_POLL_MS,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    rpcRateLimitPerMinute: e.RPC_RATE_LIMIT_PER_MINUTE,
    writeRateLimitPerMinute: e.WRITE_RATE_LIMIT_PER_MINUTE,
    healthCacheMs: e.HEALTH_CACHE_MS,
    ipfsMaxUploadBytes: e.IPFS_MAX_UPLOAD_BYTES,
    auditAnchorPrivateKey: e.AUDIT_ANCHOR_PRIVATE_KEY,
    auditAnchorIntervalMs: e.AUDIT_ANCHOR_INTERVAL_MS,
    researchDefaultK: e.RESEARCH_DEFAULT_K,
    researchDefaultEpsilon: e.RESEARCH_DEFAULT_EPSILON,
    ...overrides,
  };
  if (!config.mongoUri) {
    throw new Error('Invalid server configuration: MONGODB_URI is required (npm start provides an embedded MongoDB)');
  }
  checkAllowedOrigins(config.allowedOrigins);
  return config;
}
