/**
 * The document crypto in Chromium, as the app ships it (client/src/app/documents/crypto bundled by esbuild,
 * run in a real page with Chromium's WebCrypto): keys derived from real wallet signatures (ethers Wallets
 * sign here in Node, as MetaMask would in the page), one document shared with several readers, and the
 * typed errors the UI relies on. One browser, one page. The Node side of the same code is covered by the
 * client project's specs; this proves the browser's WebCrypto agrees.
 */
import { Wallet } from 'ethers';
import type { Browser, Page } from 'playwright-core';
import { publishedKeyMessage } from '@api/document-keys';
import { launchBrowser } from '../support/browser';
import { describeInBrowser } from '../support/journey';
import { openCryptoPage, type BrowserCrypto } from './support/crypto-page';

const CHAIN_ID = 1337;
const OTHER_CHAIN_ID = 11155111;
const patient = new Wallet(`0x${'a1'.repeat(32)}`);
const cardiologist = new Wallet(`0x${'b2'.repeat(32)}`);
const radiologist = new Wallet(`0x${'c3'.repeat(32)}`);
const outsider = new Wallet(`0x${'d4'.repeat(32)}`);

/** What the page runs against: `window.EhrCrypto`, typed. */
type CryptoWindow = Window & { EhrCrypto: BrowserCrypto };

