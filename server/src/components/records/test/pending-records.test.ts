/**
 * Uploads pinned but not anchored yet, as their authors see them: noted, listed (oldest first, each author
 * their own), gone once the RecordAdded event for that CID and author is indexed, or discarded by the author.
 * Only someone the Records contract would let anchor the upload may note it; bad input is a 400 naming the field.
 */
import type { PendingRecord, PendingRecords, RecordsPage } from '@api';
import { openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { buildRecordsWorld, fakeUpload, type RecordsWorld, type Upload } from './records-world';

// Accounts used only by this file (funded here): 890 verified doctor (granted until revoked), 891 pending doctor,
// 892 and 893 patients, 894 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 890, pendingDoctor: 891, patient: 892, otherPatient: 893, unregistered: 894 };
let testApp: TestApp;
let chain: TestChain;
let world: RecordsWorld;

beforeAll(async () => {
  testApp = await openTestApp('records-pending');
  chain = await testChain();
  world = await buildRecordsWorld(testApp, chain, ACCOUNTS);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

type Author = 'patient' | 'verifiedDoctor' | 'otherPatient';
const note = (who: Author, kind: string, upload: Upload, extra: object = {}) =>
  world.callers.agent[who]
    .post('/api/records/pending')
    .send({ patient: world.callers.address.patient, kind, ...upload, ...extra });
const pendingOf = async (who: Author) =>
  ((await world.callers.agent[who].get('/api/records/pending').expect(200)).body as PendingRecords).items;
const cidsPendingOf = async (who: Author) => (await pendingOf(who)).map((pending) => pending.cid);

describe('Pending uploads', () => {
  test('When the patient notes two uploads, then they list them oldest first, and noting one again keeps one entry and its pin time', async () => {
    const first = fakeUpload('pending scan');
    const second = fakeUpload('pending blood test');

    const noted = (await note('patient', 'imaging', first).expect(201)).body as PendingRecord;
    await note('patient', 'test-report', second).expect(201);
    const again = (await note('patient', 'imaging', first).expect(201)).body as PendingRecord;

    expect(noted).toEqual({
      patient: world.callers.address.patient,
      author: world.callers.address.patient,
      kind: 'imaging',
      cid: first.cid,
      contentHash: first.contentHash,
      amends: null,
      pinnedAt: expect.any(String),
    });
    expect(again.pinnedAt).toBe(noted.pinnedAt);
    expect(await cidsPendingOf('patient')).toEqual([first.cid, second.cid]);
    expect(await pendingOf('otherPatient')).toEqual([]);
  });

  test('When the patient anchors a noted upload and the indexer sees it, then it leaves the pending list and joins the record', async () => {
    const upload = fakeUpload('pending anchored report');
    await note('patient', 'test-report', upload).expect(201);
    const id = await world.add('patient', world.callers.address.patient, 'test-report', upload);
    expect(await cidsPendingOf('patient')).toContain(upload.cid);

    await testApp.runtime.indexer.syncNow();

    expect(await cidsPendingOf('patient')).not.toContain(upload.cid);
    const { body } = await world.callers.agent.patient
      .get('/api/records')
      .query({ patient: world.callers.address.patient })
      .expect(200);
    expect((body as RecordsPage).items).toContainEqual(expect.objectContaining({ id, cid: upload.cid }));
  });

  test('When a doctor with access notes a consultation note and its amendment, then only the doctor lists them, and each leaves on its own RecordAdded', async () => {
    const original = fakeUpload('pending note');
    const correction = fakeUpload('pending note, corrected');
    await note('verifiedDoctor', 'consultation-note', original).expect(201);
    expect(await cidsPendingOf('verifiedDoctor')).toEqual([original.cid]);
    expect(await cidsPendingOf('patient')).not.toContain(original.cid);

    const id = await world.add('verifiedDoctor', world.callers.address.patient, 'consultation-note', original);
    await testApp.runtime.indexer.syncNow();
    const amendment = (await note('verifiedDoctor', 'consultation-note', correction, { amends: id }).expect(201))
      .body as PendingRecord;

    expect(amendment).toMatchObject({ amends: id, author: world.callers.address.verifiedDoctor });
    expect(await cidsPendingOf('verifiedDoctor')).toEqual([correction.cid]);

    await world.amend('verifiedDoctor', id, correction);
    await testApp.runtime.indexer.syncNow();
    expect(await cidsPendingOf('verifiedDoctor')).toEqual([]);
  });

  test('When the author discards an upload, then it is gone; discarding it again, or someone else’s, is 404 PENDING_RECORD_NOT_FOUND', async () => {
    const upload = fakeUpload('pending discarded');
    await note('patient', 'other', upload).expect(201);

    const byOther = await world.callers.agent.otherPatient.delete(`/api/records/pending/${upload.cid}`).expect(404);
    await world.callers.agent.patient.delete(`/api/records/pending/${upload.cid}`).expect(204);
    const again = await world.callers.agent.patient.delete(`/api/records/pending/${upload.cid}`).expect(404);

    expect(byOther.body).toEqual({ error: { code: 'PENDING_RECORD_NOT_FOUND', message: expect.any(String) } });
    expect(again.body).toEqual(byOther.body);
    expect(await cidsPendingOf('patient')).not.toContain(upload.cid);
  });

  test.each(['consultation-note', 'prescription'])(
    'When the patient notes a %s for themselves, then 403 RECORD_KIND_NOT_ALLOWED and nothing is kept',
    async (kind) => {
      const upload = fakeUpload(`pending ${kind} by the patient`);

      const { body } = await note('patient', kind, upload).expect(403);

      expect(body).toEqual({ error: { code: 'RECORD_KIND_NOT_ALLOWED', message: expect.any(String) } });
      expect(await cidsPendingOf('patient')).not.toContain(upload.cid);
    },
  );

  test('When another patient notes an upload for the patient, then 403 RECORDS_NO_ACCESS and nothing is kept', async () => {
    const upload = fakeUpload('pending by a stranger');

    const { body } = await note('otherPatient', 'test-report', upload).expect(403);

    expect(body).toEqual({ error: { code: 'RECORDS_NO_ACCESS', message: expect.any(String) } });
    expect(await pendingOf('otherPatient')).toEqual([]);
  });

  const valid = () => ({ patient: world.callers.address.patient, kind: 'test-report', ...fakeUpload('pending bad') });
  test.each([
    ['no cid', (body: Record<string, unknown>) => ({ ...body, cid: undefined }), 'cid'],
    ['a cid that is no CID', (body: Record<string, unknown>) => ({ ...body, cid: 'QmNotACid' }), 'cid'],
    ['a short content hash', (body: Record<string, unknown>) => ({ ...body, contentHash: '0x1234' }), 'contentHash'],
    ['an unknown kind', (body: Record<string, unknown>) => ({ ...body, kind: 'x-ray' }), 'kind'],
    ['no patient', (body: Record<string, unknown>) => ({ ...body, patient: undefined }), 'patient'],
    ['amends 0', (body: Record<string, unknown>) => ({ ...body, amends: 0 }), 'amends'],
    ['an unknown field', (body: Record<string, unknown>) => ({ ...body, fileName: 'scan.pdf' }), 'fileName'],
  ])('When the body has %s, then 400 naming the field and nothing is kept', async (_case, change, field) => {
    const before = await pendingOf('patient');

    const { body } = await world.callers.agent.patient.post('/api/records/pending').send(change(valid())).expect(400);

    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(field) } });
    expect(await pendingOf('patient')).toEqual(before);
  });

  test('When the path names no CID, then 400 naming cid', async () => {
    const { body } = await world.callers.agent.patient.delete('/api/records/pending/not-a-cid').expect(400);
    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('cid') } });
  });
});
