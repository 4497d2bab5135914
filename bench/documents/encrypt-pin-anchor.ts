/**
 * Encrypt + pin + anchor of one document at 100 kB, 1 MB and 10 MB, the way the app does it: Chromium runs
 * the app's document crypto (encrypt, sha256 of the envelope) and kubo-rpc-client, which pins the envelope
 * through the app's own endpoint /api/ipfs/api/v0/add with the patient's session cookie (real SIWE sign-in,
 * the proxy's ciphertext check, the embedded node); then Records.addRecord(patient, test-report, cid, hash)
 * is sent and mined. The anchor is sent from Node with the patient's ethers Wallet (in the app, the wallet
 * extension signs and sends the same transaction), so it excludes the wallet's confirmation dialog.
 * Stack: Ganache + contracts, embedded MongoDB, embedded IPFS node, the API in this process.
 * Medians of REPEATS runs per size; figures only, nothing asserted.
 *
 *   npx tsx bench/documents/encrypt-pin-anchor.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SiweMessage } from 'siwe';
import { Records__factory } from '@contracts/types';
import { RECORD_KINDS } from '../../api/records';
import { startChain } from '../../scripts/dev/chain';
import { deployContracts } from '../../scripts/dev/contracts';
import { startIpfs } from '../../scripts/dev/ipfs';
import { startMongo } from '../../scripts/dev/mongo';
import { readDeployments } from '../../server/src/libraries/chain';
import { fundedWallet, GAS, openTestApp, testChain } from '../../server/src/test-support/test-app';
import { CHAIN_ID } from '../../test/support/dev-chain';
import { launchBrowser } from '../../test/e2e/support/browser';
import { bundleDocumentCrypto, bundleKuboClient } from '../../test/e2e/documents/support/crypto-bundle';
import type { BrowserCrypto } from '../../test/e2e/documents/support/crypto-page';
import { MB, median, megabytesPerSecond, printTable } from './bench-support';

const SIZES = [100_000, 1 * MB, 10 * MB];
const REPEATS = 3;
const PATIENT = 205;

interface BrowserTiming {
  cid: string;
  contentHash: string;
  encryptMs: number;
  hashMs: number;
  pinMs: number;
}

type BenchWindow = Window & {
  EhrCrypto: BrowserCrypto;
  KuboRpcClient: {
    create(options: { url: string }): { add(bytes: Uint8Array): Promise<{ cid: { toString(): string } }> };
  };
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-documents-'));
  const quiet = () => {};
  const [chainNode, mongo, ipfs] = await Promise.all([
    startChain({ port: 0, log: quiet }),
    startMongo({ dataDir, log: quiet }),
    startIpfs({ dataDir, port: 0, log: quiet }),
  ]);
  const { deploymentsFile } = await deployContracts({ rpcUrl: chainNode.rpcUrl, dataDir, log: quiet });
  Object.assign(process.env, {
    TEST_RPC_URL: chainNode.rpcUrl,
    TEST_MONGODB_URI: mongo.uri,
    TEST_IPFS_API_URL: ipfs.apiUrl,
    TEST_DEPLOYMENTS_FILE: deploymentsFile,
  });
  // The page must be same-origin with the API (the proxy refuses other origins) and a secure context
  // (WebCrypto): http://127.0.0.1:<port> is both once the app is configured with that origin.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const testApp = await openTestApp('bench-documents', { publicOrigin: origin, allowedOrigins: [origin] });
  const server = testApp.app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const chain = await testChain();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  try {
    const patient = await fundedWallet(PATIENT, chain.provider);
    await (await chain.registryFor(patient).registerPatient(GAS)).wait();
    const deployments = await readDeployments(deploymentsFile, CHAIN_ID);
    const records = Records__factory.connect(deployments.Records.address, patient);

    const page = await browser.newPage();
    await page.route(`${origin}/bench.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>documents bench</title>' }),
    );
    await page.goto(`${origin}/bench.html`);
    await page.addScriptTag({ content: await bundleDocumentCrypto() });
    await page.addScriptTag({ content: await bundleKuboClient() });
    // Sign in from the page, as the app does: the session cookie lands in the browser.
    const nonce = await page.evaluate(
      async () => ((await (await fetch('/api/auth/nonce')).json()) as { nonce: string }).nonce,
    );
    const message = new SiweMessage({
      domain: new URL(origin).host,
      address: patient.address,
      statement: 'Sign in to EHR Hospital.',
      uri: origin,
      version: '1',
      chainId: CHAIN_ID,
      nonce,
      issuedAt: new Date().toISOString(),
    }).prepareMessage();
    const signature = await patient.signMessage(message);
    const signInStatus = await page.evaluate(
      async (body) =>
        (
          await fetch('/api/auth/verify', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
      { message, signature },
    );
    if (signInStatus !== 200) throw new Error(`sign-in answered ${signInStatus}`);

    for (const size of SIZES) {
      const runs: (BrowserTiming & { anchorMs: number })[] = [];
      for (let run = 0; run < REPEATS; run++) {
        const timing = await page.evaluate(async (length) => {
          const { EhrCrypto, KuboRpcClient } = window as unknown as BenchWindow;
          const content = new Uint8Array(length);
          // getRandomValues fills at most 64 KiB per call.
          for (let offset = 0; offset < length; offset += 65_536) {
            crypto.getRandomValues(content.subarray(offset, Math.min(length, offset + 65_536)));
          }
          const began = performance.now();
          const { bytes } = await EhrCrypto.encryptDocument(content, { name: 'bench.pdf', type: 'application/pdf' });
          const encrypted = performance.now();
          const contentHash = EhrCrypto.ciphertextHash(bytes);
          const hashed = performance.now();
          const added = await KuboRpcClient.create({ url: `${location.origin}/api/ipfs/api/v0` }).add(bytes);
          const pinned = performance.now();
          return {
            cid: added.cid.toString(),
            contentHash,
            encryptMs: encrypted - began,
            hashMs: hashed - encrypted,
            pinMs: pinned - hashed,
          };
        }, size);
        const began = performance.now();
        const kind = RECORD_KINDS.indexOf('test-report');
        await (await records.addRecord(patient.address, kind, timing.cid, timing.contentHash, GAS)).wait();
        runs.push({ ...timing, anchorMs: performance.now() - began });
      }
      const ms = (key: 'encryptMs' | 'hashMs' | 'pinMs' | 'anchorMs') => median(runs.map((run) => run[key]));
      const total = ms('encryptMs') + ms('hashMs') + ms('pinMs') + ms('anchorMs');
      rows.push([
        size >= MB ? `${size / MB} MB` : `${size / 1000} kB`,
        ms('encryptMs').toFixed(0),
        ms('hashMs').toFixed(0),
        ms('pinMs').toFixed(0),
        ms('anchorMs').toFixed(0),
        total.toFixed(0),
        megabytesPerSecond(size, ms('encryptMs')).toFixed(1),
        megabytesPerSecond(size, ms('pinMs')).toFixed(1),
      ]);
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await testApp.close();
    chain.close();
    await Promise.all([mongo.stop(), ipfs.stop(), chainNode.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `Encrypt + pin + anchor, one document (median of ${REPEATS} runs, ms; encrypt, sha256 and pin in Chromium, ` +
      'pin through /api/ipfs with kubo-rpc-client, anchor = Records.addRecord sent and mined)\n',
  );
  printTable(['size', 'encrypt', 'sha256', 'pin', 'anchor', 'total', 'encrypt MB/s', 'pin MB/s'], rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
