/**
 * The practice API against the real chain and MongoDB: a verified doctor saves consulting hours, the
 * fee and slot length come live from the chain, and patients see the free slots (the hours in the
 * doctor's time zone minus the times held on chain, after the chain's time).
 */
import mongoose from 'mongoose';
import request, { type Agent } from 'supertest';
import { parseEther, type HDNodeWallet } from 'ethers';
import { Appointments__factory, type Appointments } from '@contracts/types';
import type { FreeSlots, PracticeView } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';

// Accounts used only by this file (funded here): 346 doctor, 347 doctor in Berlin, 348 and 349 patients,
// 350 another verified doctor, 351 unregistered; 0 is the shared admin.
const PEOPLE = ['doctor', 'berlinDoctor', 'patient', 'otherPatient', 'otherDoctor', 'unregistered'] as const;
type Person = (typeof PEOPLE)[number];
const FEE = parseEther('0.01');
/** Every day, all day (UTC): slots on every half hour, so tests can pick times near the chain's. */
const ALL_DAY = {
  timeZone: 'UTC',
  sessions: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:30' })),
};

let testApp: TestApp;
let chain: TestChain;
const wallets = {} as Record<Person, HDNodeWallet>;
const agents = {} as Record<Person, Agent>;

const appointmentsFor = (wallet: HDNodeWallet): Appointments =>
  Appointments__factory.connect(testApp.runtime.chain.deployments.Appointments.address, wallet);
const mined = async (sent: Promise<{ wait(): Promise<unknown> }>) => (await sent).wait();
const chainNow = async () => (await chain.provider.getBlock('latest'))!.timestamp;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

async function book(patient: HDNodeWallet, doctor: HDNodeWallet, slot: number): Promise<bigint> {
  const contract = appointmentsFor(patient);
  const receipt = await (await contract.requestAppointment(doctor.address, slot, '', { ...GAS, value: FEE })).wait();
  const requested = receipt!.logs.map((log) => contract.interface.parseLog(log)).find(Boolean)!;
  return requested.args.id as bigint;
}

async function slotsOf(doctor: HDNodeWallet, query: { from?: number; to?: number } = {}): Promise<FreeSlots> {
  const response = await agents.patient
    .get(`/api/doctors/${doctor.address}/slots`)
    .query({ ...(query.from && { from: iso(query.from) }), ...(query.to && { to: iso(query.to) }) })
    .expect(200);
  return response.body as FreeSlots;
}

const startsOf = (slots: FreeSlots) => slots.slots.map((slot) => Date.parse(slot.start) / 1000);

