/**
 * /api/audit as its callers see it: a doctor's reads of a patient's profile (and a refused read) show up
 * in that patient's /api/audit/me, nobody else's; opening an appointment is not a health-data read (the
 * booking reason is an encrypted note: the read of its key is what is audited, in document-keys); admins
 * search and verify; every route × caller in the authorization matrix.
 */
import type { AuditPage } from '@api';
import { UNTIL_REVOKED } from '@test-support/constants';
import { describeAuthorizationMatrix, everyone, type MatrixCallers } from '../../../test-support/authorization-matrix';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { buildAppointmentsWorld, type AppointmentsWorld } from '../../appointments/test/appointments-world';

// Accounts used only by this file (funded here): 440 verified doctor, 441 pending doctor, 442 and 443 patients,
// 444 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 440, pendingDoctor: 441, patient: 442, otherPatient: 443, unregistered: 444 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
let bookingId: bigint;

beforeAll(async () => {
  testApp = await openTestApp('audit-api');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Ada', 'Audit'],
    patient: ['Peter', 'Audit'],
    otherPatient: ['Olive', 'Audit'],
  });
  const patient = await fundedWallet(ACCOUNTS.patient, chain.provider);
  await (await chain.consentFor(patient).grantAccess(world.callers.address.verifiedDoctor, UNTIL_REVOKED, GAS)).wait();
  bookingId = await world.book('patient', world.slot(1), 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const callers = (): MatrixCallers => world.callers;
const auditOf = async (who: 'patient' | 'otherPatient') =>
  (await callers().agent[who].get('/api/audit/me').expect(200)).body as AuditPage;

describe('GET /api/audit/me', () => {
  test("When a doctor with a consent grant reads the patient's profile, then the patient sees who, what and why", async () => {
    // Act
    await callers().agent.verifiedDoctor.get(`/api/patients/${callers().address.patient}`).expect(200);

    // Assert
    const { items } = await auditOf('patient');
    expect(items[0]).toMatchObject({
      actor: callers().address.verifiedDoctor,
      patient: callers().address.patient,
      what: 'patient.profile.health',
      outcome: 'allowed',
      why: 'consent grant',
    });
  });

  test('When the doctor opens the appointment, then nothing is added: it carries only the encrypted reason note’s CID', async () => {
    const before = (await auditOf('patient')).total;

    const { body } = await callers().agent.verifiedDoctor.get(`/api/appointments/${bookingId}`).expect(200);

    expect(body).toMatchObject({ reasonCid: 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o' });
    expect(body).not.toHaveProperty('reason');
    expect((await auditOf('patient')).total).toBe(before);
  });

  test('When the patient reads their own appointment and profile, then nothing is added (self-reads are not disclosures)', async () => {
    const before = (await auditOf('patient')).total;

    await callers().agent.patient.get(`/api/appointments/${bookingId}`).expect(200);
    await callers().agent.patient.get('/api/patients/me').expect(200);

    expect((await auditOf('patient')).total).toBe(before);
  });

  test("When a doctor without access tries the patient's profile, then they get 404 and the patient sees a denied entry", async () => {
    await callers().agent.pendingDoctor.get(`/api/patients/${callers().address.patient}`).expect(404);

    const { items } = await auditOf('patient');
    expect(items[0]).toMatchObject({
      actor: callers().address.pendingDoctor,
      what: 'patient.profile',
      outcome: 'denied',
      why: expect.stringContaining('no current consent grant'),
    });
  });

  test("When another patient asks for their log, then they see none of this patient's entries", async () => {
    expect(await auditOf('otherPatient')).toEqual({ items: [], total: 0 });
  });
});

describe('GET /api/audit (admins)', () => {
  test('When the admin filters by patient and outcome, then only those entries come back, newest first', async () => {
    await callers().agent.verifiedDoctor.get(`/api/patients/${callers().address.patient}`).expect(200);
    const { body } = await callers()
      .agent.admin.get('/api/audit')
      .query({ patient: callers().address.patient.toLowerCase(), outcome: 'allowed' })
      .expect(200);

    const page = body as AuditPage;
    expect(page.items.map((entry) => entry.what)).toEqual(['patient.profile.health', 'patient.profile.health']);
    expect(page.items[0].seq).toBeGreaterThan(page.items[1].seq);
  });

  test('When the admin gives an unknown outcome, then the 400 names the field', async () => {
    const { body } = await callers().agent.admin.get('/api/audit').query({ outcome: 'maybe' }).expect(400);
    expect(JSON.stringify(body)).toContain('outcome');
  });

  test('When the admin verifies, then the chain holds every entry so far', async () => {
    const { body } = await callers().agent.admin.get('/api/audit/verify').expect(200);
    expect(body).toEqual({ ok: true, entries: 3, anchoring: 'off', anchored: null });
  });
});

describeAuthorizationMatrix('Audit API', callers, [
  {
    method: 'get',
    path: '/api/audit/me',
    expected: { ...everyone(403), patient: 200, otherPatient: 200, anonymous: 401 },
  },
  { method: 'get', path: '/api/audit', expected: { ...everyone(403), admin: 200, anonymous: 401 } },
  { method: 'get', path: '/api/audit/verify', expected: { ...everyone(403), admin: 200, anonymous: 401 } },
]);
