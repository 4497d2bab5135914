/** Platform endpoints: health of the dependencies and the SPA's runtime configuration. */
import { pingMongo } from '../../libraries/mongo/mongo';
import type { Component } from '../component';
import { platformRoutes } from './entry-points/api/platform-routes';

export { platformRoutes, type PlatformRouteOptions } from './entry-points/api/platform-routes';
export { checkHealth } from './data-access/health-check';

export const healthComponent: Component = {
  name: 'health',
  apiRoutes: ({ config, chain, ipfs }) =>
    platformRoutes({
      provider: chain.provider,
      chainId: config.chainId,
      ipfs,
      pingMongo,
      publicRpcUrl: config.publicRpcUrl,
      allowedOrigins: config.allowedOrigins,
      deployments: chain.deployments,
      healthCacheMs: config.healthCacheMs,
      session: { idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionTtlSeconds },
      ipfsMaxUploadBytes: config.ipfsMaxUploadBytes,
    }),
};
