/**
 * The authorization matrix of APPOINTMENT_ROUTES: every route × (admin, the appointment's doctor, another
 * doctor, the appointment's patient, another patient, an unregistered account, anonymous). Anonymous is 401
 * everywhere; anybody who is not a party (nor an admin, for reading) gets 404, never the appointment.
 */
import type { IncomingMessage } from 'node:http';
import { APPOINTMENT_ROUTES } from '@api/appointments';
import {
  CALLERS,
  describeAuthorizationMatrix,
  everyone,
  type Caller,
  type MatrixRow,
} from '../../../test-support/authorization-matrix';
import { GAS, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildAppointmentsWorld, mined, type AppointmentsWorld } from './appointments-world';

// Accounts used only by this file (funded here): 300 verified doctor, 301 pending doctor ("another doctor"),
// 302 the patient, 303 another patient, 304 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 300, pendingDoctor: 301, patient: 302, otherPatient: 303, unregistered: 304 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
/** Requested: a rejection reason may not be written yet. */
let openId: bigint;
/** Rejected by the doctor: the rejection reason may be written. */
let rejectedId: bigint;

beforeAll(async () => {
  testApp = await openTestApp('appointments-matrix');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Mira', 'Matrix'],
    patient: ['Pat', 'Matrix'],
    otherPatient: ['Olly', 'Matrix'],
  });
  openId = await world.book('patient', world.slot(0));
  rejectedId = await world.book('patient', world.slot(1));
  await mined(world.as.verifiedDoctor.reject(rejectedId, GAS));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
/** Only the appointment's `party` (not admins, not anybody else) may do it. */
const onlyParty = (party: Caller, status: number) => ({ ...signedIn(404), [party]: status });
const UNKNOWN_ID = '999999999';
const note = { text: 'Recurring headaches since March' };

const ROWS: MatrixRow[] = [
  { method: 'get', path: '/api/appointments', expected: signedIn(200) },
  {
    method: 'get',
    path: '/api/appointments?patient={patient}',
    expected: { ...signedIn(403), admin: 200, patient: 200 },
  },
  {
    method: 'get',
    path: '/api/appointments?doctor={verifiedDoctor}',
    expected: { ...signedIn(403), admin: 200, verifiedDoctor: 200 },
  },
  { method: 'get', path: '/api/appointments/stats', expected: { ...signedIn(403), admin: 200 } },
  {
    method: 'get',
    path: '/api/appointments/{openId}',
    expected: { ...signedIn(404), admin: 200, patient: 200, verifiedDoctor: 200 },
  },
  { method: 'get', path: `/api/appointments/${UNKNOWN_ID}`, expected: signedIn(404) },
  {
    method: 'put',
    path: '/api/appointments/{rejectedId}/rejection-reason',
    body: note,
    expected: onlyParty('verifiedDoctor', 204),
  },
  {
    method: 'put',
    path: '/api/appointments/{openId}/rejection-reason',
    body: note,
    expected: onlyParty('verifiedDoctor', 409),
  },
];

/**
 * The matrix fills `{name}` in a path from the callers' address book; the appointments this file booked
 * join it under `openId` and `rejectedId`, as their ids exist only once beforeAll has run.
 */
const callersWithAppointments = () => ({
  ...world.callers,
  address: { ...world.callers.address, openId: String(openId), rejectedId: String(rejectedId) },
});

describeAuthorizationMatrix('Appointments', callersWithAppointments, ROWS);

/** The stream never ends by itself: its status is read from the first bytes, then the connection is dropped. */
async function streamStatus(caller: Caller): Promise<{ status: number; contentType: string | undefined }> {
  const response = await world.callers.agent[caller]
    .get('/api/appointments/stream')
    .buffer(true)
    .parse((response, done) => {
      // In Node, superagent hands its parsers the raw IncomingMessage.
      const res = response as unknown as IncomingMessage;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (res.headers['content-type']?.startsWith('text/event-stream')) {
          done(null, text);
          res.destroy();
        }
      });
      res.on('end', () => done(null, text));
    });
  return { status: response.status, contentType: response.headers['content-type'] };
}

describe('Appointments: GET /api/appointments/stream', () => {
  test.each(CALLERS.map((caller) => [caller, caller === 'anonymous' ? 401 : 200] as const))(
    'GET /api/appointments/stream as %s → %i',
    async (caller, status) => {
      const answered = await streamStatus(caller);
      expect(answered.status).toBe(status);
      if (status === 200) expect(answered.contentType).toMatch(/^text\/event-stream/);
    },
  );
});

describe('Appointments routes', () => {
  test('Every route of APPOINTMENT_ROUTES is in the matrix', () => {
    const covered = new Set([
      ...ROWS.map((row) => `${row.method.toUpperCase()} ${row.path.split('?')[0].replace(/\/(\{\w+\}|\d+)/, '/:id')}`),
      'GET /api/appointments/stream',
    ]);
    for (const spec of APPOINTMENT_ROUTES) expect(covered).toContain(`${spec.method.toUpperCase()} ${spec.path}`);
  });
});