beforeAll(async () => {
  testApp = await openTestApp('practice-api');
  chain = await testChain();
  const accounts = await Promise.all([346, 347, 348, 349, 350, 351].map((i) => fundedWallet(i, chain.provider)));
  PEOPLE.forEach((person, i) => (wallets[person] = accounts[i]!));
  for (const doctor of ['doctor', 'berlinDoctor', 'otherDoctor'] as const) {
    await mined(chain.registryFor(wallets[doctor]).registerDoctor(licenceCommitment(`PRACTICE-${doctor}`), 1, GAS));
    await mined(chain.registryAs(0).verifyDoctor(wallets[doctor].address, GAS));
  }
  for (const patient of ['patient', 'otherPatient'] as const) {
    await mined(chain.registryFor(wallets[patient]).registerPatient(GAS));
  }
  for (const person of PEOPLE) {
    agents[person] = request.agent(testApp.app);
    await signIn(agents[person], wallets[person]);
  }
  await mined(appointmentsFor(wallets.berlinDoctor).setTerms(FEE, SLOT_LENGTH, GAS));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

describe('Consulting hours', () => {
  test.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus', sessions: [] }, 'timeZone: '],
    [
      'a time not written HH:MM',
      { timeZone: 'UTC', sessions: [{ weekday: 1, start: '9:00', end: '12:00' }] },
      'sessions.0.start: ',
    ],
    [
      'a weekday beyond Sunday',
      { timeZone: 'UTC', sessions: [{ weekday: 8, start: '09:00', end: '12:00' }] },
      'sessions.0.weekday: ',
    ],
    [
      'a session ending before it starts',
      { timeZone: 'UTC', sessions: [{ weekday: 1, start: '12:00', end: '09:00' }] },
      'sessions.0.end: ',
    ],
    [
      'a session ending as it starts',
      { timeZone: 'UTC', sessions: [{ weekday: 1, start: '09:00', end: '09:00' }] },
      'sessions.0.end: ',
    ],
    [
      'overlapping sessions on one weekday',
      {
        timeZone: 'UTC',
        sessions: [
          { weekday: 2, start: '09:00', end: '11:00' },
          { weekday: 2, start: '10:30', end: '12:00' },
        ],
      },
      'sessions.1: ',
    ],
  ])('When the doctor sends %s, then 400 names the field and nothing is saved', async (_case, body, field) => {
    const response = await agents.doctor.put('/api/doctors/me/practice').send(body).expect(400);

    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(field) });
    expect(
      (await agents.doctor.get(`/api/doctors/${wallets.doctor.address}/practice`).expect(200)).body.hours,
    ).toBeNull();
  });

  test('When the verified doctor saves hours, then the write is journaled and patients read them back, with no terms before setTerms', async () => {
    const writes: { method: string; options: unknown }[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (collection === 'practice_hours') writes.push({ method, options: args.at(-1) });
    });
    let saved: PracticeView;
    try {
      saved = (
        await agents.doctor
          .put('/api/doctors/me/practice')
          .send({ ...ALL_DAY, sessions: [...ALL_DAY.sessions].reverse() })
          .expect(200)
      ).body as PracticeView;
    } finally {
      mongoose.set('debug', false);
    }

    expect(writes).toEqual([
      {
        method: 'replaceOne',
        options: expect.objectContaining({ writeConcern: expect.objectContaining({ j: true }) }),
      },
    ]);
    const read = (await agents.patient.get(`/api/doctors/${wallets.doctor.address}/practice`).expect(200)).body;
    expect(read).toEqual(saved);
    expect(read).toEqual({
      doctor: wallets.doctor.address,
      feeWei: null,
      slotLength: null,
      hours: { timeZone: 'UTC', sessions: ALL_DAY.sessions, updatedAt: expect.any(String) },
    });
  });

  test('When the doctor has hours but no terms, then patients see no slots and null terms', async () => {
    const slots = await slotsOf(wallets.doctor);

    expect(slots).toEqual(expect.objectContaining({ feeWei: null, slotLength: null, timeZone: 'UTC', slots: [] }));
  });

  test('When the doctor publishes terms on chain, then the practice shows them at once, read from the chain', async () => {
    await mined(appointmentsFor(wallets.doctor).setTerms(FEE, SLOT_LENGTH, GAS));

    const read = (await agents.patient.get(`/api/doctors/${wallets.doctor.address}/practice`).expect(200)).body;

    expect(read).toEqual(expect.objectContaining({ feeWei: FEE.toString(), slotLength: SLOT_LENGTH }));
  });
});

