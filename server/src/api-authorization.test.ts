/**
 * Who may call what, for every /api route of today (auth, doctors, consent, health/config, the API
 * description): each route × admin, verified doctor, pending doctor, patient, another patient, an
 * unregistered account and an anonymous caller, against the real app and chain.
 */
import { openTestApp, testChain, type TestApp, type TestChain } from './test-support/test-app';
import {
  describeAuthorizationMatrix,
  everyone,
  signInCallers,
  type MatrixCallers,
} from './test-support/authorization-matrix';

// Accounts used only by this file (funded here): 140 verified doctor, 141 pending doctor, 142 and 143 patients,
// 144 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 140, pendingDoctor: 141, patient: 142, otherPatient: 143, unregistered: 144 };
let testApp: TestApp;
let chain: TestChain;
let callers: MatrixCallers;

beforeAll(async () => {
  testApp = await openTestApp('api-authorization');
  chain = await testChain();
  callers = await signInCallers(testApp.app, chain, ACCOUNTS);
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });

describeAuthorizationMatrix('Platform and API description', () => callers, [
  { method: 'get', path: '/api/health', expected: everyone(200) },
  { method: 'get', path: '/api/config', expected: everyone(200) },
  { method: 'get', path: '/api/openapi.json', expected: everyone(200) },
  { method: 'get', path: '/api/docs', expected: everyone(200) },
  { method: 'get', path: '/api/docs/reference.js', expected: everyone(200) },
  { method: 'get', path: '/api/docs/swagger-ui.css', expected: everyone(200) },
  { method: 'get', path: '/api/docs/swagger-ui-bundle.js', expected: everyone(200) },
]);

describeAuthorizationMatrix('Auth', () => callers, [
  { method: 'get', path: '/api/auth/nonce', expected: everyone(200) },
  { method: 'post', path: '/api/auth/verify', body: {}, expected: everyone(400) },
  { method: 'get', path: '/api/me', expected: signedIn(200) },
]);

// The doctors routes have their own, fuller matrix: components/doctors/test/doctor-routes-matrix.test.ts.
describeAuthorizationMatrix('Consent', () => callers, [
  {
    method: 'get',
    path: '/api/consent/{patient}/{verifiedDoctor}',
    expected: { ...signedIn(403), admin: 200, patient: 200, verifiedDoctor: 200 },
  },
  { method: 'get', path: '/api/consent/{patient}', expected: { ...signedIn(403), admin: 200, patient: 200 } },
]);

// Last: it ends every caller's session.
describeAuthorizationMatrix('Sign-out', () => callers, [
  { method: 'post', path: '/api/auth/logout', expected: everyone(204) },
  { method: 'get', path: '/api/me', expected: everyone(401) },
]);
