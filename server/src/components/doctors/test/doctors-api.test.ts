import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { licenceCommitment } from '@test-support/licences';
import { createApp } from '../../../app';
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

// Accounts used only by this file (the chain is shared by all server test files): 0 admin, 2 and 3 doctors, 7 nobody,
// 36 and 37 doctors (funded here).
let testApp: TestApp;
let chain: TestChain;
let admin: Agent;

beforeAll(async () => {
  testApp = await openTestApp('doctors-api');
  chain = await testChain();
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const address = (index: number) => devWallet(index, chain.provider).address;
const sync = () => testApp.runtime.indexer.syncNow();

async function listed(status?: string): Promise<{ address: string; status: string; displayName?: string }[]> {
  const response = await admin
    .get('/api/doctors')
    .query(status ? { status, limit: 100 } : { limit: 100 })
    .expect(200);
  return response.body.items;
}

describe('Doctors API', () => {
  test('When a doctor registers, is verified and then revoked on chain, then the list follows each step after the indexer syncs', async () => {
    const doctor = address(2);
    await (await chain.registryAs(2).registerDoctor(licenceCommitment('DOC-API-2'), 12, GAS)).wait();
    await sync();
    expect(await listed('pending')).toContainEqual(expect.objectContaining({ address: doctor, status: 'pending' }));
    const view = (await admin.get(`/api/doctors/${doctor}`).expect(200)).body;
    expect(view).toEqual({
      address: doctor,
      status: 'pending',
      licenceHash: licenceCommitment('DOC-API-2'),
      speciality: 12,
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    await (await chain.registryAs(0).verifyDoctor(doctor, GAS)).wait();
    await sync();
    expect(await listed('verified')).toContainEqual(
      expect.objectContaining({ address: doctor, status: 'verified', verifiedBy: address(0) }),
    );
    expect((await listed('pending')).map((d) => d.address)).not.toContain(doctor);

    await (await chain.registryAs(0).revokeDoctor(doctor, 1, GAS)).wait();
    await sync();
    expect(await listed('revoked')).toContainEqual(expect.objectContaining({ address: doctor, status: 'revoked' }));
    expect((await listed('verified')).map((d) => d.address)).not.toContain(doctor);
  });

  test('When a registered doctor saves the profile, then "Dr. First Last" and the fields show in the list and in the doctor view', async () => {
    await (await chain.registryAs(3).registerDoctor(licenceCommitment('DOC-API-3'), 4, GAS)).wait();
    const doctorAgent = request.agent(testApp.app);
    await signIn(doctorAgent, devWallet(3, chain.provider));

    // Before the indexer has seen the registration: the chain is what decides.
    const saved = await doctorAgent
      .put('/api/doctors/me/profile')
      .send(doctorProfile('Ada', 'Lovelace', { specialityLabel: 'Cardiology', bio: 'Analytical cardiology.' }))
      .expect(200);
    expect(saved.body).toMatchObject({
      address: address(3),
      status: 'pending',
      displayName: 'Dr. Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfJoining: '2019-09-02',
      email: 'ada.lovelace@example.org',
      mobile: '+447700900123',
      city: 'Manchester',
      state: 'Greater Manchester',
      specialityLabel: 'Cardiology',
      bio: 'Analytical cardiology.',
      speciality: 4,
    });

    await sync();
    expect(await listed()).toContainEqual(
      expect.objectContaining({ address: address(3), displayName: 'Dr. Ada Lovelace' }),
    );
    expect((await admin.get(`/api/doctors/${address(3).toLowerCase()}`).expect(200)).body.displayName).toBe(
      'Dr. Ada Lovelace',
    );
  });

  test('When an account that is not a registered doctor saves a profile, then the API answers 404', async () => {
    const stranger = request.agent(testApp.app);
    await signIn(stranger, devWallet(7, chain.provider));
    const response = await stranger.put('/api/doctors/me/profile').send(doctorProfile('Not', 'Doctor')).expect(404);
    expect(response.body.error.code).toBe('DOCTOR_NOT_FOUND');
  });

  test.each([
    ['an empty first name', 'firstName', { firstName: '  ' }],
    ['a last name over 50 characters', 'lastName', { lastName: 'x'.repeat(51) }],
    ['an email without a domain', 'email', { email: 'ada@' }],
    ['a mobile number not in E.164', 'mobile', { mobile: '07700 900123' }],
    ['a mobile number starting +0', 'mobile', { mobile: '+0447700900123' }],
    ['a date of joining in the future', 'dateOfJoining', { dateOfJoining: '2999-01-01' }],
    ['a date of joining that is not a date', 'dateOfJoining', { dateOfJoining: '2020-02-30' }],
    ['an empty city', 'city', { city: '' }],
    ['a bio over 500 characters', 'bio', { bio: 'x'.repeat(501) }],
    ['a query operator instead of a state', 'state', { state: { $gt: '' } }],
    ['a display name instead of the names (it is derived)', 'displayName', { displayName: 'Dr. X' }],
    ['an unknown field', 'isAdmin', { isAdmin: true }],
  ])('When a profile has %s, then the API answers 400 naming %s', async (_case, field, change) => {
    const response = await admin
      .put('/api/doctors/me/profile')
      .send({ ...doctorProfile('Val', 'Idation'), ...change })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toContain(field);
  });

  test('When a required field of the profile is missing, then the API answers 400 naming it', async () => {
    const { mobile: _left, ...withoutMobile } = doctorProfile('Val', 'Idation');
    const response = await admin.put('/api/doctors/me/profile').send(withoutMobile).expect(400);
    expect(response.body.error.message).toContain('mobile');
  });

  test.each([
    ['an unknown status', { status: 'retired' }],
    ['a limit above 100', { limit: 101 }],
    ['a negative offset', { offset: -1 }],
    ['a limit that is not a number', { limit: 'ten' }],
    ['an unknown parameter', { sortBy: 'name' }],
    ['an unknown sort', { sort: 'fee' }],
    ['an unknown speciality code', { speciality: 99 }],
  ])('When the list is asked with %s, then the API answers 400 JSON', async (_case, query) => {
    const response = await admin.get('/api/doctors').query(query).expect(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  test('When paging through doctors, then offset and limit cut the list and total counts all of them', async () => {
    const all = (await admin.get('/api/doctors').query({ limit: 100 }).expect(200)).body;
    const page = (await admin.get('/api/doctors').query({ offset: 1, limit: 1 }).expect(200)).body;
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(page).toEqual({ items: [all.items[1]], total: all.total });
  });

  test('When a doctor address is malformed, then the API answers 400; when it is unknown, 404', async () => {
    expect((await admin.get('/api/doctors/0x1234').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await admin.get(`/api/doctors/${address(7)}`).expect(404)).body.error.code).toBe('DOCTOR_NOT_FOUND');
  });

  test('When doctors are requested without a session, then the API answers 401', async () => {
    await request(testApp.app).get('/api/doctors').expect(401);
    await request(testApp.app)
      .get(`/api/doctors/${address(2)}`)
      .expect(401);
    await request(testApp.app).put('/api/doctors/me/profile').send(doctorProfile('Anon', 'Ymous')).expect(401);
  });
});

describe('Doctors API: who sees and edits what', () => {
  let verifiedDoctor: HDNodeWallet;
  let revokedDoctor: HDNodeWallet;
  const agentFor = async (wallet: HDNodeWallet) => {
    const agent = request.agent(testApp.app);
    await signIn(agent, wallet);
    return agent;
  };

  beforeAll(async () => {
    [verifiedDoctor, revokedDoctor] = await Promise.all([36, 37].map((index) => fundedWallet(index, chain.provider)));
    await (await chain.registryFor(verifiedDoctor).registerDoctor(licenceCommitment('DOC-API-36'), 2, GAS)).wait();
    await (await chain.registryFor(revokedDoctor).registerDoctor(licenceCommitment('DOC-API-37'), 2, GAS)).wait();
    // The name admins see while reviewing the registration.
    await (
      await agentFor(verifiedDoctor)
    )
      .put('/api/doctors/me/profile')
      .send(doctorProfile('Grace', 'Hopper'))
      .expect(200);
    await (await chain.registryAs(0).verifyDoctor(verifiedDoctor.address, GAS)).wait();
    await (await chain.registryAs(0).verifyDoctor(revokedDoctor.address, GAS)).wait();
    await (await chain.registryAs(0).revokeDoctor(revokedDoctor.address, 2, GAS)).wait();
    await sync();
  });

  test('When an account that is not an admin lists doctors who are not verified, then it is refused with 403 ADMIN_ONLY; without a status it gets verified doctors only', async () => {
    const stranger = await agentFor(devWallet(7, chain.provider));
    for (const query of [{ status: 'pending' }, { status: 'revoked' }]) {
      const response = await stranger.get('/api/doctors').query(query).expect(403);
      expect(response.body.error.code).toBe('ADMIN_ONLY');
    }
    for (const query of [{ status: 'verified', limit: 100 }, { limit: 100 }]) {
      const verified = (await stranger.get('/api/doctors').query(query).expect(200)).body;
      expect(verified.items.map((d: { status: string }) => d.status)).toEqual(verified.items.map(() => 'verified'));
      expect(verified.items.map((d: { address: string }) => d.address)).toContain(verifiedDoctor.address);
      expect(verified.items.map((d: { address: string }) => d.address)).not.toContain(revokedDoctor.address);
    }
  });

  test('When an account that is not an admin asks for a revoked doctor, then it is 404 as for an unknown one; the doctor still sees themselves', async () => {
    const stranger = await agentFor(devWallet(7, chain.provider));
    expect((await stranger.get(`/api/doctors/${revokedDoctor.address}`).expect(404)).body.error.code).toBe(
      'DOCTOR_NOT_FOUND',
    );
    await stranger.get(`/api/doctors/${verifiedDoctor.address}`).expect(200);
    const self = await agentFor(revokedDoctor);
    expect((await self.get(`/api/doctors/${revokedDoctor.address}`).expect(200)).body.status).toBe('revoked');
  });

  test('When a revoked doctor tries to change their display name, then it is refused with 403 DOCTOR_REVOKED', async () => {
    const doctor = await agentFor(revokedDoctor);
    const response = await doctor.put('/api/doctors/me/profile').send(doctorProfile('Someone', 'Else')).expect(403);
    expect(response.body.error.code).toBe('DOCTOR_REVOKED');
  });

  test('When a verified doctor renames themselves, then admins see the change and the earlier name; other accounts see only the name', async () => {
    const doctor = await agentFor(verifiedDoctor);
    await doctor.put('/api/doctors/me/profile').send(doctorProfile('Grace', 'Hopper-Murray')).expect(200);
    await doctor.put('/api/doctors/me/profile').send(doctorProfile('Chief', 'Surgeon')).expect(200);
    const path = `/api/doctors/${verifiedDoctor.address}`;

    const asAdmin = (await admin.get(path).expect(200)).body;
    expect(asAdmin).toMatchObject({
      displayName: 'Dr. Chief Surgeon',
      nameChangedAfterVerification: {
        previousDisplayName: 'Dr. Grace Hopper',
        changedAt: expect.stringMatching(/^\d{4}-/),
      },
    });
    expect(await listed('verified')).toContainEqual(
      expect.objectContaining({ address: verifiedDoctor.address, nameChangedAfterVerification: expect.any(Object) }),
    );
    const asStranger = (await (await agentFor(devWallet(7, chain.provider))).get(path).expect(200)).body;
    expect(asStranger.displayName).toBe('Dr. Chief Surgeon');
    expect(asStranger).not.toHaveProperty('nameChangedAfterVerification');
  });

  test('When one account saves its profile faster than the write limit, then it gets 429 from any session, and other accounts are not held back', async () => {
    const app = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, writeRateLimitPerMinute: 2 } });
    const [first, second, other] = [request.agent(app), request.agent(app), request.agent(app)];
    await signIn(first, verifiedDoctor);
    await signIn(second, verifiedDoctor);
    await signIn(other, devWallet(3, chain.provider));
    const save = (agent: Agent) => agent.put('/api/doctors/me/profile').send(doctorProfile('Grace', 'Hopper'));

    await save(first).expect(200);
    await save(first).expect(200);
    const limited = await save(second).expect(429);

    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await save(other).expect(200);
  });
});
