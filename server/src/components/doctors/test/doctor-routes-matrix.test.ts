/**
 * The authorization matrix of DOCTOR_ROUTES: every route × (admin, verified doctor, pending doctor,
 * patient, another patient, unregistered, anonymous). Anonymous is 401 everywhere; a caller without the
 * right gets 403 or 404, never another person's data.
 */
import request from 'supertest';
import type { Agent } from 'supertest';
import { hexlify, randomBytes, type HDNodeWallet } from 'ethers';
import { licenceCommitment } from '@test-support/licences';
import { DOCTOR_ROUTES } from '@api/doctors';
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
import { doctorProfile } from '@test-support/doctor-profile';

// Accounts used only by this file (funded here): 810 verified doctor, 811 pending doctor, 812 and 813 patients,
// 814 unregistered, 815 the doctor the admin adds; 0 is the shared admin.
const CALLERS = [
  'admin',
  'verifiedDoctor',
  'pendingDoctor',
  'patient',
  'otherPatient',
  'unregistered',
  'anonymous',
] as const;
type Caller = (typeof CALLERS)[number];

let testApp: TestApp;
let chain: TestChain;
const wallets = {} as Record<Exclude<Caller, 'anonymous'>, HDNodeWallet>;
const agents = {} as Record<Caller, Agent>;
let addedDoctor: HDNodeWallet;
let pendingSalt: string;

beforeAll(async () => {
  testApp = await openTestApp('doctor-routes-matrix');
  chain = await testChain();
  wallets.admin = devWallet(0, chain.provider);
  [
    wallets.verifiedDoctor,
    wallets.pendingDoctor,
    wallets.patient,
    wallets.otherPatient,
    wallets.unregistered,
    addedDoctor,
  ] = await Promise.all([810, 811, 812, 813, 814, 815].map((index) => fundedWallet(index, chain.provider)));
  for (const caller of CALLERS) {
    agents[caller] = request.agent(testApp.app);
    if (caller !== 'anonymous') await signIn(agents[caller], wallets[caller]);
  }
  pendingSalt = hexlify(randomBytes(32));
  await agents.pendingDoctor
    .put('/api/doctors/me/licence')
    .send({ licenceNumber: 'GMC-811', salt: pendingSalt })
    .expect(204);
  await (
    await chain.registryFor(wallets.pendingDoctor).registerDoctor(licenceCommitment('GMC-811', pendingSalt), 3, GAS)
  ).wait();
  await (await chain.registryFor(wallets.verifiedDoctor).registerDoctor(licenceCommitment('GMC-810'), 2, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(wallets.verifiedDoctor.address, GAS)).wait();
  await (await chain.registryFor(wallets.patient).registerPatient(GAS)).wait();
  await (await chain.registryFor(wallets.otherPatient).registerPatient(GAS)).wait();
  await agents.verifiedDoctor.put('/api/doctors/me/profile').send(doctorProfile('Vera', 'Matrix')).expect(200);
  await agents.pendingDoctor.put('/api/doctors/me/profile').send(doctorProfile('Penny', 'Matrix')).expect(200);
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

interface Case {
  route: string;
  send: (agent: Agent) => request.Test;
  /** Expected status per caller, in CALLERS order. */
  expected: readonly [number, number, number, number, number, number, number];
}

const doctor = (who: 'verifiedDoctor' | 'pendingDoctor') => wallets[who].address;
const licence = () => ({ licenceNumber: 'GMC-815', salt: hexlify(randomBytes(32)) });

const CASES: Case[] = [
  { route: 'GET /api/doctors', send: (a) => a.get('/api/doctors'), expected: [200, 200, 200, 200, 200, 200, 401] },
  {
    route: 'GET /api/doctors?status=pending',
    send: (a) => a.get('/api/doctors').query({ status: 'pending' }),
    expected: [200, 403, 403, 403, 403, 403, 401],
  },
  {
    route: 'GET /api/doctors/:address (verified)',
    send: (a) => a.get(`/api/doctors/${doctor('verifiedDoctor')}`),
    expected: [200, 200, 200, 200, 200, 200, 401],
  },
  {
    route: 'GET /api/doctors/:address (pending)',
    send: (a) => a.get(`/api/doctors/${doctor('pendingDoctor')}`),
    expected: [200, 404, 200, 404, 404, 404, 401],
  },
  {
    route: 'PUT /api/doctors/me/profile',
    send: (a) => a.put('/api/doctors/me/profile').send(doctorProfile('Self', 'Edit')),
    expected: [404, 200, 200, 404, 404, 404, 401],
  },
  {
    // Registered doctors may only store the pair that opens their hash; patients can never be doctors.
    route: 'PUT /api/doctors/me/licence',
    send: (a) => a.put('/api/doctors/me/licence').send(licence()),
    expected: [204, 409, 409, 409, 409, 204, 401],
  },
  {
    route: 'GET /api/doctors/:address/licence',
    send: (a) => a.get(`/api/doctors/${doctor('pendingDoctor')}/licence`),
    expected: [200, 403, 403, 403, 403, 403, 401],
  },
  {
    route: 'PUT /api/doctors/:address/licence',
    send: (a) => a.put(`/api/doctors/${addedDoctor.address}/licence`).send(licence()),
    expected: [204, 403, 403, 403, 403, 403, 401],
  },
  {
    route: 'PUT /api/doctors/:address/profile',
    send: (a) => a.put(`/api/doctors/${addedDoctor.address}/profile`).send(doctorProfile('Added', 'Doctor')),
    expected: [200, 403, 403, 403, 403, 403, 401],
  },
];

describe('Doctors routes: who may call what', () => {
  test('Every route of DOCTOR_ROUTES is in the matrix', () => {
    const covered = new Set(CASES.map((c) => c.route.split(' (')[0]?.split('?')[0]));
    for (const spec of DOCTOR_ROUTES) expect(covered).toContain(`${spec.method.toUpperCase()} ${spec.path}`);
  });

  test.each(CASES.flatMap((c) => CALLERS.map((caller, i) => [c.route, caller, c.expected[i], c] as const)))(
    'When %s is called by %s, then the API answers %i',
    async (_route, caller, status, c) => {
      const response = await c.send(agents[caller]);
      expect(response.status).toBe(status);
      if (status >= 400) expect(response.body.error.code).toEqual(expect.any(String));
    },
  );

  test('When the admin writes a profile for an account the chain has as a patient, then it is refused with 409 and nothing is stored', async () => {
    const path = `/api/doctors/${wallets.patient.address}/profile`;
    const response = await agents.admin.put(path).send(doctorProfile('Not', 'Doctor')).expect(409);
    expect(response.body.error.code).toBe('ACCOUNT_IS_PATIENT');
    await agents.admin.put(`/api/doctors/${wallets.patient.address}/licence`).send(licence()).expect(409);
  });
});
