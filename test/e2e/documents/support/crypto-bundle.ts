/**
 * Browser code bundled into one classic script each, so a blank Chromium page can run exactly what the app
 * ships: the document crypto (client/src/app/documents/crypto, with WebCrypto and noble as the app uses
 * them) as `window.EhrCrypto`, and kubo-rpc-client (the app's IPFS client) as `window.KuboRpcClient`.
 * esbuild is the bundler Angular's own build uses (a dependency of @angular/build): nothing new installed.
 */
import { build } from 'esbuild';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

async function bundle(stdin: string, globalName: string): Promise<string> {
  const result = await build({
    stdin: { contents: stdin, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    // The client's tsconfig maps @api/* to api/*, as the Angular build does.
    tsconfig: path.join(repoRoot, 'client', 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The crypto module; evaluate the text in a page (page.addScriptTag({ content })) to get `window.EhrCrypto`. */
export function bundleDocumentCrypto(): Promise<string> {
  return bundle("export * from './client/src/app/documents/crypto';", 'EhrCrypto');
}

/** kubo-rpc-client's `create`, as `window.KuboRpcClient.create`. */
export function bundleKuboClient(): Promise<string> {
  return bundle("export { create } from 'kubo-rpc-client';", 'KuboRpcClient');
}