describeInBrowser('Document crypto in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openCryptoPage(browser);
  });
  afterAll(() => browser?.close());

  /** The signature `wallet` gives over the page's own key-derivation message for `chainId`. */
  async function derivationSignature(wallet: Wallet, chainId: number): Promise<string> {
    const message = await page.evaluate(
      ([address, chain]) => (window as unknown as CryptoWindow).EhrCrypto.keyDerivationMessage(address, chain),
      [wallet.address, chainId] as const,
    );
    return wallet.signMessage(message);
  }

  /** The public key (hex) the page derives from `signature`. */
  function publicKeyFrom(signature: string): Promise<string> {
    return page.evaluate((sig) => {
      const { deriveKeyPair, publicKeyToHex } = (window as unknown as CryptoWindow).EhrCrypto;
      return publicKeyToHex(deriveKeyPair(sig).publicKey);
    }, signature);
  }

  it('When a patient shares a document with two doctors, then each of the three opens it with their own wallet and an outsider with none', async () => {
    const readers = [patient, cardiologist, radiologist];
    const readerSignatures = await Promise.all(readers.map((wallet) => derivationSignature(wallet, CHAIN_ID)));
    const outsiderSignature = await derivationSignature(outsider, CHAIN_ID);
    // Each reader publishes their key with a signed statement; the patient's page checks it before wrapping.
    const publicKeys = await Promise.all(readerSignatures.map(publicKeyFrom));
    const statements = await Promise.all(
      readers.map(async (wallet, index) => ({
        publicKey: publicKeys[index],
        address: wallet.address,
        chainId: CHAIN_ID,
        signature: await wallet.signMessage(publishedKeyMessage(publicKeys[index], wallet.address, CHAIN_ID)),
      })),
    );

    const outcome = await page.evaluate(
      async ({ statements, readerSignatures, outsiderSignature }) => {
        const c = (window as unknown as CryptoWindow).EhrCrypto;
        const content = new TextEncoder().encode('%PDF-1.7 Echocardiogram: ejection fraction 55%');
        const verified = statements.map((statement) => c.verifyPublishedKey(statement));
        const { key, bytes } = await c.encryptDocument(content, { name: 'echo-2026-11.pdf', type: 'application/pdf' });
        const anchoredHash = c.ciphertextHash(bytes);
        const wrapped = await Promise.all(statements.map((s) => c.wrapKey(key, c.publicKeyFromHex(s.publicKey))));
        // Later, in each reader's browser: the key again from the wallet's signature alone.
        const opened = [];
        for (const [index, signature] of readerSignatures.entries()) {
          const documentKey = await c.unwrapKey(wrapped[index], c.deriveKeyPair(signature).privateKey);
          const document = await c.decryptDocument(bytes, documentKey);
          opened.push({
            name: document.name,
            type: document.type,
            text: new TextDecoder().decode(document.content),
            hashMatches: c.ciphertextHash(bytes) === anchoredHash,
          });
        }
        const outsiderErrors = [];
        for (const wrap of wrapped) {
          try {
            await c.unwrapKey(wrap, c.deriveKeyPair(outsiderSignature).privateKey);
            outsiderErrors.push('unwrapped');
          } catch (error) {
            outsiderErrors.push((error as { code?: string }).code);
          }
        }
        return { verified, opened, outsiderErrors, wrappedLengths: wrapped.map((w) => w.length) };
      },
      { statements, readerSignatures, outsiderSignature },
    );

    expect(outcome.verified).toEqual([true, true, true]);
    expect(outcome.wrappedLengths).toEqual([93, 93, 93]);
    expect(outcome.opened).toEqual(
      readers.map(() => ({
        name: 'echo-2026-11.pdf',
        type: 'application/pdf',
        text: '%PDF-1.7 Echocardiogram: ejection fraction 55%',
        hashMatches: true,
      })),
    );
    expect(outcome.outsiderErrors).toEqual(['unwrap-failed', 'unwrap-failed', 'unwrap-failed']);
  });

  it('When a key statement was signed by another wallet (a substituted key), then the page refuses it', async () => {
    const substitutedKey = await publicKeyFrom(await derivationSignature(outsider, CHAIN_ID));
    const forged = {
      publicKey: substitutedKey,
      address: cardiologist.address,
      chainId: CHAIN_ID,
      signature: await outsider.signMessage(publishedKeyMessage(substitutedKey, cardiologist.address, CHAIN_ID)),
    };
    const genuineElsewhere = {
      ...forged,
      signature: await cardiologist.signMessage(publishedKeyMessage(substitutedKey, cardiologist.address, CHAIN_ID)),
      chainId: OTHER_CHAIN_ID,
    };

    const verdicts = await page.evaluate(
      (statements) => statements.map((s) => (window as unknown as CryptoWindow).EhrCrypto.verifyPublishedKey(s)),
      [forged, genuineElsewhere],
    );

    expect(verdicts).toEqual([false, false]);
  });

  it('When the ciphertext is altered, the key is wrong, the header is truncated, the file is plaintext or a wrapped key is altered, then each fails with its own error code', async () => {
    const codes = await page.evaluate(async () => {
      const c = (window as unknown as CryptoWindow).EhrCrypto;
      const codeOf = async (attempt: () => Promise<unknown>) => {
        try {
          await attempt();
          return 'opened';
        } catch (error) {
          return `${(error as Error).name}:${(error as { code?: string }).code}`;
        }
      };
      const content = new TextEncoder().encode('Potassium 4.1 mmol/L');
      const { key, bytes } = await c.encryptDocument(content, { name: 'lab.txt', type: 'text/plain' });
      const other = await c.encryptDocument(content, { name: 'lab.txt', type: 'text/plain' });
      const tampered = bytes.slice();
      tampered[bytes.length - 20] ^= 0x01;
      const reader = c.deriveKeyPair(`0x${'11'.repeat(32)}${'22'.repeat(32)}1b`);
      const wrapped = await c.wrapKey(key, reader.publicKey);
      const tamperedWrap = wrapped.slice();
      tamperedWrap[60] ^= 0x01;
      return {
        intact: await codeOf(() => c.decryptDocument(bytes, key)),
        tamperedCiphertext: await codeOf(() => c.decryptDocument(tampered, key)),
        wrongKey: await codeOf(() => c.decryptDocument(bytes, other.key)),
        truncatedHeader: await codeOf(() => c.decryptDocument(bytes.slice(0, 12), key)),
        plaintext: await codeOf(() => c.decryptDocument(new TextEncoder().encode('%PDF-1.7 '.repeat(8)), key)),
        shortKey: await codeOf(() => c.decryptDocument(bytes, key.slice(0, 16))),
        tamperedWrap: await codeOf(() => c.unwrapKey(tamperedWrap, reader.privateKey)),
        truncatedWrap: await codeOf(() => c.unwrapKey(wrapped.slice(0, 40), reader.privateKey)),
      };
    });

    expect(codes).toEqual({
      intact: 'opened',
      tamperedCiphertext: 'EnvelopeError:authentication-failed',
      wrongKey: 'EnvelopeError:authentication-failed',
      truncatedHeader: 'EnvelopeError:truncated',
      plaintext: 'EnvelopeError:not-an-envelope',
      shortKey: 'EnvelopeError:invalid-key',
      tamperedWrap: 'KeyWrapError:unwrap-failed',
      truncatedWrap: 'KeyWrapError:malformed',
    });
  });

  it('When keys are derived from wallet signatures, then the same wallet on the same chain always gets the same key, and another wallet or chain another key', async () => {
    const first = await publicKeyFrom(await derivationSignature(patient, CHAIN_ID));
    const again = await publicKeyFrom(await derivationSignature(patient, CHAIN_ID));
    // A fresh Wallet object for the same account: nothing cached anywhere, only the account's key.
    const sameAccountElsewhere = await publicKeyFrom(
      await derivationSignature(new Wallet(patient.privateKey), CHAIN_ID),
    );
    const otherWallet = await publicKeyFrom(await derivationSignature(cardiologist, CHAIN_ID));
    const otherChain = await publicKeyFrom(await derivationSignature(patient, OTHER_CHAIN_ID));

    expect(first).toMatch(/^0x[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(sameAccountElsewhere).toBe(first);
    expect(new Set([first, otherWallet, otherChain]).size).toBe(3);
  });

  it('When the wallet spells the recovery byte 0/1 instead of 27/28, then the same key is derived', async () => {
    const signature = await derivationSignature(radiologist, CHAIN_ID);
    const v = Number.parseInt(signature.slice(-2), 16);
    const lowV = `${signature.slice(0, -2)}${(v - 27).toString(16).padStart(2, '0')}`;

    expect(await publicKeyFrom(lowV)).toBe(await publicKeyFrom(signature));
  });
});
