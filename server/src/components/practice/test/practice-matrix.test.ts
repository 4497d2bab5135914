/**
 * The authorization matrix of PRACTICE_ROUTES: each route × (admin, verified doctor, pending doctor,
 * patient, another patient, unregistered, anonymous). Anonymous is 401 everywhere; only verified doctors
 * save hours; a doctor who is not verified is unknown (404) to everyone but admins and themselves; only
 * patients, the doctor and admins see free slots.
 */
import { PRACTICE_ROUTES } from '@api/practice';
import { openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import {
  describeAuthorizationMatrix,
  everyone,
  signInCallers,
  type MatrixCallers,
  type MatrixRow,
} from '../../../test-support/authorization-matrix';

// Accounts used only by this file (funded here): 340 verified doctor, 341 pending doctor, 342 and 343 patients,
// 344 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 340, pendingDoctor: 341, patient: 342, otherPatient: 343, unregistered: 344 };
const HOURS = { timeZone: 'Europe/Berlin', sessions: [{ weekday: 1, start: '09:00', end: '12:00' }] };

let testApp: TestApp;
let chain: TestChain;
let callers: MatrixCallers;

beforeAll(async () => {
  testApp = await openTestApp('practice-matrix');
  chain = await testChain();
  callers = await signInCallers(testApp.app, chain, ACCOUNTS);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });

const ROWS: MatrixRow[] = [
  {
    method: 'put',
    path: '/api/doctors/me/practice',
    body: HOURS,
    expected: { ...signedIn(403), verifiedDoctor: 200 },
  },
  { method: 'get', path: '/api/doctors/{verifiedDoctor}/practice', expected: signedIn(200) },
  {
    method: 'get',
    path: '/api/doctors/{pendingDoctor}/practice',
    expected: { ...signedIn(404), admin: 200, pendingDoctor: 200 },
  },
  { method: 'get', path: '/api/doctors/{unregistered}/practice', expected: signedIn(404) },
  {
    method: 'get',
    path: '/api/doctors/{verifiedDoctor}/slots',
    expected: { ...signedIn(200), pendingDoctor: 403, unregistered: 403 },
  },
  {
    // Allowed callers learn the doctor has no slots (not verified); the others are refused before that.
    method: 'get',
    path: '/api/doctors/{pendingDoctor}/slots',
    expected: { ...signedIn(404), verifiedDoctor: 403, unregistered: 403 },
  },
];

describe('Practice routes', () => {
  test('Every route of PRACTICE_ROUTES is in the matrix', () => {
    const covered = new Set(ROWS.map((row) => `${row.method} ${row.path.replace(/\{\w+\}/g, ':address')}`));
    for (const spec of PRACTICE_ROUTES) expect(covered).toContain(`${spec.method} ${spec.path}`);
  });
});

describeAuthorizationMatrix('Practice', () => callers, ROWS);
