import mongoose from 'mongoose';
import request from 'supertest';
import { openTestApp, testChain, devWallet, type TestApp, type TestChain } from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';

// Accounts used only by this file: 8 and 9 nobody (signing in needs no role). Default lifetimes: 15 min idle, 8 h.
let testApp: TestApp;
let chain: TestChain;

beforeAll(async () => {
  testApp = await openTestApp('auth-session-lifetime');
  chain = await testChain();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

/**
 * Moves the account's stored sessions `minutes` into the past, as if that much time had gone by
 * since they were created and last used (no waiting, no fake clock).
 */
async function letTimePass(address: string, minutes: number): Promise<void> {
  const shift = (field: string) => ({ $subtract: [`$${field}`, minutes * 60_000] });
  await mongoose.connection
    .collection('sessions')
    .updateMany({ address }, [
      { $set: { createdAt: shift('createdAt'), expiresAt: shift('expiresAt'), idleExpiresAt: shift('idleExpiresAt') } },
    ]);
}

describe('Session lifetime on shared computers', () => {
  test('When a signed-in session is left unused for 16 minutes, then it has ended though its 8-hour lifetime has not', async () => {
    const agent = request.agent(testApp.app);
    const wallet = devWallet(9, chain.provider);
    await signIn(agent, wallet);

    await letTimePass(wallet.address, 16);

    const response = await agent.get('/api/me').expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('When the session is used every 10 minutes, then it stays signed in past 15 minutes', async () => {
    const agent = request.agent(testApp.app);
    const wallet = devWallet(8, chain.provider);
    await signIn(agent, wallet);

    await letTimePass(wallet.address, 10);
    await agent.get('/api/me').expect(200);
    await letTimePass(wallet.address, 10);

    await agent.get('/api/me').expect(200);
  });

  test('When the session is used all along but its 8-hour lifetime has passed, then it has ended', async () => {
    const agent = request.agent(testApp.app);
    const wallet = devWallet(8, chain.provider);
    await signIn(agent, wallet);
    for (let elapsed = 10; elapsed < 8 * 60; elapsed += 10) {
      await letTimePass(wallet.address, 10);
      await agent.get('/api/me').expect(200);
    }

    await letTimePass(wallet.address, 10);

    await agent.get('/api/me').expect(401);
  });
});
