/**
 * The doctors directory shows each doctor's fee and slot length: the read model follows Appointments'
 * DoctorTermsSet besides the Registry's events, idempotently, and a rebuild gives the same documents.
 */
import mongoose from 'mongoose';
import request, { type Agent } from 'supertest';
import { parseEther, type HDNodeWallet } from 'ethers';
import pino from 'pino';
import { Appointments__factory, type Appointments } from '@contracts/types';
import type { DoctorPage } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { doctorProfile } from '@test-support/doctor-profile';
import { SLOT_LENGTH } from '@test-support/constants';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';
import { chainEventSources } from '../..';
import { createIndexer } from '../../indexer';
import { recordDoctorTermsSet } from '..';

// Accounts used only by this file (funded here): 355 the doctor, 356 a patient; 0 is the shared admin.
// The doctor's surname exists only in this file, so the search finds them alone.
const SURNAME = 'Feeworthy';

let testApp: TestApp;
let chain: TestChain;
let doctor: HDNodeWallet;
let patient: Agent;
let appointments: Appointments;

beforeAll(async () => {
  testApp = await openTestApp('doctor-terms');
  chain = await testChain();
  const [doctorWallet, patientWallet] = await Promise.all([355, 356].map((i) => fundedWallet(i, chain.provider)));
  doctor = doctorWallet!;
  await (await chain.registryFor(doctor).registerDoctor(licenceCommitment('TERMS-355'), 4, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
  await (await chain.registryFor(patientWallet).registerPatient(GAS)).wait();
  const doctorAgent = request.agent(testApp.app);
  await signIn(doctorAgent, doctor);
  await doctorAgent.put('/api/doctors/me/profile').send(doctorProfile('Tess', SURNAME)).expect(200);
  patient = request.agent(testApp.app);
  await signIn(patient, patientWallet);
  appointments = Appointments__factory.connect(testApp.runtime.chain.deployments.Appointments.address, doctor);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

async function searchResult() {
  await testApp.runtime.indexer.syncNow();
  const page = (await patient.get('/api/doctors').query({ q: SURNAME }).expect(200)).body as DoctorPage;
  expect(page.items).toHaveLength(1);
  return page.items[0];
}

const storedDoctor = () =>
  mongoose.connection.collection('doctors').findOne({ address: doctor.address }, { projection: { _id: 0 } });

describe('Doctor search with fees', () => {
  test('When the doctor has published no terms, then the search result has no fee', async () => {
    const found = await searchResult();

    expect(found.address).toBe(doctor.address);
    expect(found).not.toHaveProperty('feeWei');
    expect(found).not.toHaveProperty('slotLength');
  });

  test('When the doctor sets terms and then changes them, then the search result shows the latest fee and slot length', async () => {
    await (await appointments.setTerms(parseEther('0.02'), SLOT_LENGTH, GAS)).wait();
    expect(await searchResult()).toEqual(
      expect.objectContaining({ feeWei: parseEther('0.02').toString(), slotLength: SLOT_LENGTH }),
    );

    await (await appointments.setTerms(parseEther('0.015'), 2 * SLOT_LENGTH, GAS)).wait();
    expect(await searchResult()).toEqual(
      expect.objectContaining({ feeWei: parseEther('0.015').toString(), slotLength: 2 * SLOT_LENGTH }),
    );
  });

  test('When the first DoctorTermsSet is applied again, then the newer terms stay', async () => {
    const [first] = await appointments.queryFilter(appointments.filters.DoctorTermsSet(doctor.address));
    await recordDoctorTermsSet(
      { doctor: doctor.address, feeWei: parseEther('0.02').toString(), slotLength: SLOT_LENGTH },
      { blockNumber: first.blockNumber, logIndex: first.index, timestamp: new Date() },
    );

    expect(await searchResult()).toEqual(expect.objectContaining({ feeWei: parseEther('0.015').toString() }));
  });

  test('When the read model is rebuilt from the deployment blocks, then the doctor comes out the same, terms included', async () => {
    const before = await storedDoctor();
    await mongoose.connection.collection('indexer_cursors').deleteMany({});
    const rebuild = createIndexer({
      provider: testApp.runtime.chain.provider,
      chainId: testApp.runtime.config.chainId,
      sources: chainEventSources(testApp.runtime.chain.deployments, testApp.runtime.chain.provider),
      logger: pino({ level: 'silent' }),
      pollMs: 0,
    });

    expect((await rebuild.syncNow()).rebuilt).toBe(true);
    expect(await storedDoctor()).toEqual(before);
    expect(before).toEqual(
      expect.objectContaining({ feeWei: parseEther('0.015').toString(), slotLength: 2 * SLOT_LENGTH }),
    );
  });
});
