/** Sign-in with Ethereum and server-side sessions. Other components guard routes with `requireSession`. */
import { Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { authRoutes } from './entry-points/api/auth-routes';

export { authRoutes, type AuthRouteOptions } from './entry-points/api/auth-routes';
export { requireSession, sessionOf, type SessionInfo } from './entry-points/api/require-session';
export { limitWritesPerAccount } from './entry-points/api/write-rate-limit';
export { SESSION_COOKIE } from './entry-points/api/session-cookie';
export { readAccount } from './data-access/account-roles';

export const authComponent: Component = {
  name: 'auth',
  contracts: ['Registry'],
  apiRoutes: ({ config, chain }) =>
    authRoutes({
      registry: chain.contract('Registry', Registry__factory),
      chainId: config.chainId,
      allowedOrigins: config.allowedOrigins,
      sessionTtlSeconds: config.sessionTtlSeconds,
      sessionIdleSeconds: config.sessionIdleSeconds,
      rateLimitPerMinute: config.authRateLimitPerMinute,
    }),
};
