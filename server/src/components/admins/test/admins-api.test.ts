import request from 'supertest';
import type { Agent } from 'supertest';
import {
  openTestApp,
  testChain,
  devWallet,
  fundedWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';

// Accounts used only by this file: 247 becomes an admin for a moment (funded here); 0 is the shared admin.
// Who else may call GET /api/admins is in the patients component's authorization matrix.
let testApp: TestApp;
let chain: TestChain;
let admin: Agent;

beforeAll(async () => {
  testApp = await openTestApp('admins-api');
  chain = await testChain();
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

describe('Admins API', () => {
  test('When an admin adds and then removes a second admin on chain, then the list follows at once (read from the chain, no indexer)', async () => {
    const first = devWallet(0, chain.provider).address;
    const second = (await fundedWallet(247, chain.provider)).address;
    expect((await admin.get('/api/admins').expect(200)).body.admins).toContain(first);

    await (await chain.registryAs(0).addAdmin(second, GAS)).wait();
    const added = (await admin.get('/api/admins').expect(200)).body;
    expect(added.admins).toEqual(expect.arrayContaining([first, second]));
    expect(added.count).toBe(added.admins.length);

    const promoted = request.agent(testApp.app);
    await signIn(promoted, await fundedWallet(247, chain.provider));
    await promoted.get('/api/admins').expect(200);

    await (await chain.registryAs(0).removeAdmin(second, GAS)).wait();
    const removed = (await admin.get('/api/admins').expect(200)).body;
    expect(removed.admins).not.toContain(second);
    expect(removed.count).toBe(added.count - 1);
    expect((await promoted.get('/api/admins').expect(403)).body.error.code).toBe('ADMIN_ONLY');
  });
});
