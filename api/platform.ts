/** GET /api/health (200, or 503 with the same body when a dependency is down) and GET /api/config. */
import { z } from 'zod';

export const HealthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  chain: z.object({ ok: z.boolean(), chainId: z.number().int(), latestBlock: z.number().int().optional() }),
  mongo: z.object({ ok: z.boolean() }),
  ipfs: z.object({ ok: z.boolean(), version: z.string().optional() }),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

/** When the server ends a session: after `idleSeconds` without a request, and `maxSeconds` after sign-in. */
export const SessionPolicySchema = z.object({ idleSeconds: z.number().int(), maxSeconds: z.number().int() });
export type SessionPolicy = z.infer<typeof SessionPolicySchema>;

/** What the SPA needs: network parameters for the wallet, contract addresses, the session policy. */
export const ClientConfigSchema = z.object({
  chainId: z.number().int(),
  chainName: z.string(),
  /** The app's own /rpc (or PUBLIC_RPC_URL): never the chain node itself. */
  rpcUrl: z.string(),
  currency: z.object({ name: z.string(), symbol: z.string(), decimals: z.number().int() }),
  /** Contract name → address and deployment block on this chain. */
  contracts: z.record(z.string(), z.object({ address: z.string(), blockNumber: z.number().int() })),
  session: SessionPolicySchema,
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
