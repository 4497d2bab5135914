import request from 'supertest';
import { createApp } from '../../../app';
import { openTestApp, testChain, devWallet, licenceHash, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';
import { fetchNonce, signIn, signedSignIn } from '../../../test-support/siwe-client';

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

const sessionCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ehr_session='));

describe('Sign-in with Ethereum', () => {
  test('When the admin signs a fresh nonce, then a strict httpOnly session cookie is set and /api/me reads the admin role from the chain', async () => {
    const agent = request.agent(testApp.app);
    const wallet = devWallet(0, chain.provider);
    const response = await agent.post('/api/auth/verify').send(await signedSignIn(agent, wallet)).expect(200);

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
    await (await chain.registryAs(1).registerDoctor(licenceHash('AUTH-DOC-1'), 7, GAS)).wait();
    await signIn(agent, doctor);
    expect((await agent.get('/api/me').expect(200)).body).toEqual({ address: doctor.address, roles: [], doctorStatus: 'pending' });

    await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();

    expect((await agent.get('/api/me').expect(200)).body).toEqual({ address: doctor.address, roles: ['doctor'], doctorStatus: 'verified' });
  });

  test('When signing out, then the session is deleted on the server and the old cookie no longer works', async () => {
    const agent = request.agent(testApp.app);
    const response = await agent.post('/api/auth/verify').send(await signedSignIn(agent, devWallet(8, chain.provider))).expect(200);
    const cookie = sessionCookie(response)!.split(';')[0]!;

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

  test('When no public origin is configured, then the message must name the host the request came to', async () => {
    const app = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, publicOrigin: undefined } });
    const agent = request.agent(app);
    const wallet = devWallet(8, chain.provider);
    const site = { domain: 'localhost:3000', uri: 'http://localhost:3000/' };

    await agent.post('/api/auth/verify').set('Host', 'localhost:3000').send(await signedSignIn(agent, wallet, site)).expect(200);
    const elsewhere = await agent.post('/api/auth/verify').set('Host', 'other.test').send(await signedSignIn(agent, wallet, site)).expect(401);
    expect(elsewhere.body.error.code).toBe('SIWE_DOMAIN_MISMATCH');
  });

  test('When two nonces are requested, then they differ and are alphanumeric as EIP-4361 requires', async () => {
    const agent = request.agent(testApp.app);
    const [a, b] = [await fetchNonce(agent), await fetchNonce(agent)];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-zA-Z0-9]{8,}$/);
  });
});
