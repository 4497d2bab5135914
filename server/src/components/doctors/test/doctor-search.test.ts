/**
 * Find a doctor (GET /api/doctors): name text search, speciality, city, state, sort and paging;
 * non-admins never see doctors who are not verified; contact details only for those allowed.
 */
import request from 'supertest';
import type { Agent } from 'supertest';
import type { HDNodeWallet } from 'ethers';
import { licenceCommitment } from '@test-support/licences';
import type { DoctorView } from '@api';
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
import mongoose from 'mongoose';

// Accounts used only by this file (funded here): 820–823 doctors, 824 patient, 825 unregistered; 0 is the shared admin.
// Their cities and state exist only in this file, so doctors other test files register do not match.
const STATE = 'Northshire';
const DOCTORS = [
  { index: 820, first: 'Amara', last: 'Okafor', speciality: 2, city: 'Quillfield', joined: '2015-03-01', verify: true },
  { index: 821, first: 'Bruno', last: 'Okafor', speciality: 7, city: 'Quillfield', joined: '2021-06-15', verify: true },
  { index: 822, first: 'Chen', last: 'Li', speciality: 2, city: 'Ravenmoor', joined: '2018-01-10', verify: true },
  { index: 823, first: 'Dana', last: 'Okafor', speciality: 2, city: 'Quillfield', joined: '2012-05-20', verify: false },
] as const;

let testApp: TestApp;
let chain: TestChain;
let admin: Agent;
let patient: Agent;
let unregistered: Agent;
const doctorWallets: HDNodeWallet[] = [];
const doctorAgents: Agent[] = [];

const agentFor = async (wallet: HDNodeWallet) => {
  const agent = request.agent(testApp.app);
  await signIn(agent, wallet);
  return agent;
};

