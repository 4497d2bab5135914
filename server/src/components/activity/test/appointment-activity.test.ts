import { doctorProfile } from '@test-support/doctor-profile';
import request, { type Agent } from 'supertest';
import { parseEther, type HDNodeWallet } from 'ethers';
import { Appointments__factory, type Appointments } from '@contracts/types';
import type { ActivityPage } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { DAY, SLOT_LENGTH } from '@test-support/constants';
import {
  openTestApp,
  testChain,
  fundedWallet,
  GAS,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';
import { appointmentActivity } from '../domain/chain-activity';
import type { Names } from '../domain/activity-names';
import { chainTime } from '../domain/activity-vocabulary';
import { wordsFor } from '../domain/activity-words';

// Accounts used only by this file (funded here): 390 verified doctor, 391 patient; 0 is the shared admin.
let testApp: TestApp;
let chain: TestChain;
let doctor: HDNodeWallet;
let patient: HDNodeWallet;
const agents = {} as Record<'doctor' | 'patient', Agent>;
const DOCTOR_NAME = 'Dr. Rhea Schedule';
const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

beforeAll(async () => {
  testApp = await openTestApp('appointment-activity');
  chain = await testChain();
  [doctor, patient] = await Promise.all([390, 391].map((index) => fundedWallet(index, chain.provider)));
  for (const [person, wallet] of [
    ['doctor', doctor],
    ['patient', patient],
  ] as const) {
    agents[person] = request.agent(testApp.app);
    await signIn(agents[person], wallet);
  }
  await (await chain.registryFor(doctor).registerDoctor(licenceCommitment('RESCHEDULE-390'), 2, GAS)).wait();
  await agents.doctor.put('/api/doctors/me/profile').send(doctorProfile('Rhea', 'Schedule')).expect(200);
  await (await chain.registryAs(0).verifyDoctor(doctor.address, GAS)).wait();
  await (await chain.registryFor(patient).registerPatient(GAS)).wait();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const appointmentsAs = (wallet: HDNodeWallet): Appointments =>
  Appointments__factory.connect(testApp.runtime.chain.deployments.Appointments.address, wallet);

async function timeline(person: 'doctor' | 'patient', kind: string): Promise<string[]> {
  await testApp.runtime.indexer.syncNow();
  const page = (await agents[person].get('/api/activity').query({ kind, limit: 100 }).expect(200)).body as ActivityPage;
  return page.items.map((entry) => entry.words);
}

describe('Appointment activity on chain', () => {
  test('When a doctor publishes terms and a patient moves an accepted appointment, then both timelines say when from and to', async () => {
    const fee = parseEther('0.02');
    await (await appointmentsAs(doctor).setTerms(fee, SLOT_LENGTH, GAS)).wait();
    // Far ahead: other test files move the shared chain's time forwards.
    const slot = (await chain.provider.getBlock('latest'))!.timestamp + 60 * DAY;
    const receipt = (await (
      await appointmentsAs(patient).requestAppointment(doctor.address, slot, '', { ...GAS, value: fee })
    ).wait())!;
    const id = appointmentsAs(patient).interface.parseLog(receipt.logs[0])!.args.id as bigint;
    await (await appointmentsAs(doctor).accept(id, GAS)).wait();
    await (await appointmentsAs(patient).reschedule(id, slot + DAY, GAS)).wait();

    const times = `from ${chainTime(slot)} to ${chainTime(slot + DAY)}`;
    expect(await timeline('patient', 'appointment.rescheduled')).toEqual([
      `You moved appointment #${id} with ${DOCTOR_NAME} ${times}.`,
    ]);
    expect(await timeline('doctor', 'appointment.rescheduled')).toEqual([
      `patient ${short(patient.address)} moved appointment #${id} with you ${times}.`,
    ]);
    expect(await timeline('doctor', 'appointment.fee-set')).toEqual([
      'You set your appointment fee to 0.02 ETH and your slot length to 30 minutes.',
    ]);
  });
});

describe('Appointment settlement words', () => {
  const patientAddress = '0x00000000000000000000000000000000000000a1';
  const doctorAddress = '0x00000000000000000000000000000000000000d0';
  const adminAddress = '0x00000000000000000000000000000000000000ad';
  const names: Names = {
    doctor: () => 'Dr. Grace Hopper',
    patient: (address) => `patient ${short(address)}`,
    admin: (address) => `admin ${short(address)}`,
    account: (address) => short(address),
  };
  /** The entries a status change puts on both timelines, worded for each. */
  function worded(status: number, by: string): string[] {
    return appointmentActivity
      .statusChanged({ id: 7n, patient: patientAddress, doctor: doctorAddress, status, by })
      .map((entry) => wordsFor({ ...entry, kindPath: [], origin: 'chain', at: new Date(), position: 0 }, names));
  }

  test.each([
    [
      'the doctor marks a no-show',
      6,
      doctorAddress,
      'Dr. Grace Hopper marked as a no-show appointment #7 with you. Its fee stays held until the dispute period ends; you may dispute the no-show before then.',
      'You marked as a no-show appointment #7 with patient 0x0000…00a1.',
    ],
    [
      'the patient disputes it',
      7,
      patientAddress,
      'You disputed the no-show of appointment #7 with Dr. Grace Hopper.',
      'patient 0x0000…00a1 disputed the no-show of appointment #7 with you.',
    ],
    [
      'the patient reclaims an unclosed one’s fee',
      8,
      patientAddress,
      'You reclaimed the fee of appointment #7 with Dr. Grace Hopper.',
      'patient 0x0000…00a1 reclaimed the fee of appointment #7 with you.',
    ],
    [
      'an admin refunds a disputed one',
      9,
      adminAddress,
      'admin 0x0000…00ad refunded the fee of appointment #7 with you.',
      'admin 0x0000…00ad refunded the fee of appointment #7 with you.',
    ],
    [
      'an admin upholds the no-show',
      6,
      adminAddress,
      'admin 0x0000…00ad upheld the no-show of appointment #7 with you.',
      'admin 0x0000…00ad upheld the no-show of appointment #7 with you.',
    ],
  ])('When %s, then the patient and the doctor read it in words', (_case, status, by, patientWords, doctorWords) => {
    expect(worded(status, by)).toEqual([patientWords, doctorWords]);
  });

  test('When an admin changes the settlement periods, then their timeline names both', () => {
    const [entry] = appointmentActivity.settlementPeriodsChanged({
      admin: adminAddress,
      closingGracePeriod: BigInt(7 * DAY),
      disputePeriod: BigInt(2 * DAY),
    });

    expect(wordsFor({ ...entry, kindPath: [], origin: 'chain', at: new Date(), position: 0 }, names)).toBe(
      'You set the closing grace period to 7 days and the dispute period to 2 days.',
    );
  });
});
