/**
 * Every (method, path) an Express 5 app serves, read from its router: `router` 2.x (Express 5's) lists
 * each router's routes and mounted routers with `listRoutes()`; mounted routers are walked in turn.
 * Plain middleware (the Origin check, the 404s, the client assets) is not a route and is not listed.
 */
import type { Express } from 'express';

interface ListedRoute {
  path: string | RegExp;
  /** Upper-case methods, with the automatic HEAD of a GET; undefined for a mounted router. */
  methods?: string[];
  router?: ListingRouter;
}
interface ListingRouter {
  listRoutes(): ListedRoute[];
}

export interface ServedRoute {
  method: string;
  path: string;
}

const joined = (base: string, path: string) => (path === '/' ? base || '/' : `${base}${path}`);

function walk(router: ListingRouter, base: string): ServedRoute[] {
  if (typeof router.listRoutes !== 'function') {
    throw new Error('This router cannot list its routes: Express 5 with router >= 2.3 is needed');
  }
  return router.listRoutes().flatMap(({ path, methods, router: mounted }) => {
    if (typeof path !== 'string') throw new Error(`A route path that is not a string (${String(path)}): describe it`);
    const full = joined(base, path);
    if (mounted) return walk(mounted, full);
    // Express answers HEAD for every GET by itself; `*` (router.all) would be every method.
    return (methods ?? []).filter((method) => method !== 'HEAD').map((method) => ({ method, path: full }));
  });
}

export function servedRoutes(app: Express): ServedRoute[] {
  return walk((app as unknown as { router: ListingRouter }).router, '');
}
