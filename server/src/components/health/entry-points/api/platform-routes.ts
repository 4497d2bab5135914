/**
 * GET /api/health (503 when any dependency is down) and GET /api/config (chain + contract addresses for the SPA).
 */
import { Router } from 'express';
import type { HealthProbes } from '../../data-access/health-check';
import { cachedHealthCheck } from '../../domain/health-cache';
import type { SessionPolicy } from '@api';
import { clientConfig } from '../../domain/client-config';
import type { ChainDeployments } from '../../../../libraries/chain';

export interface PlatformRouteOptions extends HealthProbes {
  /** Unset: the app's own /rpc at the (configured) origin the request came in on. */
  publicRpcUrl?: string;
  /** The origins the app is configured to serve (config.allowedOrigins). */
  allowedOrigins: string[];
  deployments: ChainDeployments;
  /** How long one health report is reused (config.healthCacheMs). */
  healthCacheMs: number;
  session: SessionPolicy;
  /** The /api/ipfs upload limit (config.ipfsMaxUploadBytes), shown before upload. */
  ipfsMaxUploadBytes: number;
}

export function platformRoutes(options: PlatformRouteOptions): Router {
  const router = Router();
  const currentHealth = cachedHealthCheck(options, options.healthCacheMs);

  router.get('/health', async (_req, res) => {
    const report = await currentHealth();
    res
      .status(report.status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(report);
  });

  router.get('/config', (req, res) => {
    // The app's own /rpc at the origin the page was served from, when that origin is one the app is configured
    // to serve; never an origin taken from request headers alone.
    const requestOrigin = `${req.protocol}://${req.get('host')}`;
    const origin = options.allowedOrigins.includes(requestOrigin) ? requestOrigin : options.allowedOrigins[0];
    const publicRpcUrl = options.publicRpcUrl ?? `${origin}/rpc`;
    res.json(clientConfig({ ...options, publicRpcUrl }));
  });

  return router;
}
