/**
 * RPC: the /rpc path through which the browser and its wallet reach the chain (reads and
 * eth_sendRawTransaction only), so the chain node itself is never published.
 */
import type { Component } from '../component';
import { rpcRoutes } from './entry-points/api/rpc-routes';

export { rpcRoutes, type RpcRouteOptions } from './entry-points/api/rpc-routes';
export { ALLOWED_METHODS } from './domain/allowed-methods';
export { MAX_BATCH_CALLS } from './domain/rpc-gateway';
export { MAX_LOG_BLOCK_RANGE } from './domain/log-range';

export const rpcComponent: Component = {
  name: 'rpc',
  // An app route, before the API's JSON parser: /rpc parses its own body (its size cap, JSON-RPC errors),
  // and the Origin check stays off it: wallets post from their own origin.
  appRoutes: ({ config }) => [
    {
      path: '/rpc',
      router: rpcRoutes({ upstreamUrl: config.rpcUrl, rateLimitPerMinute: config.rpcRateLimitPerMinute }),
    },
  ],
};
