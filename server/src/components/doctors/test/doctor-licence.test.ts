import request from 'supertest';
import type { Agent } from 'supertest';
import { hexlify, id, keccak256, randomBytes, toUtf8Bytes, type HDNodeWallet } from 'ethers';
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
import { licenceCommitment } from '..';

// Accounts used only by this file (the chain is shared by all server test files): 0 admin, 31–34 doctors and strangers.
let testApp: TestApp;
let chain: TestChain;
let admin: Agent;

beforeAll(async () => {
  testApp = await openTestApp('doctor-licence');
  chain = await testChain();
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

async function signedInAs(index: number): Promise<{ wallet: HDNodeWallet; agent: Agent }> {
  const wallet = await fundedWallet(index, chain.provider);
  const agent = request.agent(testApp.app);
  await signIn(agent, wallet);
  return { wallet, agent };
}

/** What the doctor's browser does: store the licence and a fresh salt, then commit the salted hash on chain. */
async function registerWithLicence(index: number, licenceNumber: string) {
  const doctor = await signedInAs(index);
  const salt = hexlify(randomBytes(32));
  await doctor.agent.put('/api/doctors/me/licence').send({ licenceNumber, salt }).expect(204);
  await (await chain.registryFor(doctor.wallet).registerDoctor(licenceCommitment(licenceNumber, salt), 2, GAS)).wait();
  return { ...doctor, salt };
}

describe('Doctor licences (salted on chain, readable by admins)', () => {
  test('When a doctor registers with a 6-digit licence, then the chain holds no plain hash of it and the admin still checks it against the chain', async () => {
    // Arrange + Act
    const { wallet, salt } = await registerWithLicence(31, '482913');

    // Assert: the on-chain hash is not keccak256 of the number, which 10^6 guesses would reverse.
    const onChain = (await chain.registryFor(wallet).getDoctor(wallet.address)).licenceHash;
    expect(onChain).not.toBe(keccak256(toUtf8Bytes('482913')));
    expect(onChain).not.toBe(id('482913'));
    const check = await admin.get(`/api/doctors/${wallet.address}/licence`).expect(200);
    expect(check.body).toEqual({
      address: wallet.address,
      licenceNumber: '482913',
      salt,
      licenceHash: onChain,
      matchesChain: true,
    });
    expect(check.headers['cache-control']).toBe('no-store');
  });

  test('When a registered doctor tries to store another licence or salt, then the API answers 409 and the admin still sees the committed one', async () => {
    // Arrange
    const { wallet, agent, salt } = await registerWithLicence(32, 'GMC-3200001');

    // Act
    const otherNumber = await agent
      .put('/api/doctors/me/licence')
      .send({ licenceNumber: 'GMC-9999999', salt })
      .expect(409);
    const otherSalt = await agent
      .put('/api/doctors/me/licence')
      .send({ licenceNumber: 'GMC-3200001', salt: hexlify(randomBytes(32)) })
      .expect(409);
    await agent.put('/api/doctors/me/licence').send({ licenceNumber: 'GMC-3200001', salt }).expect(204); // the same pair again is fine

    // Assert
    expect(otherNumber.body.error.code).toBe('LICENCE_MISMATCH');
    expect(otherSalt.body.error.code).toBe('LICENCE_MISMATCH');
    expect((await admin.get(`/api/doctors/${wallet.address}/licence`).expect(200)).body).toMatchObject({
      licenceNumber: 'GMC-3200001',
      matchesChain: true,
    });
  });

  test('When a doctor registered a hash the stored licence does not open, then the admin check says it does not match the chain', async () => {
    const doctor = await signedInAs(33);
    await doctor.agent
      .put('/api/doctors/me/licence')
      .send({ licenceNumber: 'GMC-3300001', salt: hexlify(randomBytes(32)) })
      .expect(204);
    await (
      await chain
        .registryFor(doctor.wallet)
        .registerDoctor(licenceCommitment('GMC-0000000', hexlify(randomBytes(32))), 2, GAS)
    ).wait();

    const check = await admin.get(`/api/doctors/${doctor.wallet.address}/licence`).expect(200);

    expect(check.body).toMatchObject({ licenceNumber: 'GMC-3300001', matchesChain: false });
  });

  test('When someone who is not an admin asks for a licence, even the doctor themselves, then the API answers 403; without a session 401', async () => {
    const { wallet, agent } = await registerWithLicence(34, 'GMC-3400001');

    expect((await agent.get(`/api/doctors/${wallet.address}/licence`).expect(403)).body.error.code).toBe('ADMIN_ONLY');
    await request(testApp.app).get(`/api/doctors/${wallet.address}/licence`).expect(401);
    await request(testApp.app)
      .put('/api/doctors/me/licence')
      .send({ licenceNumber: 'x', salt: hexlify(randomBytes(32)) })
      .expect(401);
  });

  test('When the admin checks an account with no stored licence, then the API answers 404', async () => {
    const response = await admin.get(`/api/doctors/${devWallet(7, chain.provider).address}/licence`).expect(404);
    expect(response.body.error.code).toBe('LICENCE_NOT_FOUND');
  });

  test.each([
    ['a salt shorter than 32 bytes', { licenceNumber: 'GMC-1', salt: '0x1234' }],
    ['a salt that is not hex', { licenceNumber: 'GMC-1', salt: `0x${'z'.repeat(64)}` }],
    ['an empty licence number', { licenceNumber: '  ', salt: hexlify(randomBytes(32)) }],
    ['a licence number over 64 characters', { licenceNumber: 'x'.repeat(65), salt: hexlify(randomBytes(32)) }],
    ['no salt', { licenceNumber: 'GMC-1' }],
    ['an unknown field', { licenceNumber: 'GMC-1', salt: hexlify(randomBytes(32)), verified: true }],
  ])('When a licence is stored with %s, then the API answers 400', async (_case, body) => {
    const response = await admin.put('/api/doctors/me/licence').send(body).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
