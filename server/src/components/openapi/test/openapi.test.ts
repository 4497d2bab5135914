import express from 'express';
import request from 'supertest';
import { validate } from '@readme/openapi-parser';
import { API_ROUTES } from '@api/all-routes';
import { openApiPath } from '..';
import { openTestApp, type TestApp } from '../../../test-support/test-app';
import { servedRoutes } from '../../../test-support/served-routes';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await openTestApp('openapi');
});
afterAll(async () => {
  await testApp?.close();
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[] }>>;
  components: { securitySchemes: Record<string, { in: string; name: string }> };
}

const fetchDocument = async () =>
  (await request(testApp.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/))
    .body as OpenApiDocument;

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('OpenAPI document', () => {
  test('When the server serves a route under /api, then the document describes it, and it describes nothing the server does not serve', async () => {
    const document = await fetchDocument();
    const served = servedRoutes(testApp.app)
      .filter(({ path }) => path.startsWith('/api/'))
      .map(({ method, path }) => key(method, openApiPath(path)));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => key(method, path)),
    );

    expect(served.length).toBeGreaterThanOrEqual(API_ROUTES.length);
    expect({ servedButUndocumented: served.filter((route) => !documented.includes(route)) }).toEqual({
      servedButUndocumented: [],
    });
    expect({ documentedButNotServed: documented.filter((route) => !served.includes(route)) }).toEqual({
      documentedButNotServed: [],
    });
  });

  test('When the document is validated against the OpenAPI 3.1 schema, then it is valid', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(document) as never);
    expect(result).toEqual(expect.objectContaining({ valid: true }));
  });

  test('When a route needs a session, then the document says so with the ehr_session cookie; public routes need none', async () => {
    const document = await fetchDocument();
    const [scheme] = Object.entries(document.components.securitySchemes);
    expect(scheme[1]).toMatchObject({ in: 'cookie', name: 'ehr_session' });
    expect(document.paths['/api/doctors/{address}'].get.security).toEqual([{ [scheme[0]]: [] }]);
    expect(document.paths['/api/health'].get.security).toEqual([]);
  });

  test('When a route is served but not listed, then the route walk finds it (nested routers included)', () => {
    const app = express();
    const api = express.Router();
    const inner = express.Router();
    inner.get('/things/:id', (_req, res) => void res.end());
    inner.delete('/things/:id', (_req, res) => void res.end());
    api.use(inner);
    api.use((_req, res) => void res.status(404).end());
    app.use('/api', api);
    expect(servedRoutes(app)).toEqual([
      { method: 'GET', path: '/api/things/:id' },
      { method: 'DELETE', path: '/api/things/:id' },
    ]);
  });
});

describe('API reference at /api/docs', () => {
  test('When a browser opens /api/docs, then the page and every file it loads come from the app under its CSP', async () => {
    const page = await request(testApp.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const loaded = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(loaded).toEqual(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/reference.js']);
    for (const [file, type] of [
      ['/api/docs/swagger-ui.css', /css/],
      ['/api/docs/swagger-ui-bundle.js', /javascript/],
      ['/api/docs/reference.js', /javascript/],
    ] as const) {
      const response = await request(testApp.app).get(file).expect(200).expect('Content-Type', type);
      expect(Number(response.headers['content-length'] ?? response.text.length)).toBeGreaterThan(100);
    }
  });

  test('When the document and the reference are asked for without a session, then they are served (public)', async () => {
    await request(testApp.app).get('/api/openapi.json').expect(200);
    await request(testApp.app).get('/api/docs').expect(200);
  });
});
