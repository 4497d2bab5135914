import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import type { StoreDocumentKeysBody } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryRecordsContract, documentKeysOf, respond } from '../../testing/documents-fakes';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { ciphertextHash, decryptDocument, unwrapKey } from './crypto';
import { DocumentUploader } from './document-upload';
import { IpfsDocuments } from './ipfs.service';
import { RecordsContract } from './records-contract';
import { UploadError, type UploadProgress } from './upload-progress';
import { wrappedKeyBytes } from './wrapped-key-hex';

const patient = devAccount(190);
const doctor = devAccount(191);
const LIMIT = 4_000;

// jsdom's Blob lacks arrayBuffer(), which every browser has: read it as browsers did before it.
if (!('arrayBuffer' in Blob.prototype)) {
  Object.assign(Blob.prototype, {
    arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(new Error('the file could not be read'));
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

describe('DocumentUploader (real crypto; IPFS and the chain in memory)', () => {
  let ipfs: MemoryIpfs;
  let contract: MemoryRecordsContract;
  let stored: StoreDocumentKeysBody[];
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;

  beforeEach(async () => {
    ipfs = new MemoryIpfs();
    contract = new MemoryRecordsContract();
    stored = [];
    const wallet = new TestWallet(patient);
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: IpfsDocuments, useValue: ipfs },
        { provide: RecordsContract, useValue: contract },
      ],
    });
    const patientKeys = await documentKeysOf(patient, CHAIN_ID);
    const doctorKeys = await documentKeysOf(doctor, CHAIN_ID);
    const config = appConfigFor();
    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush({ ...config, ipfs: { maxUploadBytes: LIMIT } }),
      [`GET /api/keys/${patient.address}`]: (request) => request.flush(patientKeys.published),
      [`GET /api/keys/${doctor.address}`]: (request) => request.flush(doctorKeys.published),
      'GET /api/keys/me/recovery': (request) =>
        request.flush(
          { error: { code: 'RECOVERY_KEY_NOT_SET', message: 'none' } },
          { status: 404, statusText: 'Not Found' },
        ),
      'POST /api/records/pending': (request) => request.flush({ ...request.request.body, author: patient.address }),
      'PUT /api/documents/': (request) => {
        stored.push(request.request.body as StoreDocumentKeysBody);
        request.flush(null, { status: 204, statusText: 'No Content' });
      },
    });
    await TestBed.inject(WalletConnection).connect();
  });

  afterEach(() => {
    server.stop();
    stopAnnouncing();
  });

  const file = (text: string, name = 'blood-test.txt') => new File([text], name, { type: 'text/plain' });

  test('When a patient uploads a file, then it goes encrypt → upload → anchor in that order, the chain anchors the hash of the pinned bytes, and the patient and the doctor can each open it', async () => {
    const stages: UploadProgress['stage'][] = [];
    const uploader = TestBed.inject(DocumentUploader);

    const result = await uploader.upload({
      patient: patient.address,
      kind: 'test-report',
      file: file('haemoglobin 14.1 g/dL'),
      recipients: [doctor.address],
      sharing: 'doctors-with-access',
      onProgress: (progress) => {
        if (stages.at(-1) !== progress.stage) stages.push(progress.stage);
      },
    });

    expect(stages).toEqual(['encrypt', 'upload', 'anchor', 'done']);
    expect(uploader.progress().stage).toBe('done');
    const pinned = ipfs.blocks.get(result.cid)!;
    expect(contract.entries).toEqual([
      expect.objectContaining({ id: result.recordId, cid: result.cid, contentHash: ciphertextHash(pinned) }),
    ]);
    // The pending note and the keys are stored before the anchoring transaction is sent.
    const order = server.log.filter((line) => /pending|documents/.test(line));
    expect(order).toEqual(['POST /api/records/pending', `PUT /api/documents/${result.cid}/keys`]);
    const body = stored[0];
    expect(body.sharing).toBe('doctors-with-access');
    expect(body.keys.map((key) => key.recipient)).toEqual([patient.address, doctor.address]);
    for (const [account, key] of [
      [patient, body.keys[0]],
      [doctor, body.keys[1]],
    ] as const) {
      const { keyPair } = await documentKeysOf(account, CHAIN_ID);
      const opened = await decryptDocument(
        pinned,
        await unwrapKey(wrappedKeyBytes(key.wrappedKey), keyPair.privateKey),
      );
      expect(new TextDecoder().decode(opened.content)).toBe('haemoglobin 14.1 g/dL');
      expect(opened.name).toBe('blood-test.txt');
    }
    expect(new TextDecoder().decode(pinned)).not.toContain('haemoglobin');
    expect(new TextDecoder().decode(pinned)).not.toContain('blood-test');
  });

  test('When the pin fails, then nothing is noted as pending, no key is stored and nothing is anchored', async () => {
    ipfs.failAdd = new Error('IPFS is down');

    const upload = TestBed.inject(DocumentUploader).upload({
      patient: patient.address,
      kind: 'test-report',
      file: file('x'),
      recipients: [],
    });

    await expect(upload).rejects.toEqual(expect.objectContaining({ stage: 'upload', message: 'IPFS is down' }));
    expect(TestBed.inject(DocumentUploader).progress()).toEqual(
      expect.objectContaining({ stage: 'failed', failedAt: 'upload' }),
    );
    expect(contract.entries).toEqual([]);
    expect(server.log.filter((line) => /pending|documents/.test(line))).toEqual([]);
  });

  test('When the anchoring transaction fails, then the upload stays noted as pending (not discarded) and a retry anchors it', async () => {
    contract.failAnchor = true;
    const uploader = TestBed.inject(DocumentUploader);

    const failure = await uploader
      .upload({ patient: patient.address, kind: 'imaging', file: file('scan'), recipients: [] })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UploadError);
    expect(failure).toEqual(expect.objectContaining({ stage: 'anchor', pinned: expect.any(String) }));
    expect((failure as UploadError).message).toMatch(/listed under pending uploads/);
    expect(contract.entries).toEqual([]);
    expect(server.log).toContain('POST /api/records/pending');
    expect(server.log.some((line) => line.startsWith('DELETE'))).toBe(false);

    contract.failAnchor = false;
    const pinned = (failure as UploadError).pinned!;
    const retried = respond(TestBed.inject(HttpTestingController), {
      [`GET /api/documents/${pinned}/key`]: (request) =>
        request.flush({
          cid: pinned,
          patient: patient.address,
          recipient: patient.address,
          wrappedKey: stored[0].keys[0].wrappedKey,
        }),
    });
    server.stop();
    const id = await uploader.retryAnchor({
      patient: patient.address,
      author: patient.address,
      kind: 'imaging',
      cid: pinned,
      contentHash: ciphertextHash(ipfs.blocks.get(pinned)!),
      amends: null,
      pinnedAt: '2026-01-01T00:00:00.000Z',
    });
    retried.stop();
    expect(contract.entries).toEqual([expect.objectContaining({ id, cid: pinned, kind: 'imaging' })]);
  });

  test('When a file is over the limit or empty, then it is refused before anything is encrypted or pinned', async () => {
    const uploader = TestBed.inject(DocumentUploader);

    await expect(
      uploader.upload({
        patient: patient.address,
        kind: 'other',
        file: file('x'.repeat(LIMIT + 1), 'big.txt'),
        recipients: [],
      }),
    ).rejects.toThrow('big.txt is 4 kB; the limit is 4 kB.');
    await expect(
      uploader.upload({ patient: patient.address, kind: 'other', file: file('', 'empty.txt'), recipients: [] }),
    ).rejects.toThrow('empty.txt is empty');
    expect(ipfs.blocks.size).toBe(0);
  });
});
