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
  sessionTtlSeconds: number;
  nodeEnv: string;
  logLevel: string;
  /** How often the chain-event indexer polls; 0 = only when asked (`indexer.syncNow()`). */
  indexerPollMs: number;
  /** Requests per minute per IP on /api/auth. */
  authRateLimitPerMinute: number;
  /** JSON-RPC requests per minute per IP on /rpc. */
  rpcRateLimitPerMinute: number;
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
  MONGODB_URI: unsetIfEmpty(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI').optional()),
  IPFS_API_URL: unsetIfEmpty(url.default('http://127.0.0.1:5001')),
  DEPLOYMENTS_FILE: z.string().min(1).default(path.join(repoRoot, '.data', 'deployments.json')),
  CLIENT_DIST: z.string().min(1).default(path.join(repoRoot, 'dist', 'client', 'browser')),
  PUBLIC_ORIGIN: optionalString.pipe(url.optional()),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(28_800),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INDEXER_POLL_MS: z.coerce.number().int().min(0).default(1000),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  RPC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
});

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
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    indexerPollMs: e.INDEXER_POLL_MS,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    rpcRateLimitPerMinute: e.RPC_RATE_LIMIT_PER_MINUTE,
    ...overrides,
  };
  if (!config.mongoUri) {
    throw new Error('Invalid server configuration: MONGODB_URI is required (npm start provides an embedded MongoDB)');
  }
  return config;
}
