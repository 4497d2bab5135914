/**
 * Refuses state-changing requests a browser sends from another site. The session cookie is
 * SameSite=Strict already; this is the second, server-side check (OWASP "verifying origin with
 * standard headers"). Requests without browser headers (curl, server-to-server) pass: they carry no
 * victim's cookie.
 */
import type { RequestHandler } from 'express';
import { forbidden } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseForeignOrigin(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    // Browsers omit Origin on some requests; Sec-Fetch-Site still says where the request came from.
    const foreign = origin === undefined ? req.get('sec-fetch-site') === 'cross-site' : !allowed.has(origin);
    if (foreign)
      throw forbidden(`Requests from ${origin ?? 'another site'} may not change anything here`, 'FOREIGN_ORIGIN');
    next();
  };
}
