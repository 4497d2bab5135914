import { doctorProfile } from '@test-support/doctor-profile';
import request from 'supertest';
import { id, parseEther } from 'ethers';
import type { ActivityEntry, ActivityPage } from '@api';
import { DAY, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { openTestApp, testChain, GAS, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildActivityWorld, PEOPLE, type ActivityWorld, type Person } from './activity-world';

let testApp: TestApp;
let chain: TestChain;
let world: ActivityWorld;
/** The name a profile of Ivy Activity carries (the API derives it from first and last name). */
const DOCTOR_NAME = 'Dr. Ivy Activity';

beforeAll(async () => {
  testApp = await openTestApp('activity-api');
  chain = await testChain();
  world = await buildActivityWorld(testApp, chain);
  await world.agents.verifiedDoctor.put('/api/doctors/me/profile').send(doctorProfile('Ivy', 'Activity')).expect(200);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const addressOf = (person: Person) => world.wallets[person].address;
const mined = async (sent: Promise<{ wait(): Promise<unknown> }>) => (await sent).wait();
const chainNow = async () => (await chain.provider.getBlock('latest'))!.timestamp;

async function timeline(person: Person, query: Record<string, string | number> = {}): Promise<ActivityPage> {
  await testApp.runtime.indexer.syncNow();
  const response = await world.agents[person]
    .get('/api/activity')
    .query({ limit: 100, ...query })
    .expect(200);
  return response.body as ActivityPage;
}
const kindsOf = (page: ActivityPage) => page.items.map((entry) => entry.kind);
const wordsOf = (page: ActivityPage) => page.items.map((entry) => entry.words);

describe('Activity timeline', () => {
  test('When a doctor registered and an admin verified them, then the doctor sees both, newest first, with the admin named', async () => {
    const page = await timeline('verifiedDoctor');

    expect(page.subject).toBe(addressOf('verifiedDoctor'));
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'doctor.verified',
        actor: addressOf('admin'),
        words: `admin ${short(addressOf('admin'))} verified you as a doctor.`,
        origin: 'chain',
        transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
        logIndex: expect.any(Number),
      }),
      expect.objectContaining({
        kind: 'doctor.registered',
        actor: addressOf('verifiedDoctor'),
        words: 'You registered as a doctor; an admin will check your licence and verify you.',
      }),
    ]);
    expect(Date.parse(page.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.items[1].at));
  });

  test("When the admin looks at their own timeline, then the verification is there in the admin's words, with the doctor's current name", async () => {
    const page = await timeline('admin', { kind: 'doctor.verified' });
    expect(wordsOf(page)).toContain(`You verified ${DOCTOR_NAME}.`);
  });

  test('When the patient grants the doctor access, then it shows on both timelines, worded for each', async () => {
    await mined(chain.consentFor(world.wallets.patient).grantAccess(addressOf('verifiedDoctor'), UNTIL_REVOKED, GAS));

    const [patientPage, doctorPage] = [await timeline('patient'), await timeline('verifiedDoctor')];

    expect(patientPage.items[0]).toMatchObject({
      kind: 'consent.granted',
      actor: addressOf('patient'),
      words: `You granted ${DOCTOR_NAME} access to your records until revoked.`,
    });
    expect(doctorPage.items[0]).toMatchObject({
      kind: 'consent.granted',
      actor: addressOf('patient'),
      words: `patient ${short(addressOf('patient'))} granted you access to their records until revoked.`,
      transactionHash: patientPage.items[0].transactionHash,
    });
    expect(kindsOf(await timeline('anotherPatient'))).toEqual(['patient.registered']);
  });

  test('When an appointment is requested, accepted, cancelled and refunded, and the doctor writes a record, then each party sees their part', async () => {
    const doctor = world.wallets.verifiedDoctor;
    const patient = world.wallets.patient;
    const fee = parseEther('0.01');
    await mined(world.appointmentsFor(doctor).setTerms(fee, SLOT_LENGTH, GAS));
    const slot = (await chainNow()) + 2 * DAY;
    const receipt = await (
      await world.appointmentsFor(patient).requestAppointment(doctor.address, slot, '', { ...GAS, value: fee })
    ).wait();
    const appointments = world.appointmentsFor(patient);
    const requested = receipt!.logs.map((log) => appointments.interface.parseLog(log)).find(Boolean)!;
    const appointmentId = requested.args.id as bigint;
    await mined(world.appointmentsFor(doctor).accept(appointmentId, GAS));
    await mined(world.appointmentsFor(patient).cancel(appointmentId, GAS));
    await mined(world.appointmentsFor(patient).withdraw(GAS));
    await mined(world.recordsFor(doctor).addRecord(patient.address, 1, 'bafy-activity-note', id('ciphertext'), GAS));

    const patientAppointments = await timeline('patient', { kind: 'appointment' });
    expect(kindsOf(patientAppointments)).toEqual([
      'appointment.withdrawn',
      'appointment.payment-released',
      'appointment.cancelled',
      'appointment.accepted',
      'appointment.requested',
    ]);
    expect(wordsOf(patientAppointments)).toEqual([
      'You withdrew 0.01 ETH.',
      `The fee of appointment #${appointmentId} (0.01 ETH) is yours to withdraw.`,
      `You cancelled appointment #${appointmentId} with ${DOCTOR_NAME}.`,
      `${DOCTOR_NAME} accepted appointment #${appointmentId} with you.`,
      expect.stringMatching(
        `^You requested appointment #${appointmentId} with ${DOCTOR_NAME} for .+ UTC, paying 0.01 ETH.$`,
      ),
    ]);
    expect(kindsOf(await timeline('verifiedDoctor', { kind: 'appointment' }))).toEqual([
      'appointment.cancelled',
      'appointment.accepted',
      'appointment.requested',
      'appointment.fee-set',
    ]);
    // The patient's explicit grant (until revoked) outlives the appointment: the effective access stays.
    expect(wordsOf(await timeline('patient', { kind: 'consent.appointment-access' }))).toEqual([
      `Appointment #${appointmentId}: ${DOCTOR_NAME} has access to your records until revoked.`,
      `Appointment #${appointmentId}: ${DOCTOR_NAME} has access to your records until revoked.`,
    ]);
    const [record] = (await timeline('patient', { kind: 'record' })).items;
    expect(record).toMatchObject({
      kind: 'record.added',
      actor: doctor.address,
      words: expect.stringMatching(`^${DOCTOR_NAME} added a consultation note in your records \\(entry #\\d+\\)\\.$`),
    });
  });

  test('When an admin looks up an account, then they see its timeline worded for that account', async () => {
    const page = await timeline('admin', { subject: addressOf('verifiedDoctor').toLowerCase(), kind: 'doctor' });
    expect(page.subject).toBe(addressOf('verifiedDoctor'));
    expect(wordsOf(page)).toEqual([
      `admin ${short(addressOf('admin'))} verified you as a doctor.`,
      'You registered as a doctor; an admin will check your licence and verify you.',
    ]);
  });
});

