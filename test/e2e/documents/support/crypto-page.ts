/**
 * One blank Chromium page holding the app's document crypto (crypto-bundle.ts) as `window.EhrCrypto`.
 * The page is served from http://localhost by Playwright itself (nothing listens there): WebCrypto exists
 * only in a secure context, which about:blank is not and localhost is. Bytes cross the page boundary as hex.
 */
import type { Browser, Page } from 'playwright-core';
import { bundleDocumentCrypto } from './crypto-bundle';

export const CRYPTO_PAGE_URL = 'http://localhost/document-crypto.html';

/** What a page script may call: the parts of client/src/app/documents/crypto the tests use (free functions). */
export interface BrowserCrypto {
  readonly keyDerivationMessage: (address: string, chainId: number) => string;
  readonly deriveKeyPair: (signature: string) => { privateKey: Uint8Array; publicKey: Uint8Array };
  readonly publicKeyToHex: (publicKey: Uint8Array) => string;
  readonly publicKeyFromHex: (hex: string) => Uint8Array;
  readonly verifyPublishedKey: (published: {
    publicKey: string;
    address: string;
    chainId: number;
    signature: string;
  }) => boolean;
  readonly encryptDocument: (
    content: Uint8Array,
    metadata: { name: string; type: string },
  ) => Promise<{ key: Uint8Array; bytes: Uint8Array }>;
  readonly decryptDocument: (
    envelope: Uint8Array,
    key: Uint8Array,
  ) => Promise<{ name: string; type: string; size: number; content: Uint8Array }>;
  readonly wrapKey: (documentKey: Uint8Array, recipientPublicKey: Uint8Array) => Promise<Uint8Array>;
  readonly unwrapKey: (wrapped: Uint8Array, recipientPrivateKey: Uint8Array) => Promise<Uint8Array>;
  readonly ciphertextHash: (envelope: Uint8Array) => string;
}

export async function openCryptoPage(browser: Browser): Promise<Page> {
  const script = await bundleDocumentCrypto();
  const page = await browser.newPage();
  await page.route(CRYPTO_PAGE_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>document crypto</title>' }),
  );
  await page.goto(CRYPTO_PAGE_URL);
  await page.addScriptTag({ content: script });
  return page;
}
