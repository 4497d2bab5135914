/** Sign-in with Ethereum and server-side sessions. Other components guard routes with `requireSession`. */
export { authRoutes, type AuthRouteOptions } from './entry-points/api/auth-routes';
export { requireSession, sessionOf, type SessionInfo } from './entry-points/api/require-session';
export { limitWritesPerAccount } from './entry-points/api/write-rate-limit';
export { readAccount } from './domain/account-roles';
