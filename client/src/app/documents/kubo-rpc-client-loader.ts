/**
 * kubo-rpc-client in the browser: the library's own browser distribution (dist/index.min.js, a UMD bundle
 * setting `self.KuboRpcClient`), emitted by the Angular build as the non-injected script
 * `kubo-rpc-client.js` (client/angular.json "scripts") and loaded here the first time a document is pinned
 * or read, so it never weighs on the first page.
 *
 * Why not `import('kubo-rpc-client')`: Angular's esbuild build ignores the package's "browser" field and
 * fails on its Node-only files (node:os, fs, path; angular/angular-cli#30558, open). The UMD bundle is the
 * same library built by its maintainers for browsers (docs/decisions/0012-ipfs-client.md).
 */
import { InjectionToken } from '@angular/core';
import type { create } from 'kubo-rpc-client';

export type CreateKuboRpcClient = typeof create;

/** Where the Angular build puts the bundle, relative to the app's base href. */
export const KUBO_RPC_CLIENT_SCRIPT = 'kubo-rpc-client.js';

let loading: Promise<CreateKuboRpcClient> | undefined;

/** Adds the bundle's <script> once and answers the library's `create`. */
export function loadKuboRpcClient(document: Document = globalThis.document): Promise<CreateKuboRpcClient> {
  loading ??= new Promise<CreateKuboRpcClient>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(KUBO_RPC_CLIENT_SCRIPT, document.baseURI).href;
    script.async = true;
    script.onload = () => {
      const library = (globalThis as { KuboRpcClient?: { create: CreateKuboRpcClient } }).KuboRpcClient;
      if (library) resolve(library.create);
      else reject(new Error('The IPFS client script loaded but did not define KuboRpcClient'));
    };
    script.onerror = () => reject(new Error('Could not load the IPFS client script; reload the page to retry'));
    document.head.appendChild(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** How IpfsDocuments gets the library (a spec provides the bundle from disk instead of a <script>). */
export const KUBO_RPC_CLIENT = new InjectionToken<() => Promise<CreateKuboRpcClient>>('kubo-rpc-client', {
  providedIn: 'root',
  factory: () => () => loadKuboRpcClient(),
});
