/**
 * How each domain file of api/ describes its routes: method, path, who may call it and the zod schemas of
 * what goes in and comes out. The OpenAPI document (/api/openapi.json) is generated from these
 * descriptions, and a test fails when the server serves a route that no description names.
 */
import type { z } from 'zod';

/** Who may call a route; the server enforces it, the description only says so. */
export type RouteAccess =
  /** Anyone, signed in or not. */
  | 'public'
  /** Any signed-in account (the route may narrow further and answer 403/404). */
  | 'session'
  /** Signed-in admins only (others: 403). */
  | 'admin';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under the app, e.g. `/api/doctors/:address`. */
  path: string;
  summary: string;
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body; omitted for 204 and for non-JSON answers (`contentType`). */
  response?: z.ZodType;
  /** 200 unless said otherwise (e.g. 201, 204). */
  status?: number;
  /** A success answer that is not JSON, e.g. `text/csv`. */
  contentType?: string;
  /** The error codes the route answers with besides 401/400, e.g. ['ADMIN_ONLY', 'DOCTOR_NOT_FOUND']. */
  errors?: readonly string[];
}

/** Declares a domain's routes, checked against RouteSpec. */
export const routes = <const T extends readonly RouteSpec[]>(specs: T): T => specs;
