import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { sha1 } from '@noble/hashes/legacy';
import { decodeBase64, encodeBase64 } from 'ethers';
import type { DocumentReference } from '@medplum/fhirtypes';
import type { FhirBundle } from '@api';
import { DOCUMENT_ENVELOPE_CONTENT_TYPE } from '@api/document-format';
import { FHIR_URIS } from '@api/fhir-uris';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryRecordsContract, documentKeysOf, respond } from '../../testing/documents-fakes';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { encryptDocument, wrapKey } from '../documents/crypto';
import { IpfsDocuments } from '../documents/ipfs.service';
import { RecordsContract } from '../documents/records-contract';
import { wrappedKeyHex } from '../documents/wrapped-key-hex';
import { FhirExport } from './fhir-export';

const patient = devAccount(193);

/** A DocumentReference as the server writes it: a pointer to the ciphertext, nothing decrypted. */
const pointerTo = (id: number, cid: string, contentHash: string): DocumentReference => ({
  resourceType: 'DocumentReference',
  id: `record-${id}`,
  identifier: [{ system: FHIR_URIS.recordEntry, value: String(id) }],
  status: 'current',
  content: [
    {
      attachment: {
        extension: [{ url: FHIR_URIS.contentSha256, valueString: contentHash }],
        contentType: DOCUMENT_ENVELOPE_CONTENT_TYPE,
        url: `ipfs://${cid}`,
      },
    },
  ],
});

describe('FhirExport.withDocuments (real crypto; IPFS and the chain in memory)', () => {
  let ipfs: MemoryIpfs;
  let contract: MemoryRecordsContract;
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;

  beforeAll(() => {
    // jsdom has no blob: URLs; browsers do.
    if (!('createObjectURL' in URL))
      Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
  });

  beforeEach(() => {
    ipfs = new MemoryIpfs();
    contract = new MemoryRecordsContract();
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

  /** Uploads `bytes` as the app does (encrypted, pinned, anchored, key wrapped for the patient). */
  async function anchored(bytes: Uint8Array, meta: { name: string; type: string }) {
    const keys = await documentKeysOf(patient, CHAIN_ID);
    const encrypted = await encryptDocument(bytes, meta);
    const cid = await ipfs.add(encrypted.bytes);
    const entry = contract.anchor(patient.address, cid, encrypted.bytes);
    const wrappedKey = wrappedKeyHex(await wrapKey(encrypted.key, keys.keyPair.publicKey));
    return { entry, cid, wrappedKey, published: keys.published };
  }

  async function serve(bundle: FhirBundle, keys: { cid: string; wrappedKey: string }[], published: object) {
    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush(appConfigFor()),
      [`GET /api/fhir/Patient/${patient.address}/$everything`]: (request) => request.flush(bundle),
      [`GET /api/keys/${patient.address}`]: (request) => request.flush(published),
      ...Object.fromEntries(
        keys.map(({ cid, wrappedKey }) => [
          `GET /api/documents/${cid}/key`,
          (request: Parameters<Parameters<typeof respond>[1][string]>[0]) =>
            request.flush({ cid, patient: patient.address, recipient: patient.address, wrappedKey }),
        ]),
      ),
    });
    await TestBed.inject(WalletConnection).connect();
  }

  test('When a document the chain anchored is exported with documents, then it is inlined decrypted, with its type, name, base64 data and SHA-1, and the encrypted pointer stays second', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 blood test: all normal');
    const scan = await anchored(pdf, { name: 'blood-test.pdf', type: 'application/pdf' });
    const bundle: FhirBundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: patient.address } },
        { resource: pointerTo(scan.entry.id, scan.cid, scan.entry.contentHash) },
      ],
    };
    await serve(bundle, [scan], scan.published);

    const exported = await TestBed.inject(FhirExport).withDocuments(patient.address);

    expect(exported).toMatchObject({ inlined: 1, failed: [] });
    const reference = exported.bundle.entry![1].resource as DocumentReference;
    expect(reference.content).toHaveLength(2);
    expect(reference.content[0].attachment).toEqual({
      contentType: 'application/pdf',
      title: 'blood-test.pdf',
      data: encodeBase64(pdf),
      size: pdf.length,
      hash: encodeBase64(sha1(pdf)),
    });
    expect(decodeBase64(reference.content[0].attachment.data!)).toEqual(pdf);
    expect(reference.content[1].attachment.url).toBe(`ipfs://${scan.cid}`);
  });

  test('When a pinned document was altered after anchoring, then it is not inlined: the export says which entry and keeps only its pointer', async () => {
    const good = await anchored(new TextEncoder().encode('x-ray report'), { name: 'xray.txt', type: 'text/plain' });
    const bad = await anchored(new TextEncoder().encode('altered later'), { name: 'bad.txt', type: 'text/plain' });
    ipfs.blocks.get(bad.cid)![40] ^= 0x01;
    const bundle: FhirBundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: pointerTo(good.entry.id, good.cid, good.entry.contentHash) },
        { resource: pointerTo(bad.entry.id, bad.cid, bad.entry.contentHash) },
      ],
    };
    await serve(bundle, [good, bad], good.published);

    const exported = await TestBed.inject(FhirExport).withDocuments(patient.address);

    expect(exported.inlined).toBe(1);
    expect(exported.failed).toEqual([
      { entry: bad.entry.id, reason: expect.stringMatching(/not the one anchored on chain/) },
    ]);
    const badReference = exported.bundle.entry![1].resource as DocumentReference;
    expect(badReference.content).toHaveLength(1);
    expect(badReference.content[0].attachment.data).toBeUndefined();
  });
});
