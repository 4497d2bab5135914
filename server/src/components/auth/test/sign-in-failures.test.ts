import request from 'supertest';
import { createApp } from '../../../app';
import { openTestApp, testChain, devWallet, type TestApp, type TestChain } from '../../../test-support/test-app';
import { signedSignIn, type SignInFields } from '../../../test-support/siwe-client';

let testApp: TestApp;
let chain: TestChain;

beforeAll(async () => {
  testApp = await openTestApp('auth-sign-in-failures');
  chain = await testChain();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function rejectedSignIn(fields: SignInFields): Promise<request.Response> {
  const agent = request.agent(testApp.app);
  const response = await agent
    .post('/api/auth/verify')
    .send(await signedSignIn(agent, devWallet(9, chain.provider), fields))
    .expect(401);
  expect(response.headers['set-cookie']).toBeUndefined();
  return response;
}

describe('Sign-in with Ethereum: refusals', () => {
  test.each<[string, SignInFields, string]>([
    ['the message expired', { expirationTime: minutes(-1) }, 'SIWE_EXPIRED'],
    ['the message is valid only from a later time', { notBefore: minutes(10) }, 'SIWE_NOT_YET_VALID'],
    ['the message claims to be issued in the future', { issuedAt: minutes(10) }, 'SIWE_NOT_YET_VALID'],
    ['the message names another site', { domain: 'evil.test' }, 'SIWE_DOMAIN_MISMATCH'],
    ['the message URI is on another site', { uri: 'https://evil.test/login' }, 'SIWE_DOMAIN_MISMATCH'],
    ['the message is for another chain', { chainId: 1 }, 'SIWE_CHAIN_MISMATCH'],
    ['the nonce was never issued by the server', { nonce: 'neverIssued123' }, 'SIWE_NONCE_INVALID'],
  ])('When %s, then sign-in is refused with 401 %s and no cookie', async (_case, fields, code) => {
    const response = await rejectedSignIn(fields);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  test('When the signature comes from another account, then sign-in is refused with SIWE_INVALID_SIGNATURE', async () => {
    const agent = request.agent(testApp.app);
    const { message } = await signedSignIn(agent, devWallet(9, chain.provider));
    const signature = await devWallet(8, chain.provider).signMessage(message);
    const response = await agent.post('/api/auth/verify').send({ message, signature }).expect(401);
    expect(response.body.error.code).toBe('SIWE_INVALID_SIGNATURE');
  });

  test('When the signature is not even a signature, then sign-in is refused with SIWE_INVALID_SIGNATURE', async () => {
    const agent = request.agent(testApp.app);
    const { message } = await signedSignIn(agent, devWallet(9, chain.provider));
    const response = await agent.post('/api/auth/verify').send({ message, signature: '0x1234' }).expect(401);
    expect(response.body.error.code).toBe('SIWE_INVALID_SIGNATURE');
  });

  test('When a signed message is replayed after a successful sign-in, then the used nonce is refused', async () => {
    const agent = request.agent(testApp.app);
    const signed = await signedSignIn(agent, devWallet(9, chain.provider));
    await agent.post('/api/auth/verify').send(signed).expect(200);

    const replay = await request(testApp.app).post('/api/auth/verify').send(signed).expect(401);
    expect(replay.body.error.code).toBe('SIWE_NONCE_INVALID');
  });

  test('When the message is not EIP-4361 text, then sign-in is refused with SIWE_MALFORMED', async () => {
    const response = await request(testApp.app)
      .post('/api/auth/verify')
      .send({ message: 'let me in', signature: '0x' + '11'.repeat(65) })
      .expect(401);
    expect(response.body.error.code).toBe('SIWE_MALFORMED');
  });

  test.each([
    ['no signature', { message: 'x' }],
    ['no message', { signature: '0x00' }],
    ['a signature that is not hex', { message: 'x', signature: 'zz' }],
    ['an empty body', undefined],
  ])('When the body has %s, then the API answers 400 VALIDATION_FAILED', async (_case, body) => {
    const response = await request(testApp.app).post('/api/auth/verify').send(body).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  test('When one address asks for nonces faster than the limit, then it gets 429 JSON', async () => {
    const app = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, authRateLimitPerMinute: 2 } });
    await request(app).get('/api/auth/nonce').expect(200);
    await request(app).get('/api/auth/nonce').expect(200);
    const response = await request(app).get('/api/auth/nonce').expect(429);
    expect(response.body.error.code).toBe('RATE_LIMITED');
  });
});
