import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryRecordsContract, documentKeysOf, respond } from '../../testing/documents-fakes';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { encryptDocument, wrapKey } from './crypto';
import { DocumentOpener, IntegrityError } from './document-opener';
import { IpfsDocuments } from './ipfs.service';
import { RecordsContract } from './records-contract';
import { wrappedKeyHex } from './wrapped-key-hex';

const patient = devAccount(192);

describe('DocumentOpener (real crypto; IPFS and the chain in memory)', () => {
  let ipfs: MemoryIpfs;
  let contract: MemoryRecordsContract;
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;
  let keyRequests: number;

  beforeAll(() => {
    // jsdom has no blob: URLs; browsers do.
    if (!('createObjectURL' in URL))
      Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
  });

  /** An envelope pinned and anchored as the uploader does, with the patient's wrapped key stored. */
  async function anchoredDocument(text: string) {
    const keys = await documentKeysOf(patient, CHAIN_ID);
    const encrypted = await encryptDocument(new TextEncoder().encode(text), { name: 'scan.png', type: 'image/png' });
    const cid = await ipfs.add(encrypted.bytes);
    const entry = contract.anchor(patient.address, cid, encrypted.bytes);
    const wrappedKey = wrappedKeyHex(await wrapKey(encrypted.key, keys.keyPair.publicKey));
    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush(appConfigFor()),
      [`GET /api/keys/${patient.address}`]: (request) => request.flush(keys.published),
      [`GET /api/documents/${cid}/key`]: (request) => {
        keyRequests++;
        request.flush({ cid, patient: patient.address, recipient: patient.address, wrappedKey });
      },
    });
    await TestBed.inject(WalletConnection).connect();
    return { entry: { id: entry.id, cid }, cid };
  }

  beforeEach(() => {
    ipfs = new MemoryIpfs();
    contract = new MemoryRecordsContract();
    keyRequests = 0;
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
  });

  afterEach(() => {
    server.stop();
    stopAnnouncing();
  });

  test('When the fetched bytes match the hash on chain, then the document opens with its name, type and content', async () => {
    const { entry } = await anchoredDocument('chest x-ray');

    const opened = await TestBed.inject(DocumentOpener).open(entry);

    expect(opened).toEqual(expect.objectContaining({ name: 'scan.png', type: 'image/png' }));
    expect(new TextDecoder().decode(opened.bytes)).toBe('chest x-ray');
  });

  test('When one byte of the pinned document was altered, then opening fails with an IntegrityError before any key is asked for', async () => {
    const { entry, cid } = await anchoredDocument('chest x-ray');
    const tampered = ipfs.blocks.get(cid)!;
    tampered[tampered.length - 1] ^= 0x01;

    const opening = TestBed.inject(DocumentOpener).open(entry);

    await expect(opening).rejects.toBeInstanceOf(IntegrityError);
    await expect(opening).rejects.toThrow(/not the one anchored on chain/);
    expect(keyRequests).toBe(0);
  });

  test('When the listed CID is not the one the chain entry anchors, then opening fails with an IntegrityError', async () => {
    const { entry } = await anchoredDocument('chest x-ray');

    await expect(TestBed.inject(DocumentOpener).open({ ...entry, cid: 'QmSomethingElse' })).rejects.toBeInstanceOf(
      IntegrityError,
    );
  });

  test('When the node answers 410 (the patient erased their data), then opening fails saying so, before any key is asked for', async () => {
    const { entry, cid } = await anchoredDocument('chest x-ray');
    // What kubo-rpc-client throws for the gateway's 410 DOCUMENT_ERASED: an HTTPError carrying the response.
    ipfs.blocks.delete(cid);
    ipfs.cat = () => Promise.reject(Object.assign(new Error('Gone'), { response: { status: 410 } }));

    const opening = TestBed.inject(DocumentOpener).open(entry);

    await expect(opening).rejects.toThrow(/the patient erased their data/);
    expect(keyRequests).toBe(0);
  });
});