describe('Free slots', () => {
  test('When appointments are requested, accepted and cancelled, then the requested and accepted times are not offered and the cancelled one is again', async () => {
    // 10:00 UTC, three days on: far enough that other test files moving chain time cannot overtake it.
    const start = Math.floor(((await chainNow()) + 3 * DAY) / DAY) * DAY + 10 * HOUR;
    await book(wallets.patient, wallets.doctor, start);
    const accepted = await book(wallets.otherPatient, wallets.doctor, start + HOUR);
    await mined(appointmentsFor(wallets.doctor).accept(accepted, GAS));
    const cancelled = await book(wallets.patient, wallets.doctor, start + 2 * HOUR);
    await mined(appointmentsFor(wallets.patient).cancel(cancelled, GAS));

    const slots = await slotsOf(wallets.doctor, { from: start, to: start + 3 * HOUR });

    expect(slots.feeWei).toBe(FEE.toString());
    expect(slots.slotLength).toBe(SLOT_LENGTH);
    expect(startsOf(slots)).toEqual([start + HOUR / 2, start + HOUR + HOUR / 2, start + 2 * HOUR, start + 2.5 * HOUR]);
    expect(slots.slots.map((slot) => Date.parse(slot.end) - Date.parse(slot.start))).toEqual(
      Array(4).fill(SLOT_LENGTH * 1000),
    );
  });

  test('When a Berlin doctor consults 09:00–12:00 daily, then the slots start at 08:00 UTC in winter time and 07:00 UTC in summer time', async () => {
    const hours = {
      timeZone: 'Europe/Berlin',
      sessions: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
    };
    await agents.berlinDoctor.put('/api/doctors/me/practice').send(hours).expect(200);
    const from = Math.floor(((await chainNow()) + 2 * DAY) / DAY) * DAY;

    const slots = await slotsOf(wallets.berlinDoctor, { from, to: from + 7 * DAY });

    expect(slots.timeZone).toBe('Europe/Berlin');
    const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
    const berlinOffset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' });
    const byDay = new Map<string, Date[]>();
    for (const { start } of slots.slots) {
      const at = new Date(start);
      byDay.set(berlinDate.format(at), [...(byDay.get(berlinDate.format(at)) ?? []), at]);
    }
    expect(byDay.size).toBe(7);
    for (const starts of byDay.values()) {
      const offset = berlinOffset.formatToParts(starts[0]).find((part) => part.type === 'timeZoneName')!.value;
      const firstUtcHour = offset === 'GMT+2' ? 7 : 8; // CEST, else CET
      expect(starts.map((at) => at.toISOString().slice(11, 16))).toEqual([
        `0${firstUtcHour}:00`,
        `0${firstUtcHour}:30`,
        `${String(firstUtcHour + 1).padStart(2, '0')}:00`,
        `${String(firstUtcHour + 1).padStart(2, '0')}:30`,
        `${String(firstUtcHour + 2).padStart(2, '0')}:00`,
        `${String(firstUtcHour + 2).padStart(2, '0')}:30`,
      ]);
    }
  });

  test('When a 31-day range holds more than 500 slots, then the earliest 500 are answered', async () => {
    const now = await chainNow();

    const slots = await slotsOf(wallets.doctor, { from: now, to: now + 31 * DAY });

    expect(slots.slots).toHaveLength(500);
    expect(startsOf(slots)[0]).toBeGreaterThan(Date.parse(slots.chainTime) / 1000);
  });

  test.each([
    ['to before from', { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' }, 'SLOTS_RANGE', 'to: '],
    ['to equal to from', { from: '2030-01-02T00:00:00Z', to: '2030-01-02T00:00:00Z' }, 'SLOTS_RANGE', 'to: '],
    ['more than 31 days', { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:01Z' }, 'SLOTS_RANGE', 'to: '],
    ['a from that is not a date-time', { from: 'tomorrow' }, 'VALIDATION_FAILED', 'from: '],
    ['an unknown parameter', { days: '3' }, 'VALIDATION_FAILED', 'days'],
  ])('When a patient asks for %s, then 400 names the field', async (_case, query, code, field) => {
    const response = await agents.patient.get(`/api/doctors/${wallets.doctor.address}/slots`).query(query).expect(400);

    expect(response.body.error).toEqual({ code, message: expect.stringContaining(field) });
  });

  test('When another doctor asks for a doctor’s slots, then 403; for an account that is no doctor, patients get 404', async () => {
    const refused = await agents.otherDoctor.get(`/api/doctors/${wallets.doctor.address}/slots`).expect(403);
    const unknown = await agents.patient.get(`/api/doctors/${wallets.unregistered.address}/slots`).expect(404);
    const noPractice = await agents.patient.get(`/api/doctors/${wallets.unregistered.address}/practice`).expect(404);

    expect(refused.body.error.code).toBe('SLOTS_PATIENTS_ONLY');
    expect(unknown.body.error.code).toBe('DOCTOR_NOT_FOUND');
    expect(noPractice.body.error.code).toBe('DOCTOR_NOT_FOUND');
  });

  test('When chain time moves past some slots (evm_increaseTime), then they are no longer offered', async () => {
    const now = await chainNow();
    const range = { from: now, to: now + 6 * HOUR };
    const before = await slotsOf(wallets.doctor, range);

    await chain.provider.send('evm_increaseTime', [2 * HOUR]);
    await chain.provider.send('evm_mine', []);
    const after = await slotsOf(wallets.doctor, range);

    const chainTime = Date.parse(after.chainTime) / 1000;
    expect(chainTime).toBeGreaterThanOrEqual(now + 2 * HOUR);
    expect(startsOf(before).filter((start) => start <= chainTime).length).toBeGreaterThanOrEqual(3);
    expect(after.slots).toEqual(before.slots.filter((slot) => Date.parse(slot.start) / 1000 > chainTime));
  });
});
