/**
 * GET /api/health (503 when any dependency is down) and GET /api/config (chain + contract addresses for the SPA).
 */
import { Router } from 'express';
import { checkHealth, type HealthProbes } from '../../domain/health-check';
import { clientConfig } from '../../domain/client-config';
import type { ChainDeployments } from '../../../../libraries/chain';

export interface PlatformRouteOptions extends HealthProbes {
  /** Unset: the app's own /rpc at the origin the request came in on. */
  publicRpcUrl?: string;
  deployments: ChainDeployments;
}

export function platformRoutes(options: PlatformRouteOptions): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const report = await checkHealth(options);
    res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report);
  });

  router.get('/config', (req, res) => {
    const publicRpcUrl = options.publicRpcUrl ?? `${req.protocol}://${req.get('host')}/rpc`;
    res.json(clientConfig({ ...options, publicRpcUrl }));
  });

  return router;
}
