/**
 * GET /api/appointments/stream: a request reaches the doctor's open stream as soon as the indexer applies
 * it, and a stranger's stream never carries it; the doctor's rejection reason, saved after the rejection, is
 * announced too.
 */
import type { IncomingMessage } from 'node:http';
import type { Agent } from 'supertest';
import type { AppointmentChange } from '@api';
import { GAS, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildAppointmentsWorld, mined, type AppointmentsWorld } from './appointments-world';

// Accounts used only by this file (funded here): 315 verified doctor, 316 pending doctor, 317 and 318 patients,
// 319 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 315, pendingDoctor: 316, patient: 317, otherPatient: 318, unregistered: 319 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;

beforeAll(async () => {
  testApp = await openTestApp('appointments-stream');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Sam', 'Stream'],
    patient: ['Pia', 'Stream'],
    otherPatient: ['Otto', 'Stream'],
  });
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

interface OpenStream {
  /** The next `appointment` message on this stream. */
  next(): Promise<AppointmentChange>;
  close(): void;
}

/** Opens the stream with `agent`'s session; resolves once the server has started listening for changes. */
function openStream(agent: Agent): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const messages: AppointmentChange[] = [];
    const waiting: ((change: AppointmentChange) => void)[] = [];
    let buffered = '';
    agent
      .get('/api/appointments/stream')
      .buffer(true)
      .parse((response, done) => {
        // In Node, superagent hands its parsers the raw IncomingMessage.
        const res = response as unknown as IncomingMessage;
        res.setEncoding('utf8');
        const stream: OpenStream = {
          next: () =>
            messages.length > 0 ? Promise.resolve(messages.shift()!) : new Promise((deliver) => waiting.push(deliver)),
          close: () => {
            res.destroy();
            done(null, null);
          },
        };
        res.on('data', (chunk: string) => {
          if (buffered === '' && chunk.startsWith(': connected')) resolve(stream);
          buffered += chunk;
          const blocks = buffered.split('\n\n');
          buffered = blocks.pop() ?? '';
          for (const block of blocks) {
            const lines = block.split('\n');
            if (!lines.includes('event: appointment')) continue;
            const data = lines.find((line) => line.startsWith('data: '))!.slice('data: '.length);
            const change = JSON.parse(data) as AppointmentChange;
            const deliver = waiting.shift();
            if (deliver) deliver(change);
            else messages.push(change);
          }
        });
      })
      .end((error) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}

describe('GET /api/appointments/stream', () => {
  test("When a patient books, then the doctor's stream carries the request and a stranger's stream does not", async () => {
    const doctorStream = await openStream(world.callers.agent.verifiedDoctor);
    const strangerStream = await openStream(world.callers.agent.otherPatient);
    try {
      const booked = await world.book('patient', world.slot(0));
      await testApp.runtime.indexer.syncNow();

      expect(await doctorStream.next()).toEqual({
        id: String(booked),
        status: 'requested',
        patient: world.callers.address.patient,
        doctor: world.callers.address.verifiedDoctor,
      });

      // The stranger's own booking comes next on their stream: the first request was never sent to them.
      const own = await world.book('otherPatient', world.slot(1));
      await testApp.runtime.indexer.syncNow();
      expect(await strangerStream.next()).toEqual(expect.objectContaining({ id: String(own), status: 'requested' }));
      expect(await doctorStream.next()).toEqual(expect.objectContaining({ id: String(own) }));
    } finally {
      doctorStream.close();
      strangerStream.close();
    }
  });

  test("When the doctor saves the rejection reason, then the patient's stream announces it so their page shows it", async () => {
    const booked = await world.book('patient', world.slot(2));
    await mined(world.as.verifiedDoctor.reject(booked, GAS));
    await testApp.runtime.indexer.syncNow();
    const patientStream = await openStream(world.callers.agent.patient);
    try {
      await world.callers.agent.verifiedDoctor
        .put(`/api/appointments/${booked}/rejection-reason`)
        .send({ text: 'Please see a neurologist' })
        .expect(204);

      expect(await patientStream.next()).toEqual(expect.objectContaining({ id: String(booked), status: 'rejected' }));
      const view = await world.callers.agent.patient.get(`/api/appointments/${booked}`).expect(200);
      expect((view.body as { rejectionReason?: string }).rejectionReason).toBe('Please see a neurologist');
    } finally {
      patientStream.close();
    }
  });
});
