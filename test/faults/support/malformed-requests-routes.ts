/**
 * Every route the drill floods, read from the server itself so a new route is covered without editing the
 * drill: the /api routes from the OpenAPI document the running server serves (a server test keeps it equal
 * to the routes Express serves), and the app-level routes (/rpc) from the components' own `appRoutes`,
 * walked with the same route lister that test uses (server/src/test-support/served-routes.ts). Each /api
 * route is paired with its zod description from api/, the contract the drill's oracle judges requests by.
 */
import express from 'express';
import type { z } from 'zod';
import { API_ROUTES } from '@api/all-routes';
import type { RouteAccess } from '@api';
import { COMPONENTS, type ComponentContext } from '../../../server/src/components';
import { openApiPath } from '../../../server/src/components/openapi';
import { loadConfig } from '../../../server/src/libraries/config/config';
import { servedRoutes } from '../../../server/src/test-support/served-routes';
import type { DrillStack } from './drill-stack';

export interface DrillRoute {
  method: string;
  /** Express-style, e.g. `/api/doctors/:address`. */
  path: string;
  /** `api`: the API's `{ error: { code, message } }`; `json-rpc`: /rpc's JSON-RPC 2.0 errors. */
  errorShape: 'api' | 'json-rpc';
  access: RouteAccess | 'wallet';
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  schemas: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  /** Takes a request body although api/ gives it no schema (the IPFS upload: multipart app ciphertext). */
  takesRawBody: boolean;
}

interface OpenApiOperation {
  'x-access': RouteAccess;
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}

/** Express's `:name` from OpenAPI's `{name}`. */
const expressPath = (openApi: string) => openApi.replace(/\{(\w+)\}/g, ':$1');

/** Routes that read a body api/ cannot describe as JSON; any other schema-less route takes no input. */
const RAW_BODY_ROUTES = new Set(['POST /api/ipfs/api/v0/add']);

export async function drillRoutes(stack: DrillStack): Promise<DrillRoute[]> {
  const response = await fetch(`${stack.appUrl}/api/openapi.json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const apiRoutes = Object.entries(document.paths).flatMap(([openApi, operations]) =>
    Object.entries(operations).map(([method, operation]): DrillRoute => {
      const spec = API_ROUTES.find(
        (candidate) => candidate.method === method && openApiPath(candidate.path) === openApi,
      );
      if (!spec) throw new Error(`${method.toUpperCase()} ${openApi} is served but has no description in api/`);
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const key = `${method.toUpperCase()} ${expressPath(openApi)}`;
      return {
        method: method.toUpperCase(),
        path: expressPath(openApi),
        errorShape: 'api',
        access: operation['x-access'],
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(bodySchema?.properties ?? {}),
        schemas: {
          ...('params' in spec && { params: spec.params }),
          ...('query' in spec && { query: spec.query }),
          ...('body' in spec && { body: spec.body }),
        },
        takesRawBody: RAW_BODY_ROUTES.has(key),
      };
    }),
  );
  return [...apiRoutes, ...appLevelRoutes(stack)];
}

/** The routes components mount beside /api (today /rpc), listed from the routers they build. */
function appLevelRoutes(stack: DrillStack): DrillRoute[] {
  const config = loadConfig(process.env, {
    rpcUrl: stack.rpcUrl,
    mongoUri: stack.mongoUri,
    ipfsApiUrl: stack.ipfsApiUrl,
    deploymentsFile: stack.deploymentsFile,
    allowedOrigins: stack.appOrigins,
  });
  // Building an app route may read only the config: anything else it touches fails here, naming it.
  const untouchable = (name: string) =>
    new Proxy(
      {},
      {
        get: (_target, property) => {
          throw new Error(`appRoutes read ${name}.${String(property)}: give the drill a way to list it`);
        },
      },
    );
  const context = {
    config,
    chain: untouchable('chain'),
    ipfs: untouchable('ipfs'),
    logger: untouchable('logger'),
    limitWrites: untouchable('limitWrites'),
  } as unknown as ComponentContext;
  const app = express();
  for (const component of COMPONENTS)
    for (const { path, router } of component.appRoutes?.(context) ?? []) app.use(path, router);
  return servedRoutes(app).map(({ method, path }) => ({
    method,
    path,
    errorShape: 'json-rpc',
    access: 'wallet',
    pathParams: [],
    queryParams: [],
    bodyFields: [],
    schemas: {},
    takesRawBody: true,
  }));
}
