/**
 * The rendered reference at /api/docs: Swagger UI (swagger-ui-dist, pinned) served from the app itself,
 * so it works without internet and under the app's CSP (script-src 'self': the start-up script is a file,
 * not inline).
 */
import path from 'node:path';

const SWAGGER_UI_DIST = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Files of swagger-ui-dist served as they are, by the name they have under /api/docs/. */
export const SWAGGER_UI_FILES = {
  'swagger-ui-bundle.js': path.join(SWAGGER_UI_DIST, 'swagger-ui-bundle.js'),
  'swagger-ui.css': path.join(SWAGGER_UI_DIST, 'swagger-ui.css'),
} as const;

export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>EHR Hospital API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
  </head>
  <body>
    <main id="reference" aria-label="EHR Hospital API reference"></main>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/reference.js"></script>
  </body>
</html>
`;

/** Starts Swagger UI on the generated document; no validator badge (it would call an outside service). */
export const REFERENCE_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#reference',
    validatorUrl: null,
    deepLinking: true,
    withCredentials: true,
  });
});
`;
