import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pickFreePort } from '../../../../../scripts/dev/app-address';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { CHAIN_ID } from '@test-support/dev-chain';
import { createApp } from '../../../app';
import { createProvider, readDeployments } from '../../../libraries/chain';
import { openTestApp, PUBLIC_ORIGIN, type TestApp } from '../../../test-support/test-app';
import { createKuboClient } from '../../ipfs';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await openTestApp('platform');
});
afterAll(async () => {
  await testApp?.close();
});

/** A port nothing listens on: a free one, bound and released. */
const closedPort = () => pickFreePort('127.0.0.1');

describe('Health and client config', () => {
  test('When chain, MongoDB and IPFS answer, then /api/health is ok with the chain head', async () => {
    const response = await request(testApp.app).get('/api/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      chain: { ok: true, chainId: CHAIN_ID, latestBlock: expect.any(Number) },
      mongo: { ok: true },
      ipfs: expect.objectContaining({ ok: true }),
    });
  });

  test('When the IPFS node does not answer, then /api/health is degraded with 503 and says IPFS is the problem', async () => {
    const app = createApp({ ...testApp.runtime, ipfs: createKuboClient(`http://127.0.0.1:${await closedPort()}`) });
    const response = await request(app).get('/api/health').expect(503);
    expect(response.body).toMatchObject({
      status: 'degraded',
      chain: { ok: true },
      mongo: { ok: true },
      ipfs: { ok: false },
    });
  });

  test('When the chain node does not answer, then /api/health is degraded with 503 and says the chain is the problem', async () => {
    const downChain = {
      ...testApp.runtime.chain,
      provider: createProvider(`http://127.0.0.1:${await closedPort()}`, CHAIN_ID),
    };
    const app = createApp({ ...testApp.runtime, chain: downChain });
    try {
      const response = await request(app).get('/api/health').expect(503);
      expect(response.body).toMatchObject({ status: 'degraded', chain: { ok: false }, mongo: { ok: true } });
    } finally {
      downChain.provider.destroy();
    }
  });

  test('When /api/health is called again and again, then chain, MongoDB and IPFS are probed once per cache period', async () => {
    let ipfsProbes = 0;
    const countingIpfs = { ...testApp.runtime.ipfs, id: () => (ipfsProbes++, testApp.runtime.ipfs.id()) };
    const app = createApp({
      ...testApp.runtime,
      ipfs: countingIpfs,
      config: { ...testApp.runtime.config, healthCacheMs: 60_000 },
    });

    const reports = [
      ...(await Promise.all([1, 2, 3].map(() => request(app).get('/api/health').expect(200)))),
      await request(app).get('/api/health').expect(200),
    ].map((response) => response.body);

    expect(ipfsProbes).toBe(1);
    expect(new Set(reports.map((report) => JSON.stringify(report))).size).toBe(1);
  });

  test('When the SPA asks for its config, then it gets the chain parameters and the deployed Registry address', async () => {
    const deployments = await readDeployments(process.env.TEST_DEPLOYMENTS_FILE!, CHAIN_ID);
    const response = await request(testApp.app).get('/api/config').expect(200);
    expect(response.body).toEqual({
      chainId: CHAIN_ID,
      chainName: 'EHR Hospital Dev',
      rpcUrl: `${PUBLIC_ORIGIN}/rpc`,
      currency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      contracts: expect.objectContaining({
        Registry: { address: deployments.Registry.address, blockNumber: deployments.Registry.blockNumber },
      }),
      session: { idleSeconds: 900, maxSeconds: 28_800 },
      ipfs: { maxUploadBytes: 25_000_000 },
    });
  });
});

describe('HTTP edge cases', () => {
  test('When an unknown API route is called, then the API answers 404 JSON', async () => {
    const response = await request(testApp.app).get('/api/nothing-here').expect(404);
    expect(response.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
  });

  test('When the JSON body is malformed, then the API answers 400 JSON', async () => {
    const response = await request(testApp.app)
      .post('/api/auth/verify')
      .set('Content-Type', 'application/json')
      .send('{"message": ')
      .expect(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
  });

  test('When a path parameter is not valid percent-encoding, then the API answers 400 MALFORMED_PATH, not 500', async () => {
    for (const path of ['/api/patients/%zz', '/api/consent/a%2', '/api/doctors/%E0%A4%A/practice']) {
      const response = await request(testApp.app).get(path);
      expect({ path, status: response.status, body: response.body }).toEqual({
        path,
        status: 400,
        body: { error: { code: 'MALFORMED_PATH', message: expect.stringContaining('percent-encoding') } },
      });
    }
  });

  test('When the body is larger than the limit, then the API answers 413 JSON', async () => {
    const response = await request(testApp.app)
      .post('/api/auth/verify')
      .send({ message: 'x'.repeat(200_000), signature: '0x00' })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('When any page is served, then a Content-Security-Policy allows only this origin and the public RPC', async () => {
    const response = await request(testApp.app).get('/api/config').expect(200);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    // The public RPC is the app's own /rpc (PUBLIC_ORIGIN + /rpc); the chain node is never a connect target.
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${PUBLIC_ORIGIN}(;|$)`));
    expect(csp).not.toContain(new URL(process.env.TEST_RPC_URL!).origin);
  });

  test('When the client has not been built, then the root page says how to build it (503)', async () => {
    const response = await request(testApp.app).get('/').expect(503);
    expect(response.text).toContain('npm run build');
  });

  test('When the client is built, then deep links fall back to index.html but unknown API routes do not', async () => {
    const clientDist = mkdtempSync(path.join(tmpdir(), 'ehr-client-'));
    try {
      writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>EHR Hospital</title>');
      writeFileSync(path.join(clientDist, 'main.js'), 'console.log(1)');
      const app = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, clientDist } });

      expect((await request(app).get('/doctors/pending').expect(200)).text).toContain('<title>EHR Hospital</title>');
      expect((await request(app).get('/main.js').expect(200)).text).toContain('console.log');
      await request(app).get('/api/unknown').expect(404);
    } finally {
      rmSync(clientDist, { recursive: true, force: true });
    }
  });
});
