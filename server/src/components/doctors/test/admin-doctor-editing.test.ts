/**
 * The admin console's Add Doctor and Edit Doctor: the profile and licence stored for an address first,
 * then registerDoctorFor from the admin's wallet; edits report who changed which fields; every write
 * of what the chain cannot rebuild is journaled.
 */
import request from 'supertest';
import type { Agent } from 'supertest';
import mongoose from 'mongoose';
import { hexlify, randomBytes, type HDNodeWallet } from 'ethers';
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
import { doctorProfile } from '@test-support/doctor-profile';

// Accounts used only by this file (funded here): 830 the doctor the admin adds, 831 a doctor who registered
// themselves, 832 an address whose licence an admin stores; 0 is the shared admin.
let testApp: TestApp;
let chain: TestChain;
let admin: Agent;
let added: HDNodeWallet;
let selfRegistered: HDNodeWallet;

beforeAll(async () => {
  testApp = await openTestApp('admin-doctor-editing');
  chain = await testChain();
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
  [added, selfRegistered] = await Promise.all([830, 831].map((index) => fundedWallet(index, chain.provider)));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

/** Records every write command's options that mongoose sends to `collection`, while `act` runs. */
async function writesTo(collection: string, act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const options: Record<string, unknown>[] = [];
  mongoose.set('debug', (name: string, method: string, ...args: unknown[]) => {
    if (name === collection && /update|insert|findOneAnd/i.test(method))
      options.push(args.at(-1) as Record<string, unknown>);
  });
  try {
    await act();
  } finally {
    mongoose.set('debug', false);
  }
  return options;
}

describe('Admin: Add Doctor and Edit Doctor', () => {
  test('When an admin adds a doctor (profile and licence first, then registerDoctorFor), then the doctor is listed pending with that profile and the licence matches the chain', async () => {
    // Arrange + Act: what the Add Doctor form does.
    const salt = hexlify(randomBytes(32));
    await admin.put(`/api/doctors/${added.address}/licence`).send({ licenceNumber: 'GMC-8300001', salt }).expect(204);
    const saved = await admin
      .put(`/api/doctors/${added.address}/profile`)
      .send(doctorProfile('Ines', 'Added', { city: 'Harbourton', bio: 'Added by the clinic.' }))
      .expect(200);
    await (
      await chain.registryAs(0).registerDoctorFor(added.address, licenceCommitment('GMC-8300001', salt), 5, GAS)
    ).wait();
    await testApp.runtime.indexer.syncNow();

    // Assert
    expect(saved.body).toMatchObject({
      address: added.address,
      profile: { displayName: 'Dr. Ines Added', city: 'Harbourton', email: 'ines.added@example.org' },
      changedFields: ['firstName', 'lastName', 'dateOfJoining', 'email', 'mobile', 'city', 'state', 'bio'],
    });
    const listed = (await admin.get('/api/doctors').query({ status: 'pending', q: 'Ines Added' }).expect(200)).body;
    expect(listed.items).toEqual([
      expect.objectContaining({
        address: added.address,
        status: 'pending',
        speciality: 5,
        displayName: 'Dr. Ines Added',
      }),
    ]);
    expect((await admin.get(`/api/doctors/${added.address}/licence`).expect(200)).body.matchesChain).toBe(true);
  });

  test('When an admin edits one field of a doctor who registered themselves, then only that field changes and the answer names it', async () => {
    await (await chain.registryFor(selfRegistered).registerDoctor(licenceCommitment('GMC-831'), 2, GAS)).wait();
    const doctor = request.agent(testApp.app);
    await signIn(doctor, selfRegistered);
    const own = doctorProfile('Olu', 'Own', { specialityLabel: 'Interventional cardiology' });
    await doctor.put('/api/doctors/me/profile').send(own).expect(200);

    const edit = await admin
      .put(`/api/doctors/${selfRegistered.address}/profile`)
      .send({ ...own, mobile: '+14155550123' })
      .expect(200);

    expect(edit.body.changedFields).toEqual(['mobile']);
    await testApp.runtime.indexer.syncNow();
    expect((await doctor.get(`/api/doctors/${selfRegistered.address}`).expect(200)).body).toMatchObject({
      ...own,
      mobile: '+14155550123',
      displayName: 'Dr. Olu Own',
      status: 'pending',
    });
    // The edit is on the doctor's Activity timeline, worded for them, with the admin as actor.
    const timeline = (await doctor.get('/api/activity').query({ kind: 'doctor.profile-edited-by-admin' }).expect(200))
      .body;
    expect(timeline.items).toEqual([
      expect.objectContaining({
        kind: 'doctor.profile-edited-by-admin',
        words: expect.stringMatching(/edited your doctor profile: mobile\./),
      }),
    ]);
  });

  test('When a verified doctor is edited by an admin, then no "renamed after verification" mark appears', async () => {
    await (await chain.registryAs(0).verifyDoctor(selfRegistered.address, GAS)).wait();
    await testApp.runtime.indexer.syncNow();
    await admin
      .put(`/api/doctors/${selfRegistered.address}/profile`)
      .send(doctorProfile('Olusegun', 'Own'))
      .expect(200);
    const view = (await admin.get(`/api/doctors/${selfRegistered.address}`).expect(200)).body;
    expect(view.displayName).toBe('Dr. Olusegun Own');
    expect(view).not.toHaveProperty('nameChangedAfterVerification');
  });

  test('When a profile or a licence is saved, by the doctor or an admin, then the write is journaled (j: true)', async () => {
    const profileWrites = await writesTo('doctor_profiles', () =>
      admin.put(`/api/doctors/${added.address}/profile`).send(doctorProfile('Ines', 'Added')).expect(200),
    );
    const licenceWrites = await writesTo('doctor_licences', () =>
      admin
        .put(`/api/doctors/${devWallet(832, chain.provider).address}/licence`)
        .send({ licenceNumber: 'GMC-9', salt: hexlify(randomBytes(32)) })
        .expect(204),
    );
    for (const writes of [profileWrites, licenceWrites]) {
      expect(writes).toHaveLength(1);
      expect(writes[0]).toMatchObject({ writeConcern: { j: true } });
    }
  });
});
