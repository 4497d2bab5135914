/**
 * GET /api/health (200, or 503 with the same body when a dependency is down), GET /api/config, and the API's
 * own description: GET /api/openapi.json and its rendered reference at GET /api/docs.
 */
import { z } from 'zod';
import { routes } from './route-spec';

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
  /** Shown before upload: larger documents are refused by /api/ipfs. */
  ipfs: z.object({ maxUploadBytes: z.number().int() }),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

/** GET /api/openapi.json: an OpenAPI 3.1 document generated from every domain's route descriptions. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** The routes of this file, for the OpenAPI document (api/all-routes.ts). */
export const PLATFORM_ROUTES = routes([
  {
    method: 'get',
    path: '/api/health',
    summary: 'Health of the chain, MongoDB and IPFS (503 with the same body when one is down)',
    access: 'public',
    response: HealthReportSchema,
  },
  {
    method: 'get',
    path: '/api/config',
    summary: "What the SPA needs: the chain's parameters for the wallet, contract addresses, the session policy",
    access: 'public',
    response: ClientConfigSchema,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document: OpenAPI 3.1, generated from the zod route descriptions in api/',
    access: 'public',
    response: OpenApiDocumentSchema,
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'The rendered API reference (an HTML page reading /api/openapi.json)',
    access: 'public',
    contentType: 'text/html',
  },
  ...(
    [
      ['swagger-ui-bundle.js', 'text/javascript', 'Swagger UI, pinned and served by the app (no CDN)'],
      ['swagger-ui.css', 'text/css', "Swagger UI's style sheet"],
      [
        'reference.js',
        'text/javascript',
        'Starts Swagger UI on /api/openapi.json (a file: the CSP allows no inline script)',
      ],
    ] as const
  ).map(([file, contentType, summary]) => ({
    method: 'get' as const,
    path: `/api/docs/${file}`,
    summary,
    access: 'public' as const,
    contentType,
  })),
]);
