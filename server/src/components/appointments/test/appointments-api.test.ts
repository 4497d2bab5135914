/**
 * GET /api/appointments and /:id, the notes and the statistics as the parties and admins see them: filters,
 * bad filters named in the 400, the booking reason as the CID of an encrypted note (the server never holds
 * its text), the rejection reason only for the two parties, and the charts agreeing with the chain.
 */
import mongoose from 'mongoose';
import type { AppointmentPage, AppointmentStats, AppointmentView } from '@api';
import { LISTED_APPOINTMENT_STATUSES } from '@api';
import { appointmentGroundForReason } from '..';
import { GAS, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildAppointmentsWorld, mined, type AppointmentsWorld } from './appointments-world';

// Accounts used only by this file (funded here): 310 verified doctor, 311 pending doctor, 312 and 313 patients,
// 314 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 310, pendingDoctor: 311, patient: 312, otherPatient: 313, unregistered: 314 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
const ids = {} as Record<'first' | 'second' | 'rejected' | 'other', bigint>;
/** The CID of the patient's encrypted reason note (any CID: the server never opens it). */
const REASON_CID = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o';
const REJECTION = 'Please see a neurologist instead';

beforeAll(async () => {
  testApp = await openTestApp('appointments-api');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Ada', 'Api'],
    patient: ['Peter', 'Api'],
    otherPatient: ['Olive', 'Api'],
  });
  ids.first = await world.book('patient', world.slot(3), REASON_CID);
  ids.second = await world.book('patient', world.slot(1));
  await mined(world.as.verifiedDoctor.accept(ids.second, GAS));
  ids.rejected = await world.book('patient', world.slot(2));
  await mined(world.as.verifiedDoctor.reject(ids.rejected, GAS));
  await world.callers.agent.verifiedDoctor
    .put(`/api/appointments/${ids.rejected}/rejection-reason`)
    .send({ text: REJECTION })
    .expect(204);
  ids.other = await world.book('otherPatient', world.slot(4));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const agent = (who: 'admin' | 'patient' | 'verifiedDoctor' | 'otherPatient') => world.callers.agent[who];
const list = async (who: Parameters<typeof agent>[0], query: Record<string, string | number> = {}) =>
  (await agent(who).get('/api/appointments').query(query).expect(200)).body as AppointmentPage;
const idsOf = (page: AppointmentPage) => page.items.map((item) => item.id);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('GET /api/appointments', () => {
  test("When the patient lists, then they get their own bookings sorted by slot, with both names and the chain's time", async () => {
    const page = await list('patient');
    expect(idsOf(page)).toEqual([ids.second, ids.rejected, ids.first].map(String));
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      patientName: 'Peter Api',
      doctorName: expect.stringMatching(/^Dr\.? Ada Api$/),
      status: 'accepted',
      slot: iso(world.slot(1)),
      closingDeadline: expect.any(String),
    });
    const latest = (await chain.provider.getBlock('latest'))!.timestamp;
    expect(Date.parse(page.chainTime) / 1000).toBeGreaterThanOrEqual(latest - 60);
  });

  test("When the doctor lists, then their queue holds every patient's booking, and order=desc reverses it", async () => {
    expect(idsOf(await list('verifiedDoctor'))).toEqual([ids.second, ids.rejected, ids.first, ids.other].map(String));
    expect(idsOf(await list('verifiedDoctor', { order: 'desc' }))).toEqual(
      [ids.other, ids.first, ids.rejected, ids.second].map(String),
    );
  });

  test('When filtered by status, from/to and paged, then only the matching appointments come, with the total of all matches', async () => {
    expect(idsOf(await list('verifiedDoctor', { status: 'requested' }))).toEqual([ids.first, ids.other].map(String));
    expect(idsOf(await list('verifiedDoctor', { status: 'accepted,rejected' }))).toEqual(
      [ids.second, ids.rejected].map(String),
    );
    const window = await list('verifiedDoctor', { from: iso(world.slot(2)), to: iso(world.slot(4)) });
    expect(idsOf(window)).toEqual([ids.rejected, ids.first].map(String));
    const paged = await list('verifiedDoctor', { offset: 1, limit: 2 });
    expect({ ids: idsOf(paged), total: paged.total }).toEqual({ ids: [ids.rejected, ids.first].map(String), total: 4 });
  });

  test.each([
    ['status', { status: 'pending' }],
    ['from', { from: 'yesterday' }],
    ['to', { to: '2026-13-01T00:00:00Z' }],
    ['limit', { limit: 101 }],
    ['offset', { offset: -1 }],
    ['patient', { patient: '0x1234' }],
    ['order', { order: 'sideways' }],
  ])('When %s is invalid, then the answer is 400 naming it', async (field, query) => {
    const response = await agent('verifiedDoctor').get('/api/appointments').query(query).expect(400);
    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(field) });
  });

  test('When an admin narrows to one patient, then only that patient’s appointments come, without any rejection reason', async () => {
    const page = await list('admin', { patient: world.callers.address.otherPatient });
    expect(idsOf(page)).toEqual([String(ids.other)]);
    const everything = await list('admin', { doctor: world.callers.address.verifiedDoctor, limit: 100 });
    expect(everything.total).toBe(4);
    for (const item of everything.items) expect(item).not.toHaveProperty('rejectionReason');
  });
});

