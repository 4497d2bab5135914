import request from 'supertest';
import { licenceCommitment } from '@test-support/licences';
import { createApp } from '../../../app';
import {
  openTestApp,
  testChain,
  devWallet,
  GAS,
  PUBLIC_ORIGIN,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { fetchNonce, signIn, signedSignIn } from '../../../test-support/siwe-client';
import type { AppConfig } from '../../../libraries/config/config';

// Accounts used only by this file (the chain is shared by all server test files): 0 admin, 1 doctor, 8 and 9 nobody.
let testApp: TestApp;
let chain: TestChain;

beforeAll(async () => {
  testApp = await openTestApp('auth-sign-in');
  chain = await testChain();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

/** The same app and database under other settings. */
const appWith = (overrides: Partial<AppConfig>) =>
  createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, ...overrides } });
const LOCAL_DEV = { publicOrigin: undefined, allowedOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'] };

const sessionCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ehr_session='));

describe('Sign-in with Ethereum', () => {
  test('When the admin signs a fresh nonce, then a strict httpOnly session cookie is set and /api/me reads the admin role from the chain', async () => {
    const agent = request.agent(testApp.app);
    const wallet = devWallet(0, chain.provider);
    const response = await agent
      .post('/api/auth/verify')
      .send(await signedSignIn(agent, wallet))
      .expect(200);

    expect(response.body).toEqual({ address: wallet.address, roles: ['admin'], doctorStatus: 'none' });
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = await agent.get('/api/me').expect(200);
    expect(me.body).toEqual({ address: wallet.address, roles: ['admin'], doctorStatus: 'none' });
  });

  test('When a registered doctor gets verified on chain, then /api/me moves from pending to the doctor role without signing in again', async () => {
    const agent = request.agent(testApp.app);
    const doctor = devWallet(1, chain.provider);
    await (await chain.registryAs(1).registerDoctor(licenceCommitment('AUTH-DOC-1'), 7, GAS)).wait();
    await signIn(agent, doctor);
    expect((await agent.get('/api/me').expect(200)).body).toEqual({
      address: doctor.address,
      roles: [],
      doctorStatus: 'pending',
    });

    await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();

    expect((await agent.get('/api/me').expect(200)).body).toEqual({
      address: doctor.address,
      roles: ['doctor'],
      doctorStatus: 'verified',
    });
  });

  test('When signing out, then the session is deleted on the server and the old cookie no longer works', async () => {
    const agent = request.agent(testApp.app);
    const response = await agent
      .post('/api/auth/verify')
      .send(await signedSignIn(agent, devWallet(8, chain.provider)))
      .expect(200);
    const cookie = sessionCookie(response)!.split(';')[0];

    const logout = await agent.post('/api/auth/logout').expect(204);
    expect(sessionCookie(logout)).toMatch(/Expires=Thu, 01 Jan 1970/);

    const replay = await request(testApp.app).get('/api/me').set('Cookie', cookie).expect(401);
    expect(replay.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('When /api/me is called without a session cookie, then it answers 401 JSON', async () => {
    const response = await request(testApp.app).get('/api/me').expect(401);
    expect(response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  test('When /api/me is called with a forged session cookie, then it answers 401', async () => {
    await request(testApp.app).get('/api/me').set('Cookie', 'ehr_session=forged-token').expect(401);
  });

  test('When two nonces are requested, then they differ and are alphanumeric as EIP-4361 requires', async () => {
    const agent = request.agent(testApp.app);
    const [a, b] = [await fetchNonce(agent), await fetchNonce(agent)];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-zA-Z0-9]{8,}$/);
  });
});

describe('Sign-in is bound to the configured origins, not to request headers', () => {
  test('When a login signed for another site is relayed with that site as Host, then it is refused with 401 and no session', async () => {
    const agent = request.agent(appWith(LOCAL_DEV));
    const relayed = await signedSignIn(agent, devWallet(8, chain.provider), {
      domain: 'evil.example',
      uri: 'http://evil.example/',
    });

    const response = await agent.post('/api/auth/verify').set('Host', 'evil.example').send(relayed).expect(401);

    expect(response.body.error.code).toBe('SIWE_DOMAIN_MISMATCH');
    expect(sessionCookie(response)).toBeUndefined();
  });

  test.each(['127.0.0.1:3000', 'localhost:3000'])(
    'When the dev stack allows its loopback origins, then a sign-in for %s works',
    async (host) => {
      const agent = request.agent(appWith(LOCAL_DEV));
      const signed = await signedSignIn(agent, devWallet(8, chain.provider), { domain: host, uri: `http://${host}/` });
      await agent.post('/api/auth/verify').send(signed).expect(200);
    },
  );

  test('When the configured origin is https, then the cookie is Secure even if the request reached the server over plain http', async () => {
    const app = appWith({ publicOrigin: 'https://ehr.example.org', allowedOrigins: ['https://ehr.example.org'] });
    const agent = request.agent(app);
    const site = { domain: 'ehr.example.org', uri: 'https://ehr.example.org/' };
    const response = await agent
      .post('/api/auth/verify')
      .send(await signedSignIn(agent, devWallet(8, chain.provider), site))
      .expect(200);
    expect(sessionCookie(response)).toMatch(/;\s*Secure/i);
  });

  test('When the configured origin is http, then a proxy header claiming https does not change the cookie', async () => {
    const agent = request.agent(testApp.app);
    const signed = await signedSignIn(agent, devWallet(8, chain.provider));
    const response = await agent.post('/api/auth/verify').set('X-Forwarded-Proto', 'https').send(signed).expect(200);
    expect(sessionCookie(response)).not.toMatch(/;\s*Secure/i);
  });
});

describe('State-changing API requests from other sites', () => {
  test('When a browser on another site posts to the API, then it is refused with 403 FOREIGN_ORIGIN and nothing changes', async () => {
    const agent = request.agent(testApp.app);
    await signIn(agent, devWallet(8, chain.provider));

    const response = await agent.post('/api/auth/logout').set('Origin', 'http://evil.example').expect(403);

    expect(response.body).toEqual({ error: { code: 'FOREIGN_ORIGIN', message: expect.any(String) } });
    await agent.get('/api/me').set('Origin', 'http://evil.example').expect(200);
  });

  test('When a browser marks a request cross-site without an Origin header, then it is refused too', async () => {
    const response = await request(testApp.app)
      .post('/api/auth/logout')
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
    expect(response.body.error.code).toBe('FOREIGN_ORIGIN');
  });

  test('When the request comes from the configured origin, then it goes through', async () => {
    const agent = request.agent(testApp.app);
    await signIn(agent, devWallet(8, chain.provider));
    await agent.post('/api/auth/logout').set('Origin', PUBLIC_ORIGIN).set('Sec-Fetch-Site', 'same-origin').expect(204);
  });
});
