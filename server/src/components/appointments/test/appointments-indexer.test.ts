/**
 * The appointments read model against the real chain: every event applied twice changes nothing, and a
 * rebuild from the deployment block gives the same documents, payments included.
 */
import mongoose from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { SLOT_LENGTH } from '@test-support/constants';
import { GAS, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildAppointmentsWorld, FEE, mined, type AppointmentsWorld } from './appointments-world';

// Accounts used only by this file (funded here): 305 verified doctor, 306 pending doctor, 307 and 308 patients,
// 309 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 305, pendingDoctor: 306, patient: 307, otherPatient: 308, unregistered: 309 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
const ids = {} as Record<'rescheduled' | 'rejected' | 'cancelled' | 'completed' | 'settledNoShow', bigint>;

const chainNow = async () => (await chain.provider.getBlock('latest'))!.timestamp;

/** Waits (in real time: the chain's clock follows it) until the chain's time has reached `slot`. */
async function untilChainTime(slot: number): Promise<void> {
  while ((await chainNow()) < slot) {
    await sleep(500);
    await chain.provider.send('evm_mine', []);
  }
}

beforeAll(async () => {
  testApp = await openTestApp('appointments-indexer');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Ines', 'Indexer'],
    patient: ['Paul', 'Indexer'],
    otherPatient: ['Olga', 'Indexer'],
  });
  const { as } = world;
  ids.rescheduled = await world.book('patient', world.slot(0));
  await mined(as.verifiedDoctor.accept(ids.rescheduled, GAS));
  await mined(as.patient.reschedule(ids.rescheduled, world.slot(5), GAS));
  ids.rejected = await world.book('otherPatient', world.slot(1));
  await mined(as.verifiedDoctor.reject(ids.rejected, GAS));
  ids.cancelled = await world.book('patient', world.slot(2));
  await mined(as.patient.cancel(ids.cancelled, GAS));
  // Closing needs the slot to have started: book a few seconds ahead and wait for it. A closed appointment
  // frees its time, so the second one can start at once too.
  let soon = (await chainNow()) + 4;
  ids.completed = await world.book('patient', soon);
  await mined(as.verifiedDoctor.accept(ids.completed, GAS));
  await untilChainTime(soon);
  await mined(as.verifiedDoctor.complete(ids.completed, GAS));
  soon = (await chainNow()) + 4;
  ids.settledNoShow = await world.book('otherPatient', soon);
  await mined(as.verifiedDoctor.accept(ids.settledNoShow, GAS));
  await untilChainTime(soon);
  await mined(as.verifiedDoctor.markNoShow(ids.settledNoShow, GAS));
  await mined(as.otherPatient.disputeNoShow(ids.settledNoShow, GAS));
  await mined(as.admin.settleDispute(ids.settledNoShow, false, GAS));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const appointments = () => mongoose.connection.collection('appointments');
const cursors = () => mongoose.connection.collection('indexer_cursors');

/** This file's appointments as stored, so other files' concurrent bookings cannot disturb the comparison. */
const ownAppointments = () =>
  appointments()
    .find({ doctor: world.callers.address.verifiedDoctor }, { projection: { _id: 0 } })
    .sort({ requestedPosition: 1 })
    .toArray();

describe('Appointments read model', () => {
  test('When the indexer has applied the events, then each appointment holds its chain state, history and payments', async () => {
    const stored = new Map((await ownAppointments()).map((doc) => [doc.id as string, doc]));
    const fee = FEE.toString();
    const { patient, otherPatient, verifiedDoctor, admin } = world.callers.address;

    expect(stored.get(ids.rescheduled.toString())).toMatchObject({
      status: 'accepted',
      slot: new Date(world.slot(5) * 1000),
      slotEnd: new Date((world.slot(5) + SLOT_LENGTH) * 1000),
      duration: SLOT_LENGTH,
      feeSettled: false,
      acceptedAt: expect.any(Date),
      history: [
        expect.objectContaining({ kind: 'requested', status: 'requested', by: patient }),
        expect.objectContaining({ kind: 'status', status: 'accepted', by: verifiedDoctor }),
        expect.objectContaining({
          kind: 'rescheduled',
          status: 'accepted',
          by: patient,
          previousSlot: new Date(world.slot(0) * 1000),
        }),
      ],
      payments: [expect.objectContaining({ kind: 'escrowed', amountWei: fee })],
    });
    expect(stored.get(ids.rejected.toString())).toMatchObject({
      status: 'rejected',
      feeSettled: true,
      payments: [
        expect.objectContaining({ kind: 'escrowed', amountWei: fee }),
        expect.objectContaining({ kind: 'released', payee: otherPatient, amountWei: fee }),
      ],
    });
    expect(stored.get(ids.cancelled.toString())).toMatchObject({
      status: 'cancelled',
      payments: [expect.objectContaining({ kind: 'escrowed' }), expect.objectContaining({ payee: patient })],
    });
    expect(stored.get(ids.completed.toString())).toMatchObject({
      status: 'completed',
      feeSettled: true,
      payments: [expect.objectContaining({ kind: 'escrowed' }), expect.objectContaining({ payee: verifiedDoctor })],
    });
    expect(stored.get(ids.settledNoShow.toString())).toMatchObject({
      status: 'no-show',
      feeSettled: true,
      history: [
        expect.objectContaining({ status: 'requested' }),
        expect.objectContaining({ status: 'accepted' }),
        expect.objectContaining({ status: 'no-show', by: verifiedDoctor }),
        expect.objectContaining({ status: 'disputed', by: otherPatient }),
        expect.objectContaining({ status: 'no-show', by: admin }),
      ],
      payments: [expect.objectContaining({ kind: 'escrowed' }), expect.objectContaining({ payee: verifiedDoctor })],
    });
  });

  test('When every event is applied a second time (the cursor moved back, no reset), then the documents are unchanged', async () => {
    const before = await ownAppointments();
    // Same fingerprint, moved back before the first deployment (the Registry's): every log is handled again.
    await cursors().updateMany({}, { $set: { lastBlock: testApp.runtime.chain.deployments.Registry.blockNumber - 1 } });

    const replay = await testApp.runtime.indexer.syncNow();

    expect(replay.rebuilt).toBe(false);
    expect(replay.logsApplied).toBeGreaterThan(0);
    expect(await ownAppointments()).toEqual(before);
  });

  test('When the collection and the cursor are dropped and the chain re-indexed from the deployment block, then the same documents come out', async () => {
    const before = await ownAppointments();
    expect(before).toHaveLength(5);
    await appointments().drop();
    await cursors().deleteMany({});
    // As a restart would (connectMongo builds every model's indexes): the unique id index is back.
    await mongoose.model('Appointment').createIndexes();

    const rebuild = await testApp.runtime.indexer.syncNow();

    expect(rebuild.rebuilt).toBe(true);
    expect(await ownAppointments()).toEqual(before);
  });
});