beforeAll(async () => {
  testApp = await openTestApp('doctor-search');
  chain = await testChain();
  admin = await agentFor(devWallet(0, chain.provider));
  for (const d of DOCTORS) {
    const wallet = await fundedWallet(d.index, chain.provider);
    await (
      await chain.registryFor(wallet).registerDoctor(licenceCommitment(`GMC-${d.index}`), d.speciality, GAS)
    ).wait();
    if (d.verify) await (await chain.registryAs(0).verifyDoctor(wallet.address, GAS)).wait();
    const agent = await agentFor(wallet);
    await agent
      .put('/api/doctors/me/profile')
      .send(doctorProfile(d.first, d.last, { city: d.city, state: STATE, dateOfJoining: d.joined }))
      .expect(200);
    doctorWallets.push(wallet);
    doctorAgents.push(agent);
  }
  const patientWallet = await fundedWallet(824, chain.provider);
  await (await chain.registryFor(patientWallet).registerPatient(GAS)).wait();
  patient = await agentFor(patientWallet);
  unregistered = await agentFor(await fundedWallet(825, chain.provider));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

async function search(
  agent: Agent,
  query: Record<string, string | number>,
): Promise<{ names: string[]; total: number; items: DoctorView[] }> {
  const body = (
    await agent
      .get('/api/doctors')
      .query({ state: STATE, ...query })
      .expect(200)
  ).body;
  return { names: body.items.map((d: DoctorView) => d.displayName), total: body.total, items: body.items };
}

describe('Find a doctor', () => {
  test('When a patient searches by name, then only verified doctors with every word of it are found; an admin also finds the pending one', async () => {
    expect((await search(patient, { q: 'okafor', sort: 'name' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Bruno Okafor',
    ]);
    expect((await search(patient, { q: 'Amara Okafor' })).names).toEqual(['Dr. Amara Okafor']);
    expect((await search(admin, { q: 'Okafor', sort: 'name' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Bruno Okafor',
      'Dr. Dana Okafor',
    ]);
    expect((await search(patient, { q: 'Nobody' })).total).toBe(0);
  });

  test('When a patient filters by speciality and city (any case), then only verified doctors of both match', async () => {
    const found = await search(patient, { speciality: 2, city: 'quillfield' });
    expect(found.names).toEqual(['Dr. Amara Okafor']);
    expect((await search(patient, { speciality: 2 })).names.sort()).toEqual(['Dr. Amara Okafor', 'Dr. Chen Li']);
    expect((await search(admin, { speciality: 2, city: 'QUILLFIELD', sort: 'name' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Dana Okafor',
    ]);
    expect((await search(patient, { state: 'Elsewhere' })).total).toBe(0);
  });

  test('When the list is sorted by name, date of joining or registration, either way, then the order follows', async () => {
    expect((await search(patient, { sort: 'name' })).names).toEqual([
      'Dr. Chen Li',
      'Dr. Amara Okafor',
      'Dr. Bruno Okafor',
    ]);
    expect((await search(patient, { sort: 'name', order: 'desc' })).names).toEqual([
      'Dr. Bruno Okafor',
      'Dr. Amara Okafor',
      'Dr. Chen Li',
    ]);
    expect((await search(patient, { sort: 'joined' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Chen Li',
      'Dr. Bruno Okafor',
    ]);
    expect((await search(patient, { sort: 'registered' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Bruno Okafor',
      'Dr. Chen Li',
    ]);
    expect((await search(admin, { sort: 'registered', order: 'desc' })).names[0]).toBe('Dr. Dana Okafor');
  });

  test('When paging the sorted list, then offset and limit cut it and total counts every match', async () => {
    const page = await search(patient, { sort: 'name', offset: 1, limit: 1 });
    expect(page).toMatchObject({ names: ['Dr. Amara Okafor'], total: 3 });
  });

  test('When a non-admin asks for doctors who are not verified, even by name, then the API refuses or leaves them out', async () => {
    await patient.get('/api/doctors').query({ status: 'pending', q: 'Dana' }).expect(403);
    expect((await search(patient, { q: 'Dana' })).total).toBe(0);
    const pendingAddress = doctorWallets[3].address;
    await patient.get(`/api/doctors/${pendingAddress}`).expect(404);
  });

  test('When a patient reads a verified doctor, then email and mobile are there; an unregistered account or another doctor sees no contact details', async () => {
    const verified = doctorWallets[0].address;
    const asPatient = (await patient.get(`/api/doctors/${verified}`).expect(200)).body;
    expect(asPatient).toMatchObject({ email: 'amara.okafor@example.org', mobile: '+447700900123', city: 'Quillfield' });
    expect((await search(patient, { q: 'Amara' })).items[0]).toMatchObject({ email: 'amara.okafor@example.org' });

    for (const reader of [unregistered, doctorAgents[1]]) {
      const view = (await reader.get(`/api/doctors/${verified}`).expect(200)).body;
      expect(view).toMatchObject({ displayName: 'Dr. Amara Okafor', city: 'Quillfield' });
      expect(view).not.toHaveProperty('email');
      expect(view).not.toHaveProperty('mobile');
      const listed = (await search(reader, { q: 'Amara' })).items[0];
      expect(listed).not.toHaveProperty('email');
      expect(listed).not.toHaveProperty('mobile');
    }
  });

  test('When an admin reads a pending doctor, then the contact details are there; the pending doctor sees their own', async () => {
    const pendingAddress = doctorWallets[3].address;
    expect((await admin.get(`/api/doctors/${pendingAddress}`).expect(200)).body).toMatchObject({
      email: 'dana.okafor@example.org',
      mobile: '+447700900123',
      status: 'pending',
    });
    expect((await doctorAgents[3].get(`/api/doctors/${pendingAddress}`).expect(200)).body).toMatchObject({
      email: 'dana.okafor@example.org',
    });
  });

  test('When a doctor changes their last name, then the name order follows at once', async () => {
    await doctorAgents[2]
      .put('/api/doctors/me/profile')
      .send(doctorProfile('Chen', 'Zeller', { city: 'Ravenmoor', state: STATE, dateOfJoining: '2018-01-10' }))
      .expect(200);
    expect((await search(patient, { sort: 'name' })).names).toEqual([
      'Dr. Amara Okafor',
      'Dr. Bruno Okafor',
      'Dr. Chen Zeller',
    ]);
    expect((await search(patient, { sort: 'name', city: 'RAVENMOOR' })).names).toEqual(['Dr. Chen Zeller']);
  });

  test('When the read model is rebuilt from the deployment block, then names, cities and dates still sort and filter', async () => {
    const orders = async () => ({
      byName: (await search(admin, { sort: 'name' })).names,
      byJoining: (await search(admin, { sort: 'joined', order: 'desc' })).names,
      inCity: await search(admin, { city: 'quillfield', sort: 'name' }),
    });
    const before = await orders();
    expect(before.byName).toEqual(['Dr. Amara Okafor', 'Dr. Bruno Okafor', 'Dr. Dana Okafor', 'Dr. Chen Zeller']);

    // A cursor on a block hash this chain does not have: the indexer resets the read models and replays every event.
    const cursors = mongoose.connection.collection('indexer_cursors');
    await cursors.updateMany({}, { $set: { lastBlockHash: '0x' + 'ab'.repeat(32) } });
    expect((await testApp.runtime.indexer.syncNow()).rebuilt).toBe(true);

    expect(await orders()).toEqual(before);
  });
});
