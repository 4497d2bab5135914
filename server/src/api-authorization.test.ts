/**
 * Who may call what, for every /api route of today (auth, doctors, consent, health/config, the API
 * description): each route × admin, verified doctor, pending doctor, patient, another patient, an
 * unregistered account and an anonymous caller, against the real app and chain.
 */
import { openTestApp, testChain, type TestApp, type TestChain } from './test-support/test-app';
import {
  describeAuthorizationMatrix,
  everyone,
  matrixLicence,
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
const adminOnly = { ...signedIn(403), admin: 200 };

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

describeAuthorizationMatrix('Doctors', () => callers, [
  { method: 'get', path: '/api/doctors', expected: adminOnly },
  { method: 'get', path: '/api/doctors', query: { status: 'pending' }, expected: adminOnly },
  { method: 'get', path: '/api/doctors', query: { status: 'verified' }, expected: signedIn(200) },
  { method: 'get', path: '/api/doctors/{verifiedDoctor}', expected: signedIn(200) },
  // A doctor not verified is seen by admins and by themselves; everyone else gets the 404 of an unknown address.
  {
    method: 'get',
    path: '/api/doctors/{pendingDoctor}',
    expected: { ...signedIn(404), admin: 200, pendingDoctor: 200 },
  },
  {
    method: 'put',
    path: '/api/doctors/me/profile',
    body: { displayName: 'Dr. Matrix' },
    expected: { ...signedIn(404), verifiedDoctor: 200, pendingDoctor: 200 },
  },
  // The pending doctor's own licence: it opens their on-chain hash only. Accounts that are not doctors may store
  // a licence before registering (the browser stores first, then commits on chain).
  {
    method: 'put',
    path: '/api/doctors/me/licence',
    body: matrixLicence(ACCOUNTS.pendingDoctor),
    expected: { ...signedIn(204), verifiedDoctor: 409 },
  },
  { method: 'get', path: '/api/doctors/{pendingDoctor}/licence', expected: adminOnly },
]);

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