describe('The booking reason: an encrypted note the server knows only by its CID', () => {
  const read = async (who: Parameters<typeof agent>[0], id: bigint) =>
    (await agent(who).get(`/api/appointments/${id}`).expect(200)).body as AppointmentView;

  test('When anyone who may see the appointment reads it, then they get the reason note’s CID from the chain, never a reason text', async () => {
    for (const who of ['patient', 'verifiedDoctor', 'admin'] as const) {
      const view = await read(who, ids.first);
      expect(view.reasonCid).toBe(REASON_CID);
      expect(view).not.toHaveProperty('reason');
    }
    expect(await read('patient', ids.second)).not.toHaveProperty('reasonCid'); // booked without a reason
    // The doctor's queue carries it too, so the browser can fetch and decrypt the note.
    const queue = await list('verifiedDoctor', { status: 'requested' });
    expect(queue.items.find((item) => item.id === String(ids.first))).toMatchObject({ reasonCid: REASON_CID });
  });

  test('When the patient tries the old plaintext route, then it is gone and MongoDB holds no reason text', async () => {
    const response = await agent('patient')
      .put(`/api/appointments/${ids.first}/reason`)
      .send({ text: 'Recurring headaches since March' })
      .expect(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
    const notes = mongoose.connection.collection('appointment_notes');
    expect(await notes.countDocuments({ reason: { $exists: true } })).toBe(0);
  });

  test('When the key server asks for the ground of a reason note, then only its patient, its doctor and its CID name the appointment', async () => {
    const { patient, otherPatient, verifiedDoctor, pendingDoctor } = world.callers.address;
    expect(await appointmentGroundForReason(patient, verifiedDoctor, REASON_CID)).toBe(`appointment #${ids.first}`);
    expect(await appointmentGroundForReason(patient.toLowerCase(), verifiedDoctor.toLowerCase(), REASON_CID)).toBe(
      `appointment #${ids.first}`,
    );
    expect(await appointmentGroundForReason(otherPatient, verifiedDoctor, REASON_CID)).toBeNull();
    expect(await appointmentGroundForReason(patient, pendingDoctor, REASON_CID)).toBeNull();
    expect(await appointmentGroundForReason(verifiedDoctor, patient, REASON_CID)).toBeNull();
    expect(await appointmentGroundForReason(patient, verifiedDoctor, 'QmSomethingElse')).toBeNull();
    expect(await appointmentGroundForReason(patient, verifiedDoctor, '')).toBeNull();
  });
});

describe('The rejection reason: only the two parties read it', () => {
  test('When the patient and the doctor read, then they see the rejection reason; the admin does not', async () => {
    const read = async (who: Parameters<typeof agent>[0], id: bigint) =>
      (await agent(who).get(`/api/appointments/${id}`).expect(200)).body as AppointmentView;

    expect(await read('patient', ids.rejected)).toMatchObject({ rejectionReason: REJECTION });
    expect(await read('verifiedDoctor', ids.rejected)).toMatchObject({ rejectionReason: REJECTION });
    expect(await read('admin', ids.rejected)).not.toHaveProperty('rejectionReason');
  });

  test('When a rejection reason is empty or too long, then the answer is 400 naming the text', async () => {
    for (const text of ['   ', 'x'.repeat(1001)]) {
      const response = await agent('verifiedDoctor')
        .put(`/api/appointments/${ids.rejected}/rejection-reason`)
        .send({ text })
        .expect(400);
      expect(response.body.error.message).toContain('text');
    }
  });
});

describe('GET /api/appointments/stats', () => {
  test('When an admin asks, then 30 consecutive UTC days end on the chain’s day and the counts agree with the chain', async () => {
    const synced = await testApp.runtime.indexer.syncNow();
    const stats = (await agent('admin').get('/api/appointments/stats').expect(200)).body as AppointmentStats;

    const latest = (await chain.provider.getBlock('latest'))!.timestamp;
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perDay.at(-1)!.day).toBe(new Date(latest * 1000).toISOString().slice(0, 10));
    const dayMs = 24 * 3600 * 1000;
    stats.perDay.forEach((entry, index) => {
      if (index > 0) expect(Date.parse(entry.day) - Date.parse(stats.perDay[index - 1].day)).toBe(dayMs);
    });
    expect(Object.keys(stats.byStatus).sort()).toEqual([...LISTED_APPOINTMENT_STATUSES].sort());
    // Every appointment of the shared chain up to the indexed block (other test files book too).
    const count = Number(await world.as.admin.appointmentCount({ blockTag: synced.toBlock }));
    expect(stats.total).toBe(count);
    expect(stats.perDay.reduce((sum, entry) => sum + entry.count, 0)).toBeLessThanOrEqual(count);
    expect(stats.perDay.at(-1)!.count).toBeGreaterThanOrEqual(4);
  });
});
