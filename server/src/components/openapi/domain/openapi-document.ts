/**
 * The OpenAPI 3.1 document, generated from the route descriptions in api/ (never written by hand):
 * zod 4's own `z.toJSONSchema` turns each schema into JSON Schema draft 2020-12, the dialect OpenAPI 3.1
 * uses. Requests are described as the server accepts them (io: 'input': defaults optional, addresses as
 * strings before checksumming), responses as it sends them (io: 'output').
 */
import { z } from 'zod';
import { ApiErrorBodySchema, type RouteSpec } from '@api';

export const SESSION_COOKIE_SCHEME = 'sessionCookie';
const API_ERROR_REF = { $ref: '#/components/schemas/ApiError' };

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /** The session cookie's name (auth's SESSION_COOKIE). */
  sessionCookie: string;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchema;
  return rest;
}

/** Express's `/doctors/:address` is OpenAPI's `/doctors/{address}`. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' && { description }),
      schema: propertySchema,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: API_ERROR_REF } },
});

function successResponse(spec: RouteSpec): JsonSchema {
  const status = spec.status ?? 200;
  if (status === 204) return { description: 'Done; no body' };
  if (spec.response) {
    return { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } };
  }
  return { description: 'OK', content: { [spec.contentType ?? 'application/json']: { schema: { type: 'string' } } } };
}

function responses(spec: RouteSpec): Record<string, JsonSchema> {
  const hasInput = Boolean(spec.params ?? spec.query ?? spec.body);
  const codes = spec.errors ?? [];
  return {
    [String(spec.status ?? 200)]: successResponse(spec),
    ...(hasInput && { '400': errorResponse('VALIDATION_FAILED: the message names each bad field') }),
    ...(spec.access !== 'public' && { '401': errorResponse('UNAUTHENTICATED: no valid session cookie') }),
    ...(spec.access === 'admin' && { '403': errorResponse('ADMIN_ONLY: the signed-in account is not an admin') }),
    default: {
      ...errorResponse(codes.length ? `Other errors, by code: ${codes.join(', ')}` : 'Any other error'),
      ...(codes.length && { 'x-error-codes': codes }),
    },
  };
}

function operation(spec: RouteSpec): JsonSchema {
  const segments = spec.path.split('/').filter((segment) => segment && segment !== 'api');
  return {
    operationId: [spec.method, ...segments].join('_').replace(/[^\w]+/g, '_'),
    summary: spec.summary,
    tags: [segments[0]],
    ...(spec.access === 'public' ? { security: [] } : { security: [{ [SESSION_COOKIE_SCHEME]: [] }] }),
    'x-access': spec.access,
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body && {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } },
    }),
    responses: responses(spec),
  };
}

export function openApiDocument(routes: readonly RouteSpec[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const path = openApiPath(spec.path);
    if (paths[path]?.[spec.method]) throw new Error(`Two route descriptions for ${spec.method.toUpperCase()} ${path}`);
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.1',
    info: { title: info.title, version: info.version, ...(info.description && { description: info.description }) },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorBodySchema, 'output') },
      securitySchemes: {
        [SESSION_COOKIE_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: info.sessionCookie,
          description: 'Set by POST /api/auth/verify (Sign-In with Ethereum); HttpOnly, SameSite=Strict.',
        },
      },
    },
  };
}
