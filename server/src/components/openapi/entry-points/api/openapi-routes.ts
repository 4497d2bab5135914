/**
 * GET /api/openapi.json (the generated OpenAPI 3.1 document) and GET /api/docs (its rendered reference,
 * with the script and style sheet it loads). Public: the API's shape is no secret; its data is.
 */
import { Router } from 'express';
import { REFERENCE_PAGE, REFERENCE_SCRIPT, SWAGGER_UI_FILES } from './reference-page';

/** The reference's files change only with a new release (a new swagger-ui-dist pin): revalidate daily. */
const DOCS_CACHE = 'public, max-age=86400';

export function openApiRoutes(document: object): Router {
  const router = Router();

  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(document);
  });

  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(REFERENCE_PAGE);
  });

  router.get('/docs/reference.js', (_req, res) => {
    res.set('Cache-Control', DOCS_CACHE).type('text/javascript').send(REFERENCE_SCRIPT);
  });

  for (const [name, file] of Object.entries(SWAGGER_UI_FILES)) {
    router.get(`/docs/${name}`, (_req, res) => {
      res.sendFile(file, { headers: { 'Cache-Control': DOCS_CACHE } });
    });
  }

  return router;
}
