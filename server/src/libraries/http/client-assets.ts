/**
 * Serves the built Angular app. `npm run build` writes a `.br` and a `.gz` twin next to every text
 * asset (scripts/build/client-sizes.ts), so the server never compresses at request time: it picks the
 * twin the browser accepts (brotli first), labels it with the original's Content-Type and sets
 * `Vary: Accept-Encoding`; browsers that accept neither get the plain file.
 *
 * Caching: Angular names every chunk and stylesheet by its content hash, so those are cached for a year
 * and never revalidated; everything else, index.html above all, is revalidated on each load so a new
 * release is picked up at once. Any other GET without a file extension is an app route (deep link) and
 * gets index.html; a missing file (say an old chunk after a release) is a 404, never index.html, which
 * a browser would otherwise try to run as JavaScript.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { notFound } from '../errors';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/** Angular's hashed output names (`main-ABCD1234.js`, `chunk-….js`, `styles-….css`) and their twins. */
const CONTENT_HASHED = /-[A-Z0-9]{8}\.(?:js|css)(?:\.br|\.gz)?$/;
/** App routes never contain a dot in their last segment; file requests do. */
const FILE_REQUEST = /\.[a-z0-9]+$/i;

function setCacheControl(res: ServerResponse, filePath: string): void {
  res.setHeader('Cache-Control', CONTENT_HASHED.test(path.basename(filePath)) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
}

export function clientAssets(clientDist: string): RequestHandler[] {
  const index = path.join(clientDist, 'index.html');
  const files = expressStaticGzip(clientDist, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, cacheControl: false, setHeaders: setCacheControl },
  }) as RequestHandler;

  const appRoutes: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (FILE_REQUEST.test(req.path)) throw notFound(`No file ${req.path} in the client build`, 'ASSET_NOT_FOUND');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('EHR Hospital client not built: run npm run build');
      return;
    }
    res.setHeader('Cache-Control', REVALIDATE_CACHE);
    res.sendFile(index, { cacheControl: false });
  };
  return [files, appRoutes];
}
