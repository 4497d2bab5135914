/**
 * The API's own description: the OpenAPI 3.1 document generated from api/all-routes.ts at
 * /api/openapi.json, and a rendered reference at /api/docs. Reads api/ only.
 */
import { API_ROUTES } from '@api/all-routes';
import { version } from '../../../../package.json';
import { SESSION_COOKIE } from '../auth';
import type { Component } from '../component';
import { openApiDocument } from './domain/openapi-document';
import { openApiRoutes } from './entry-points/api/openapi-routes';

export { openApiDocument, openApiPath } from './domain/openapi-document';

const DESCRIPTION = [
  'The HTTP API of EHR Hospital. The chain is the source of truth for roles, verification and consent;',
  'every write to it is a transaction the wallet signs, so it is not here.',
  'Errors are `{ error: { code, message } }` (ApiError); bad input is 400 VALIDATION_FAILED naming each field.',
  '',
  'Not part of this REST API: `POST /rpc`, the JSON-RPC 2.0 path through which the wallet and the app reach',
  'the chain (allowlisted reads and eth_sendRawTransaction only; no session, JSON-RPC errors). See docs/api.md.',
].join('\n');

/** Built once: the routes are fixed when the server starts. */
export const API_DOCUMENT = openApiDocument(API_ROUTES, {
  title: 'EHR Hospital API',
  version,
  description: DESCRIPTION,
  sessionCookie: SESSION_COOKIE,
});

export const openApiComponent: Component = {
  name: 'openapi',
  apiRoutes: () => openApiRoutes(API_DOCUMENT),
};
