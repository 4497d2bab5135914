/**
 * The browser's document crypto (client/src/app/documents/crypto) bundled into one classic script, so a
 * blank Chromium page can run exactly the code the app ships, with WebCrypto and noble as the app uses
 * them. esbuild is the bundler Angular's own build uses (a dependency of @angular/build), so nothing new
 * is installed. The bundle exposes the crypto module as `window.EhrCrypto`.
 */
import { build } from 'esbuild';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const CRYPTO_GLOBAL = 'EhrCrypto';

/** The script text; evaluate it in a page (page.addScriptTag({ content })) to get `window.EhrCrypto`. */
export async function bundleDocumentCrypto(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'client', 'src', 'app', 'documents', 'crypto', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: CRYPTO_GLOBAL,
    platform: 'browser',
    target: 'es2022',
    // The client's tsconfig maps @api/* to api/*, as the Angular build does.
    tsconfig: path.join(repoRoot, 'client', 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
