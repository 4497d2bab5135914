/**
 * Request logs must not carry who a request is about: `/api/consent/0xPatient/0xDoctor` ties a
 * patient to a doctor. Routes that name an account put `logRoutePattern` first, and the request
 * log then shows their pattern (`/api/consent/:patient/:doctor`) instead of the filled-in path.
 * The pattern is taken when the route matches: by the time the response is logged, Express has
 * already unwound `req.baseUrl` if a handler failed.
 */
import type { Request, RequestHandler } from 'express';

const patterns = new WeakMap<Request, string>();

export const logRoutePattern: RequestHandler = (req, _res, next) => {
  // Express types req.route as any; only its path is read, and checked below.
  const routePath = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof routePath === 'string') patterns.set(req, `${req.baseUrl}${routePath}`);
  next();
};

/** What the request log shows as the URL: the route pattern when recorded, else the URL as received. */
export function loggedUrl(req: Request): string {
  return patterns.get(req) ?? req.originalUrl ?? req.url;
}
