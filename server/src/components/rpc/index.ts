/**
 * RPC: the /rpc path through which the browser and its wallet reach the chain (reads and
 * eth_sendRawTransaction only), so the chain node itself is never published.
 */
export { rpcRoutes, type RpcRouteOptions } from './entry-points/api/rpc-routes';
export { ALLOWED_METHODS } from './domain/allowed-methods';
export { MAX_BATCH_CALLS } from './domain/rpc-gateway';
export { MAX_LOG_BLOCK_RANGE } from './domain/log-range';
