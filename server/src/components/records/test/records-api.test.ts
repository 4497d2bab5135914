/**
 * GET /api/records as its callers see it: the patient, an admin and a doctor with the patient's current consent
 * read the record; a doctor without a grant, with an expired grant, with a revoked grant, and another patient are
 * refused with RECORDS_NO_ACCESS; every read by someone other than the patient, allowed or refused, is in the
 * patient's access log. Then every records route × caller in the authorization matrix.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent } from 'supertest';
import { RECORD_ROUTES, type AuditPage, type RecordsPage } from '@api';
import { devAccount } from '@test-support/dev-chain';
import { describeAuthorizationMatrix, everyone, type MatrixRow } from '../../../test-support/authorization-matrix';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { buildRecordsWorld, fakeUpload, mined, verifiedDoctor, type RecordsWorld } from './records-world';

// Accounts used only by this file (funded here): 885 verified doctor (granted until revoked), 886 pending doctor,
// 887 and 888 patients, 889 unregistered; 895 a verified doctor without a grant, 896 one whose grant expires,
// 897 one whose grant is revoked; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 885, pendingDoctor: 886, patient: 887, otherPatient: 888, unregistered: 889 };
const OTHER_DOCTORS = { withoutGrant: 895, expiredGrant: 896, revokedGrant: 897 };
let testApp: TestApp;
let chain: TestChain;
let world: RecordsWorld;
let reportId: number;

beforeAll(async () => {
  testApp = await openTestApp('records-api');
  chain = await testChain();
  world = await buildRecordsWorld(testApp, chain, ACCOUNTS);
  reportId = await world.add('patient', world.callers.address.patient, 'test-report', fakeUpload('api report'));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const recordsAs = (agent: Agent) => agent.get('/api/records').query({ patient: world.callers.address.patient });
const latestAudit = async () => {
  const { body } = await world.callers.agent.patient.get('/api/audit/me').expect(200);
  return (body as AuditPage).items[0];
};
const chainNow = async () => (await chain.provider.getBlock('latest'))!.timestamp;

describe('GET /api/records: who may read', () => {
  test('When the patient reads their own record, then it is served without a log entry (the log is who else read it)', async () => {
    const before = await latestAudit();

    const response = await recordsAs(world.callers.agent.patient).expect(200);

    expect(response.headers['cache-control']).toBe('no-store');
    expect((response.body as RecordsPage).items.map((entry) => entry.id)).toEqual([reportId]);
    expect(await latestAudit()).toEqual(before);
  });

  test.each([
    ['admin', 'admin'],
    ['verifiedDoctor', 'consent grant'],
  ] as const)(
    'When %s reads the record, then it is served and the patient sees the read, allowed as "%s"',
    async (who, why) => {
      const { body } = await recordsAs(world.callers.agent[who]).expect(200);

      expect((body as RecordsPage).items.map((entry) => entry.id)).toEqual([reportId]);
      expect(await latestAudit()).toMatchObject({
        actor: world.callers.address[who],
        patient: world.callers.address.patient,
        what: 'records.list',
        outcome: 'allowed',
        why,
      });
    },
  );

  const expectRefusedAndLogged = async (agent: Agent, actor: string) => {
    const { body } = await recordsAs(agent).expect(403);

    expect(body).toEqual({ error: { code: 'RECORDS_NO_ACCESS', message: expect.any(String) } });
    expect(await latestAudit()).toMatchObject({
      actor,
      patient: world.callers.address.patient,
      what: 'records.list',
      outcome: 'denied',
      why: 'not an admin, no current consent grant and no emergency access',
    });
  };

  test('When another patient asks for the record, then 403 RECORDS_NO_ACCESS and a denied entry in the log', async () => {
    await expectRefusedAndLogged(world.callers.agent.otherPatient, world.callers.address.otherPatient);
  });

  test('When a verified doctor without a grant asks, then 403 and a denied entry', async () => {
    const doctor = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.withoutGrant);
    await expectRefusedAndLogged(doctor.agent, doctor.wallet.address);
  });

  test('When a doctor’s grant has expired, then 403 and a denied entry (read from the chain, not the read model)', async () => {
    const doctor = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.expiredGrant);
    const patient = await fundedWallet(ACCOUNTS.patient, chain.provider);
    const expiresAt = (await chainNow()) + 3;
    await mined(chain.consentFor(patient).grantAccess(doctor.wallet.address, expiresAt, GAS));
    await testApp.runtime.indexer.syncNow();
    // The chain's clock follows real time: wait until a mined block is past the expiry.
    while ((await chainNow()) <= expiresAt) {
      await sleep(500);
      await chain.provider.send('evm_mine', []);
    }

    await expectRefusedAndLogged(doctor.agent, doctor.wallet.address);
  });

  test('When the patient revokes a doctor’s grant, then the doctor’s next read is refused at once and logged', async () => {
    const doctor = await verifiedDoctor(testApp, chain, OTHER_DOCTORS.revokedGrant);
    const patient = await fundedWallet(ACCOUNTS.patient, chain.provider);
    await mined(chain.consentFor(patient).grantAccess(doctor.wallet.address, (await chainNow()) + 86_400, GAS));
    await recordsAs(doctor.agent).expect(200);

    // No indexer sync: the refusal must not wait for the read model.
    await mined(chain.consentFor(patient).revokeAccess(doctor.wallet.address, GAS));

    await expectRefusedAndLogged(doctor.agent, doctor.wallet.address);
  });

  test.each([
    [{}, 'patient'],
    [{ patient: 'not-an-address' }, 'patient'],
    [{ patient: devAccount(ACCOUNTS.patient).address, limit: 0 }, 'limit'],
    [{ patient: devAccount(ACCOUNTS.patient).address, offset: -1 }, 'offset'],
    [{ patient: devAccount(ACCOUNTS.patient).address, colour: 'red' }, 'colour'],
  ])('When the query is %j, then 400 naming %s', async (query, field) => {
    const { body } = await world.callers.agent.patient.get('/api/records').query(query).expect(400);
    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(field) } });
  });
});

const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const PATIENT = devAccount(ACCOUNTS.patient).address;
const MATRIX_UPLOAD = fakeUpload('matrix upload');

const ROWS: MatrixRow[] = [
  {
    method: 'get',
    path: '/api/records?patient={patient}',
    expected: { ...signedIn(403), admin: 200, verifiedDoctor: 200, patient: 200 },
  },
  { method: 'get', path: '/api/records', expected: signedIn(400) },
  {
    method: 'post',
    path: '/api/records/pending',
    body: { patient: PATIENT, kind: 'test-report', ...MATRIX_UPLOAD },
    expected: { ...signedIn(403), verifiedDoctor: 201, patient: 201 },
  },
  {
    method: 'post',
    path: '/api/records/pending',
    body: { patient: PATIENT, kind: 'prescription', ...MATRIX_UPLOAD },
    expected: { ...signedIn(403), verifiedDoctor: 201 },
  },
  { method: 'get', path: '/api/records/pending', expected: signedIn(200) },
  // Run after the POST rows: the doctor and the patient each noted MATRIX_UPLOAD; nobody else has it.
  {
    method: 'delete',
    path: `/api/records/pending/${MATRIX_UPLOAD.cid}`,
    expected: { ...signedIn(404), verifiedDoctor: 204, patient: 204 },
  },
];

describeAuthorizationMatrix('Records', () => world.callers, ROWS);

describe('Records routes', () => {
  test('Every route of RECORD_ROUTES is in the matrix', () => {
    const covered = new Set(
      ROWS.map((row) => `${row.method.toUpperCase()} ${row.path.split('?')[0].replace(/\/Qm\w+$/, '/:cid')}`),
    );
    for (const spec of RECORD_ROUTES) expect(covered).toContain(`${spec.method.toUpperCase()} ${spec.path}`);
  });
});
