import mongoose from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { Consent__factory } from '@contracts/types';
import { createApp } from '../../../app';
import {
  openTestApp,
  testChain,
  fundedWallet,
  devWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { licenceCommitment } from '@test-support/licences';
import { signIn } from '../../../test-support/siwe-client';
import { consentEvents } from '../entry-points/chain-events/consent-events';

// Accounts used only by this file (funded here): 60 patient, 61 doctor the admin revokes, 62 doctor the
// patient revokes, 63 another patient; 0 is the shared admin.
let testApp: TestApp;
let chain: TestChain;
let patient: HDNodeWallet;
let revokedDoctor: HDNodeWallet;
let formerDoctor: HDNodeWallet;
let otherPatient: HDNodeWallet;
const agents: Record<'patient' | 'revokedDoctor' | 'otherPatient' | 'admin', Agent> = {} as never;

const UNTIL_REVOKED = 2n ** 64n - 1n;

beforeAll(async () => {
  testApp = await openTestApp('patient-consents');
  chain = await testChain();
  [patient, revokedDoctor, formerDoctor, otherPatient] = await Promise.all(
    [60, 61, 62, 63].map((index) => fundedWallet(index, chain.provider)),
  );
  for (const wallet of [patient, otherPatient]) await (await chain.registryFor(wallet).registerPatient(GAS)).wait();
  for (const [wallet, speciality] of [
    [revokedDoctor, 7],
    [formerDoctor, 3],
  ] as const) {
    await (
      await chain
        .registryFor(wallet)
        .registerDoctor(licenceCommitment(`CONSENT-LIST-${wallet.address}`), speciality, GAS)
    ).wait();
    await (await chain.registryAs(0).verifyDoctor(wallet.address, GAS)).wait();
  }
  const wallets = { patient, revokedDoctor, otherPatient, admin: devWallet(0, chain.provider) };
  for (const [name, wallet] of Object.entries(wallets)) {
    agents[name as keyof typeof agents] = request.agent(testApp.app);
    await signIn(agents[name as keyof typeof agents], wallet);
  }
  await agents.revokedDoctor
    .put('/api/doctors/me/profile')
    .send({
      firstName: 'Struck',
      lastName: 'Off',
      dateOfJoining: '2020-01-06',
      email: 'struck.off@example.org',
      mobile: '+447700900062',
      city: 'Leeds',
      state: 'West Yorkshire',
      specialityLabel: 'Neurology',
    })
    .expect(200);

  // Arrange the story: the patient grants both doctors; an admin revokes one doctor; the patient revokes the other.
  await (await chain.consentFor(patient).grantAccess(revokedDoctor.address, UNTIL_REVOKED, GAS)).wait();
  await (await chain.consentFor(patient).grantAccess(formerDoctor.address, UNTIL_REVOKED, GAS)).wait();
  await (await chain.registryAs(0).revokeDoctor(revokedDoctor.address, 2, GAS)).wait();
  await (await chain.consentFor(patient).revokeAccess(formerDoctor.address, GAS)).wait();
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const listPath = (who: HDNodeWallet = patient) => `/api/consent/${who.address}`;
const pairs = () =>
  mongoose.connection
    .collection('consent_pairs')
    .find({ patient: patient.address }, { projection: { _id: 0 } })
    .sort({ doctor: 1 })
    .toArray();

describe("GET /api/consent/:patient (a patient's doctors)", () => {
  test("When a patient granted a doctor who was then revoked, then the patient sees that grant as suspended, with the doctor's name, without any 403", async () => {
    // Act
    const response = await agents.patient.get(listPath()).expect(200);

    // Assert: both relationships, in the order they began; access read from the chain.
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      total: 2,
      items: [
        {
          doctor: revokedDoctor.address,
          displayName: 'Dr. Struck Off',
          speciality: 7,
          specialityLabel: 'Neurology',
          consent: {
            patient: patient.address,
            doctor: revokedDoctor.address,
            hasAccess: false,
            expiresAt: null,
            untilRevoked: true,
            doctorStatus: 'revoked',
            suspended: true,
          },
        },
        {
          doctor: formerDoctor.address,
          speciality: 3,
          consent: expect.objectContaining({
            hasAccess: false,
            untilRevoked: false,
            doctorStatus: 'verified',
            suspended: false,
          }),
        },
      ],
    });
    // What the screen used to ask for instead is the admins' review queue.
    await agents.patient.get('/api/doctors').query({ status: 'revoked' }).expect(403);
  });

  test('When the doctor is verified again, then the same entry shows the grant applying again (access is read live, not from the read model)', async () => {
    await (await chain.registryAs(0).verifyDoctor(revokedDoctor.address, GAS)).wait();
    try {
      const { items } = (await agents.patient.get(listPath()).expect(200)).body;
      expect(items[0].consent).toMatchObject({
        hasAccess: true,
        untilRevoked: true,
        doctorStatus: 'verified',
        suspended: false,
      });
    } finally {
      await (await chain.registryAs(0).revokeDoctor(revokedDoctor.address, 2, GAS)).wait();
    }
  });

  test('When an admin asks, then they see the same list', async () => {
    const response = await agents.admin.get(listPath()).expect(200);
    expect(response.body.items.map((item: { doctor: string }) => item.doctor)).toEqual([
      revokedDoctor.address,
      formerDoctor.address,
    ]);
  });

  test.each([
    ['another patient', 'otherPatient'],
    ['a doctor the patient granted', 'revokedDoctor'],
  ] as const)("When %s asks for the patient's doctors, then it is 403 and names nobody", async (_who, agent) => {
    const response = await agents[agent].get(listPath()).expect(403);
    expect(response.body).toEqual({ error: { code: 'CONSENT_NOT_THE_PATIENT', message: expect.any(String) } });
  });

  test('When a patient without any consent asks for their own list, then it is empty', async () => {
    expect((await agents.otherPatient.get(listPath(otherPatient)).expect(200)).body).toEqual({ items: [], total: 0 });
  });

  test('When pages are asked for, then offset and limit apply, and a limit over 100 or a malformed address is 400', async () => {
    const second = (await agents.patient.get(listPath()).query({ offset: 1, limit: 1 }).expect(200)).body;
    expect(second).toEqual({ total: 2, items: [expect.objectContaining({ doctor: formerDoctor.address })] });
    await agents.patient.get(listPath()).query({ limit: 101 }).expect(400);
    await agents.patient.get(listPath()).query({ status: 'revoked' }).expect(400);
    expect((await agents.patient.get('/api/consent/not-an-address').expect(400)).body.error.message).toMatch(
      /patient: must be an Ethereum address/,
    );
    await request(testApp.app).get(listPath()).expect(401);
  });
});

describe('Consent read model', () => {
  test('When the indexer replays the same Consent events (a sync that restarts before its cursor), then each pair is still one unchanged document', async () => {
    const before = await pairs();
    expect(
      Object.fromEntries(
        before.map((pair) => [pair.doctor, { untilRevoked: pair.grantUntilRevoked, revoked: pair.revoked }]),
      ),
    ).toEqual({
      [revokedDoctor.address]: { untilRevoked: true, revoked: false },
      [formerDoctor.address]: { untilRevoked: false, revoked: true },
    });
    const deployments = testApp.runtime.chain.deployments;
    const firstBlock = Math.min(deployments.Registry.blockNumber, deployments.Consent.blockNumber);
    // A cursor before the first deployment block replays every log without emptying the read models.
    await mongoose.connection
      .collection('indexer_cursors')
      .updateMany({}, { $set: { lastBlock: firstBlock - 1, lastBlockHash: null } });

    const replay = await testApp.runtime.indexer.syncNow();

    expect(replay).toMatchObject({ rebuilt: false, fromBlock: firstBlock });
    expect(replay.logsApplied).toBeGreaterThan(0);
    expect(await pairs()).toEqual(before);
  });

  test('When an older grant is applied again after the revocation that followed it, then the pair stays revoked', async () => {
    const consent = testApp.runtime.chain.contract('Consent', Consent__factory);
    const [granted] = await consent.queryFilter(consent.filters.AccessGranted(patient.address, formerDoctor.address));
    const source = consentEvents(testApp.runtime.chain.deployments.Consent);

    await source.handlers.AccessGranted(source.contractInterface.parseLog(granted)!.args, {
      blockNumber: granted.blockNumber,
      logIndex: granted.index,
      transactionHash: granted.transactionHash,
      timestamp: new Date(),
    });

    expect(await pairs()).toContainEqual(
      expect.objectContaining({ doctor: formerDoctor.address, revoked: true, grantUntilRevoked: false }),
    );
  });

  test('When the read model is rebuilt (cursor of other deployments), then reset empties it and the same pairs come back', async () => {
    const before = await pairs();
    await mongoose.connection
      .collection('indexer_cursors')
      .updateMany({}, { $set: { fingerprint: 'other deployments' } });

    const rebuild = await testApp.runtime.indexer.syncNow();

    expect(rebuild.rebuilt).toBe(true);
    expect(await pairs()).toEqual(before);
  });
});

describe("A patient's doctors in the request log", () => {
  test('When the list is read, then the log shows the route pattern and status but no address', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const app = createApp({ ...testApp.runtime, logger });
    const [asPatient, asOther] = [request.agent(app), request.agent(app)];
    await signIn(asPatient, patient);
    await signIn(asOther, otherPatient);

    await asPatient.get(listPath()).query({ limit: 5 }).expect(200);
    await asOther.get(listPath()).expect(403);
    await request(app).get(listPath()).expect(401);

    const requests = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.req?.url?.startsWith('/api/consent'));
    expect(requests.map((entry) => [entry.req.method, entry.req.url, entry.res.statusCode])).toEqual([
      ['GET', '/api/consent/:patient', 200],
      ['GET', '/api/consent/:patient', 403],
      ['GET', '/api/consent/:patient', 401],
    ]);
    const everything = lines.join('\n').toLowerCase();
    for (const account of [patient, otherPatient, revokedDoctor, formerDoctor])
      expect(everything).not.toContain(account.address.slice(2).toLowerCase());
  });
});