describe('Activity filters and paging', () => {
  test('When the timeline is read page by page, then the pages are the whole timeline in order, with the same total', async () => {
    const whole = await timeline('patient');
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(4);

    const pages: ActivityEntry[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const page = await timeline('patient', { offset, limit: 2 });
      expect(page.total).toBe(whole.total);
      pages.push(...page.items);
    }
    expect(pages).toEqual(whole.items);
  });

  test('When the kind filter names a prefix or a whole kind, then only those entries come', async () => {
    expect(kindsOf(await timeline('patient', { kind: 'consent' }))).toEqual([
      'consent.appointment-access',
      'consent.appointment-access',
      'consent.granted',
    ]);
    expect(kindsOf(await timeline('patient', { kind: 'consent.granted' }))).toEqual(['consent.granted']);
    expect((await timeline('patient', { kind: 'cons' })).total).toBe(0);
  });

  test('When a date range is given, then only entries inside it come (a date alone is a whole UTC day)', async () => {
    const whole = await timeline('patient');
    const newest = whole.items[0].at;
    const day = newest.slice(0, 10);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + DAY * 1000).toISOString().slice(0, 10);

    expect((await timeline('patient', { from: day, to: day })).total).toBe(
      whole.items.filter((entry) => entry.at.startsWith(day)).length,
    );
    expect((await timeline('patient', { from: nextDay })).total).toBe(0);
    expect((await timeline('patient', { from: newest, to: newest })).items.map((entry) => entry.at)).toEqual(
      whole.items.filter((entry) => entry.at === newest).map((entry) => entry.at),
    );
  });

  test.each([
    [{ kind: 'Consent!' }, /^kind: /],
    [{ from: 'yesterday' }, /^from: /],
    [{ to: '2026-13-40' }, /^to: /],
    [{ from: '2026-03-02', to: '2026-03-01' }, /^to: must not be before from/],
    [{ limit: 0 }, /^limit: /],
    [{ offset: -1 }, /^offset: /],
    [{ subject: 'not-an-address' }, /^subject: must be an Ethereum address/],
    [{ colour: 'blue' }, /colour/],
  ])('When the query is %j, then it is 400 naming the field', async (query, message) => {
    const response = await world.agents.admin.get('/api/activity').query(query).expect(400);
    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
  });
});

describe('Activity authorization matrix', () => {
  type Outcome = 200 | 401 | 403;
  const everyone = [...PEOPLE, 'anonymous'] as const;
  const OWN_TIMELINE: Record<(typeof everyone)[number], Outcome> = {
    admin: 200,
    verifiedDoctor: 200,
    pendingDoctor: 200,
    patient: 200,
    anotherPatient: 200,
    unregistered: 200,
    anonymous: 401,
  };
  const PATIENTS_TIMELINE: Record<(typeof everyone)[number], Outcome> = {
    admin: 200,
    verifiedDoctor: 403,
    pendingDoctor: 403,
    patient: 200,
    anotherPatient: 403,
    unregistered: 403,
    anonymous: 401,
  };
  const agentOf = (person: (typeof everyone)[number]) =>
    person === 'anonymous' ? request(testApp.app) : world.agents[person];

  test.each(everyone)('GET /api/activity as %s: own timeline only', async (person) => {
    const response = await agentOf(person).get('/api/activity').expect(OWN_TIMELINE[person]);
    if (person === 'anonymous') return expect(response.body.error.code).toBe('UNAUTHENTICATED');
    expect(response.body.subject).toBe(addressOf(person));
    expect(response.body.items.every((entry: ActivityEntry) => entry.subject === addressOf(person))).toBe(true);
  });

  test.each(everyone)('GET /api/activity?subject=<patient> as %s: only the patient and admins', async (person) => {
    await testApp.runtime.indexer.syncNow();
    const response = await agentOf(person)
      .get('/api/activity')
      .query({ subject: addressOf('patient') })
      .expect(PATIENTS_TIMELINE[person]);
    if (PATIENTS_TIMELINE[person] === 200) {
      expect(response.body.subject).toBe(addressOf('patient'));
      expect(response.body.total).toBeGreaterThan(0);
    } else {
      expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      if (person !== 'anonymous') expect(response.body.error.code).toBe('ADMIN_ONLY');
    }
  });

  test('When an account that never registered reads its timeline, then it is empty, not an error', async () => {
    expect(await timeline('unregistered')).toEqual({ subject: addressOf('unregistered'), items: [], total: 0 });
  });
});
