import mongoose from 'mongoose';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { UNTIL_REVOKED } from '@test-support/constants';
import { licenceCommitment } from '@test-support/licences';
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
import { patientAccessLog } from '..';

// Accounts used only by this file (funded here): 240 verified doctor the patient grants access, 241 verified doctor
// without access, 242 pending doctor, 243 patient, 244 another patient, 245 unregistered; 0 is the shared admin.
type Caller =
  | 'admin'
  | 'doctorWithAccess'
  | 'doctorWithoutAccess'
  | 'pendingDoctor'
  | 'patient'
  | 'anotherPatient'
  | 'unregistered'
  | 'anonymous';

let testApp: TestApp;
let chain: TestChain;
const wallets = {} as Record<Exclude<Caller, 'anonymous'>, HDNodeWallet>;
const agents = {} as Record<Caller, Agent>;

export const PROFILE = {
  firstName: 'Ada',
  lastName: 'Byron',
  dateOfBirth: '1990-12-10',
  sex: 'female',
  email: 'ada@example.org',
  mobile: '+447700900123',
  city: 'London',
  state: 'Greater London',
  emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
  allergies: ['Penicillin'],
  chronicConditions: ['Asthma'],
};

beforeAll(async () => {
  testApp = await openTestApp('patients-api');
  chain = await testChain();
  const [doctorWithAccess, doctorWithoutAccess, pendingDoctor, patient, anotherPatient, unregistered] =
    await Promise.all([240, 241, 242, 243, 244, 245].map((index) => fundedWallet(index, chain.provider)));
  Object.assign(wallets, {
    admin: devWallet(0, chain.provider),
    doctorWithAccess,
    doctorWithoutAccess,
    pendingDoctor,
    patient,
    anotherPatient,
    unregistered,
  });
  for (const [index, doctor] of [doctorWithAccess, doctorWithoutAccess, pendingDoctor].entries()) {
    await (await chain.registryFor(doctor).registerDoctor(licenceCommitment(`PATIENTS-API-${index}`), 1, GAS)).wait();
  }
  await (await chain.registryAs(0).verifyDoctor(doctorWithAccess.address, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(doctorWithoutAccess.address, GAS)).wait();
  await (await chain.registryFor(patient).registerPatient(GAS)).wait();
  await (await chain.registryFor(anotherPatient).registerPatient(GAS)).wait();
  await (await chain.consentFor(patient).grantAccess(doctorWithAccess.address, UNTIL_REVOKED, GAS)).wait();
  for (const [caller, wallet] of Object.entries(wallets)) {
    agents[caller as Caller] = request.agent(testApp.app);
    await signIn(agents[caller as Caller], wallet);
  }
  agents.anonymous = request.agent(testApp.app);
  await agents.patient.put('/api/patients/me').send(PROFILE).expect(200);
  await agents.anotherPatient
    .put('/api/patients/me')
    .send({ ...PROFILE, firstName: 'Charles', lastName: 'Babbage' })
    .expect(200);
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const accessLog = async () =>
  (await patientAccessLog({ patient: wallets.patient.address, offset: 0, limit: 100 })).items;

type Route = { name: string; send: (agent: Agent) => request.Test };
const ROUTES: Record<string, Route> = {
  list: { name: 'GET /api/patients', send: (agent) => agent.get('/api/patients') },
  getMe: { name: 'GET /api/patients/me', send: (agent) => agent.get('/api/patients/me') },
  putMe: { name: 'PUT /api/patients/me', send: (agent) => agent.put('/api/patients/me').send(PROFILE) },
  getPatient: {
    name: 'GET /api/patients/:address (the patient)',
    send: (agent) => agent.get(`/api/patients/${wallets.patient.address}`),
  },
  admins: { name: 'GET /api/admins', send: (agent) => agent.get('/api/admins') },
};

// The authorization matrix: route × caller → status (and error code where one is refused).
const MATRIX: [keyof typeof ROUTES, Record<Caller, number>][] = [
  [
    'list',
    {
      admin: 200,
      doctorWithAccess: 403,
      doctorWithoutAccess: 403,
      pendingDoctor: 403,
      patient: 403,
      anotherPatient: 403,
      unregistered: 403,
      anonymous: 401,
    },
  ],
  [
    'getMe',
    {
      admin: 404,
      doctorWithAccess: 404,
      doctorWithoutAccess: 404,
      pendingDoctor: 404,
      patient: 200,
      anotherPatient: 200,
      unregistered: 404,
      anonymous: 401,
    },
  ],
  [
    'putMe',
    {
      admin: 404,
      doctorWithAccess: 404,
      doctorWithoutAccess: 404,
      pendingDoctor: 404,
      patient: 200,
      anotherPatient: 200,
      unregistered: 404,
      anonymous: 401,
    },
  ],
  [
    'getPatient',
    {
      admin: 200,
      doctorWithAccess: 200,
      doctorWithoutAccess: 404,
      pendingDoctor: 404,
      patient: 200,
      anotherPatient: 404,
      unregistered: 404,
      anonymous: 401,
    },
  ],
  [
    'admins',
    {
      admin: 200,
      doctorWithAccess: 403,
      doctorWithoutAccess: 403,
      pendingDoctor: 403,
      patient: 403,
      anotherPatient: 403,
      unregistered: 403,
      anonymous: 401,
    },
  ],
];

const CODES: Record<number, string | undefined> = {
  401: 'UNAUTHENTICATED',
  404: 'PATIENT_NOT_FOUND',
  403: 'ADMIN_ONLY',
};

describe('Patients and admins API: who may call what', () => {
  test.each(
    MATRIX.flatMap(([route, expected]) =>
      Object.entries(expected).map(([caller, status]) => [ROUTES[route].name, caller, status, route] as const),
    ),
  )('When %s is called by %s, then the API answers %i', async (_name, caller, status, route) => {
    const response = await ROUTES[route].send(agents[caller as Caller]);
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.body.error.code).toBe(CODES[status]);
  });

  test('When an unentitled caller asks for a patient and for an address that is nobody, then both answers are the same 404', async () => {
    const patient = await agents.anotherPatient.get(`/api/patients/${wallets.patient.address}`).expect(404);
    const nobody = await agents.anotherPatient.get(`/api/patients/${wallets.unregistered.address}`).expect(404);
    expect(patient.body.error.code).toBe(nobody.body.error.code);
    expect(patient.body.error.message.replace(wallets.patient.address, 'X')).toBe(
      nobody.body.error.message.replace(wallets.unregistered.address, 'X'),
    );
  });
});

describe('Patient profile: health data and the access log', () => {
  test('When the patient reads their own profile, then it carries the health data and nothing is logged', async () => {
    const before = (await accessLog()).length;
    const view = (await agents.patient.get('/api/patients/me').expect(200)).body;
    expect(view).toEqual({
      address: wallets.patient.address,
      profile: {
        firstName: 'Ada',
        lastName: 'Byron',
        dateOfBirth: '1990-12-10',
        sex: 'female',
        email: 'ada@example.org',
        mobile: '+447700900123',
        city: 'London',
        state: 'Greater London',
        emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      health: { allergies: ['Penicillin'], chronicConditions: ['Asthma'], currentMedications: [] },
    });
    expect(await accessLog()).toHaveLength(before);
  });

  test('When an admin reads the patient, then they get the health data and the read is logged with reason admin', async () => {
    const view = (await agents.admin.get(`/api/patients/${wallets.patient.address.toLowerCase()}`).expect(200)).body;
    expect(view.health).toEqual({ allergies: ['Penicillin'], chronicConditions: ['Asthma'], currentMedications: [] });
    expect((await accessLog())[0]).toEqual({
      reader: wallets.admin.address,
      patient: wallets.patient.address,
      fields: expect.arrayContaining(['allergies', 'chronicConditions', 'firstName', 'emergencyContact']),
      at: expect.any(Date),
      reason: 'admin',
    });
    // The patient sees the admin's read on their Activity timeline.
    const timeline = (await agents.patient.get('/api/activity').query({ kind: 'patient.profile-read' }).expect(200))
      .body;
    expect(timeline.items[0]).toMatchObject({
      kind: 'patient.profile-read',
      words: expect.stringMatching(/opened your profile, health data included\./),
    });
  });

  test('When a doctor with current access reads the patient, then they get the health data and the read is logged; after the patient revokes, 404 and nothing logged', async () => {
    const view = (await agents.doctorWithAccess.get(`/api/patients/${wallets.patient.address}`).expect(200)).body;
    expect(view.health.allergies).toEqual(['Penicillin']);
    expect((await accessLog())[0]).toMatchObject({
      reader: wallets.doctorWithAccess.address,
      reason: 'doctor-with-access',
    });

    await (await chain.consentFor(wallets.patient).revokeAccess(wallets.doctorWithAccess.address, GAS)).wait();
    const before = (await accessLog()).length;
    const refused = await agents.doctorWithAccess.get(`/api/patients/${wallets.patient.address}`).expect(404);
    expect(refused.body.error.code).toBe('PATIENT_NOT_FOUND');
    expect(await accessLog()).toHaveLength(before);
    await (
      await chain.consentFor(wallets.patient).grantAccess(wallets.doctorWithAccess.address, UNTIL_REVOKED, GAS)
    ).wait();
  });

  test('When a doctor without access asks for the patient, then 404 and no log entry names them', async () => {
    await agents.doctorWithoutAccess.get(`/api/patients/${wallets.patient.address}`).expect(404);
    expect((await accessLog()).map((entry) => entry.reader)).not.toContain(wallets.doctorWithoutAccess.address);
  });

  test('When an admin lists patients, then each registered patient shows with their name and no contact or health data', async () => {
    const page = (await agents.admin.get('/api/patients').query({ limit: 100 }).expect(200)).body;
    expect(page.items).toContainEqual({
      address: wallets.patient.address,
      registeredAt: expect.stringMatching(/^\d{4}-/),
      firstName: 'Ada',
      lastName: 'Byron',
    });
    expect(page.items).toContainEqual(
      expect.objectContaining({ address: wallets.anotherPatient.address, firstName: expect.any(String) }),
    );
    expect(JSON.stringify(page)).not.toMatch(/Penicillin|ada@example|\+4477/);
    const second = (await agents.admin.get('/api/patients').query({ offset: 1, limit: 1 }).expect(200)).body;
    expect(second).toEqual({ items: [page.items[1]], total: page.total });
  });

  test('When a registered patient has saved no profile yet, then they read an empty profile rather than a 404', async () => {
    const fresh = await fundedWallet(246, chain.provider);
    await (await chain.registryFor(fresh).registerPatient(GAS)).wait();
    const agent = request.agent(testApp.app);
    await signIn(agent, fresh);
    expect((await agent.get('/api/patients/me').expect(200)).body).toEqual({
      address: fresh.address,
      profile: null,
      health: null,
    });
  });
});

describe('Patient profile: writes', () => {
  test('When the patient saves, then the profile is replaced as a whole with a journaled write', async () => {
    const writes: { method: string; options: unknown }[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (collection === 'patient_profiles') writes.push({ method, options: args.at(-1) });
    });
    try {
      const saved = (
        await agents.anotherPatient
          .put('/api/patients/me')
          .send({
            ...PROFILE,
            firstName: '  Charles ',
            allergies: undefined,
            chronicConditions: ['Gout'],
            currentMedications: ['Allopurinol 100 mg'],
          })
          .expect(200)
      ).body;
      expect(saved.profile.firstName).toBe('Charles');
      expect(saved.health).toEqual({
        allergies: [],
        chronicConditions: ['Gout'],
        currentMedications: ['Allopurinol 100 mg'],
      });
    } finally {
      mongoose.set('debug', false);
    }
    expect(writes).toEqual([
      {
        method: 'replaceOne',
        options: expect.objectContaining({ writeConcern: expect.objectContaining({ j: true }) }),
      },
    ]);
    expect((await agents.anotherPatient.get('/api/patients/me').expect(200)).body.health.allergies).toEqual([]);
  });

  test('When an admin reads a patient, then the access log entry is written with a journaled write', async () => {
    const writes: unknown[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (collection === 'patient_access_log') writes.push({ method, args });
    });
    try {
      await agents.admin.get(`/api/patients/${wallets.patient.address}`).expect(200);
    } finally {
      mongoose.set('debug', false);
    }
    expect(JSON.stringify(writes)).toMatch(/"j":true/);
  });

  test.each([
    ['mobile', { mobile: '07700 900123' }, /mobile: must be an E\.164 phone number/],
    [
      'emergency contact phone',
      { emergencyContact: { name: 'M', phone: '12345' } },
      /emergencyContact\.phone: must be an E\.164/,
    ],
    ['email', { email: 'ada-at-example' }, /email: must be an email address/],
    ['date of birth in the future', { dateOfBirth: '2999-01-01' }, /dateOfBirth: must not be in the future/],
    ['date of birth not a date', { dateOfBirth: '10/12/1990' }, /dateOfBirth: must be a date as YYYY-MM-DD/],
    ['sex', { sex: 'unknown' }, /sex:/],
    ['empty first name', { firstName: '   ' }, /firstName: is required/],
    ['unknown field', { isAdmin: true }, /isAdmin/],
    ['query operator as a name', { lastName: { $gt: '' } }, /lastName:/],
  ])(
    'When the profile has a bad %s, then the API answers 400 naming the field and stores nothing',
    async (_case, change, message) => {
      const response = await agents.patient
        .put('/api/patients/me')
        .send({ ...PROFILE, ...change })
        .expect(400);
      expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
      expect((await agents.patient.get('/api/patients/me').expect(200)).body.profile.firstName).toBe('Ada');
    },
  );

  test.each([
    ['a malformed address', '/api/patients/0x1234'],
    ['a limit above 100', '/api/patients?limit=101'],
    ['an unknown list parameter', '/api/patients?sort=name'],
  ])('When asked with %s, then the API answers 400', async (_case, path) => {
    expect((await agents.admin.get(path).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });
});
