/**
 * How the built client reaches the browser: precompressed (the build's own twins), cached for a year
 * when the name carries a content hash, revalidated otherwise, and never index.html in place of a
 * missing file. Runs the real app on a client build made by the real precompression step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { precompressAssets } from '../../../../scripts/build/precompress';
import { createApp } from '../../app';
import { openTestApp, type TestApp } from '../../test-support/test-app';

const CHUNK = 'chunk-AB12CD34.js';
const STYLES = 'styles-EF56GH78.css';
const chunkSource = `export const greet = (who) => "hello " + who;\n`.repeat(200);
const indexHtml = `<!doctype html><title>EHR Hospital</title><script src="${CHUNK}" type="module"></script>`;

let testApp: TestApp;
let clientDist: string;
let app: Express;

beforeAll(async () => {
  testApp = await openTestApp('client-assets');
  clientDist = mkdtempSync(path.join(tmpdir(), 'ehr-client-assets-'));
  writeFileSync(path.join(clientDist, 'index.html'), indexHtml);
  writeFileSync(path.join(clientDist, CHUNK), chunkSource);
  writeFileSync(path.join(clientDist, STYLES), 'body { margin: 0; }\n'.repeat(100));
  await precompressAssets(clientDist);
  app = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, clientDist } });
});
afterAll(async () => {
  rmSync(clientDist, { recursive: true, force: true });
  await testApp?.close();
});

describe('Serving the built client', () => {
  test('When the browser accepts brotli, then a chunk arrives brotli-encoded as JavaScript and cached for a year', async () => {
    const response = await request(app).get(`/${CHUNK}`).set('Accept-Encoding', 'gzip, deflate, br').expect(200);

    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(chunkSource);
  });

  test('When the browser accepts only gzip, then the chunk arrives gzip-encoded', async () => {
    const response = await request(app).get(`/${CHUNK}`).set('Accept-Encoding', 'gzip').expect(200);

    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(chunkSource);
  });

  test('When the browser accepts no compression, then the plain chunk is sent', async () => {
    const response = await request(app).get(`/${CHUNK}`).set('Accept-Encoding', 'identity').expect(200);

    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text).toBe(chunkSource);
  });

  test('When a hashed stylesheet is requested, then it is compressed and immutable too', async () => {
    const response = await request(app).get(`/${STYLES}`).set('Accept-Encoding', 'br').expect(200);

    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/css/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('When the app is opened at its root or a deep link, then index.html is revalidated on every load', async () => {
    for (const url of ['/', '/doctors/pending']) {
      const response = await request(app).get(url).expect(200);

      expect(response.text).toBe(indexHtml);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  test('When a chunk from an older release is requested, then the answer is a 404 JSON error, not index.html', async () => {
    const response = await request(app).get('/chunk-OLD0RELE.js').expect(404);

    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'ASSET_NOT_FOUND' }) });
  });
});
