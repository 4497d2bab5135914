import pino from 'pino';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { UNTIL_REVOKED } from '@test-support/constants';
import { licenceCommitment } from '@test-support/licences';
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
import { signIn } from '../../../test-support/siwe-client';

// Accounts used only by this file: 20 patient, 21 doctor, 22 stranger (funded here); 0 is the shared admin.
let testApp: TestApp;
let chain: TestChain;
let patient: HDNodeWallet;
let doctor: HDNodeWallet;
let stranger: HDNodeWallet;
const agents: Record<'patient' | 'doctor' | 'stranger' | 'admin', Agent> = {} as never;

beforeAll(async () => {
  testApp = await openTestApp('consent-api');
  chain = await testChain();
  [patient, doctor, stranger] = await Promise.all([20, 21, 22].map((index) => fundedWallet(index, chain.provider)));
  await (await chain.registryFor(patient).registerPatient(GAS)).wait();
  await (await chain.registryFor(doctor).registerDoctor(licenceCommitment('CONSENT-API-21'), 1, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
  const wallets = { patient, doctor, stranger, admin: devWallet(0, chain.provider) };
  for (const [name, wallet] of Object.entries(wallets)) {
    agents[name as keyof typeof agents] = request.agent(testApp.app);
    await signIn(agents[name as keyof typeof agents], wallet);
  }
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const consentPath = () => `/api/consent/${patient.address}/${doctor.address}`;
const chainTime = async () => (await chain.provider.getBlock('latest'))!.timestamp;

describe('Consent API', () => {
  test('When the patient grants the doctor access for a day, then both see it with its expiry, read from the chain', async () => {
    const expiresAt = (await chainTime()) + 86_400;
    await (await chain.consentFor(patient).grantAccess(doctor.address, expiresAt, GAS)).wait();

    for (const party of [agents.patient, agents.doctor]) {
      const view = (await party.get(consentPath()).expect(200)).body;
      expect(view).toEqual({
        patient: patient.address,
        doctor: doctor.address,
        hasAccess: true,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        untilRevoked: false,
        doctorStatus: 'verified',
        suspended: false,
      });
    }
  });

  test('When the patient revokes, then the very next read says no access (no cache between API and chain)', async () => {
    await (await chain.consentFor(patient).revokeAccess(doctor.address, GAS)).wait();
    const view = (await agents.patient.get(consentPath()).expect(200)).body;
    expect(view).toMatchObject({ hasAccess: false, expiresAt: null, untilRevoked: false });
  });

  test('When access is granted until revoked and the doctor is then revoked by an admin, then access ends with the verification', async () => {
    await (await chain.consentFor(patient).grantAccess(doctor.address, UNTIL_REVOKED, GAS)).wait();
    expect((await agents.admin.get(consentPath()).expect(200)).body).toMatchObject({
      hasAccess: true,
      expiresAt: null,
      untilRevoked: true,
    });

    await (await chain.registryAs(0).revokeDoctor(doctor.address, 2, GAS)).wait();
    expect((await agents.admin.get(consentPath()).expect(200)).body).toMatchObject({
      hasAccess: false,
      untilRevoked: true,
    });
  });

  test('When a revoked doctor still holds a grant, then the patient sees it as suspended, and it applies again on re-verification', async () => {
    // Continues from the previous test: an until-revoked grant to a doctor the admin has revoked.
    expect((await agents.patient.get(consentPath()).expect(200)).body).toMatchObject({
      hasAccess: false,
      untilRevoked: true,
      doctorStatus: 'revoked',
      suspended: true,
    });

    await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
    expect((await agents.patient.get(consentPath()).expect(200)).body).toMatchObject({
      hasAccess: true,
      untilRevoked: true,
      doctorStatus: 'verified',
      suspended: false,
    });

    await (await chain.consentFor(patient).revokeAccess(doctor.address, GAS)).wait();
    await (await chain.registryAs(0).revokeDoctor(doctor.address, 2, GAS)).wait();
    expect((await agents.patient.get(consentPath()).expect(200)).body).toMatchObject({
      hasAccess: false,
      untilRevoked: false,
      doctorStatus: 'revoked',
      suspended: false,
    });
  });

  test('When someone who is neither party nor admin asks, then it is 403 and reveals nothing', async () => {
    const response = await agents.stranger.get(consentPath()).expect(403);
    expect(response.body).toEqual({ error: { code: 'CONSENT_NOT_A_PARTY', message: expect.any(String) } });
  });

  test('When the request has no session or a malformed address, then it is 401 or 400 JSON', async () => {
    await request(testApp.app).get(consentPath()).expect(401);
    const response = await agents.patient.get(`/api/consent/not-an-address/${doctor.address}`).expect(400);
    expect(response.body.error.message).toMatch(/patient: must be an Ethereum address/);
  });
});

describe('Consent API request logs', () => {
  test('When consent is read, then the request log shows the route pattern and status but neither address', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const app = createApp({ ...testApp.runtime, logger });
    const [asPatient, asStranger] = [request.agent(app), request.agent(app)];
    await signIn(asPatient, patient);
    await signIn(asStranger, stranger);

    await asPatient.get(consentPath()).expect(200);
    await asStranger.get(consentPath()).expect(403);
    await request(app).get(consentPath()).expect(401);

    const requests = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.req?.url?.startsWith('/api/consent'));
    expect(requests.map((entry) => [entry.req.method, entry.req.url, entry.res.statusCode])).toEqual([
      ['GET', '/api/consent/:patient/:doctor', 200],
      ['GET', '/api/consent/:patient/:doctor', 403],
      ['GET', '/api/consent/:patient/:doctor', 401],
    ]);
    const everything = lines.join('\n').toLowerCase();
    expect(everything).not.toContain(patient.address.slice(2).toLowerCase());
    expect(everything).not.toContain(doctor.address.slice(2).toLowerCase());
  });
});
