/**
 * GET /api/health (503 when any dependency is down) and GET /api/config (chain + contract addresses for the SPA).
 */
import { Router } from 'express';
import type { HealthProbes } from '../../domain/health-check';
import { cachedHealthCheck } from '../../domain/health-cache';
import { clientConfig, type SessionPolicy } from '../../domain/client-config';
import type { ChainDeployments } from '../../../../libraries/chain';

export interface PlatformRouteOptions extends HealthProbes {
  publicRpcUrl: string;
  deployments: ChainDeployments;
  /** How long one health report is reused (config.healthCacheMs). */
  healthCacheMs: number;
  session: SessionPolicy;
}

export function platformRoutes(options: PlatformRouteOptions): Router {
  const router = Router();
  const config = clientConfig(options);
  const currentHealth = cachedHealthCheck(options, options.healthCacheMs);

  router.get('/health', async (_req, res) => {
    const report = await currentHealth();
    res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report);
  });

  router.get('/config', (_req, res) => {
    res.json(config);
  });

  return router;
}
