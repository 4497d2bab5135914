/**
 * The shredding test: a patient with encrypted documents wrapped for themselves, their recovery key and a
 * consented doctor erases. Then no party can obtain a wrapped key, the ciphertext is gone from IPFS, and
 * no MongoDB document holds the patient's address, profile values or wrapped keys, except the access
 * log and the erasure's own records; the same after the read models are rebuilt from the chain. The
 * documents issue's no-plaintext scan runs again after the erasure. Own IPFS node: the erasure collects
 * the node's garbage, which must not touch other files' unpinned test blocks.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { x25519 } from '@noble/curves/ed25519';
import { ed25519 } from '@noble/curves/ed25519';
import { isHexString, type HDNodeWallet, type Result } from 'ethers';
import mongoose from 'mongoose';
import type { Agent } from 'supertest';
import { Erasure__factory, Records__factory } from '@contracts/types';
import { publishedKeyMessage, recoveryKeyMessage, RECORD_KINDS, type ErasureStatus } from '@api';
import { UNTIL_REVOKED } from '@test-support/constants';
import { CHAIN_ID } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { startIpfs, type RunningIpfs } from '../../../../../scripts/dev/ipfs';
import { scanForPlaintext } from '../../../../../test/e2e/documents/support/plaintext-scan';
import { ciphertextHash, encryptDocument } from '../../../../../client/src/app/documents/crypto';
import { chainEventSources } from '../..';
import { createIndexer, type LogPosition } from '../../indexer';
import { erasureTombstones } from '..';
import {
  devWallet,
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import {
  keyPairOf,
  publicKeyToHex,
  signedInAgent,
  toHex,
  wrappedFor,
} from '../../document-keys/test/document-keys-world';

// Accounts of this file only (1310–1319): the patient who erases, their doctor, a patient an admin erases.
const ACCOUNTS = { patient: 1310, doctor: 1311, requester: 1312 };
type Who = keyof typeof ACCOUNTS;

const marker = randomBytes(6).toString('hex');
const digits = () => String(100_000 + Math.floor(Math.random() * 899_999));
const PROFILE = {
  firstName: `Ottilie${marker.slice(0, 4)}`,
  lastName: `Erasewell${marker}`,
  dateOfBirth: '1984-03-09',
  sex: 'female',
  email: `ottilie.${marker}@example.org`,
  mobile: `+44770${digits()}`,
  city: 'Leeds',
  state: 'West Yorkshire',
  emergencyContact: { name: `Bartholomew Kin${marker}`, phone: `+44771${digits()}` },
  allergies: [`penicillin-${marker}`],
  chronicConditions: [`asthma-${marker}`],
};
const DOCUMENT_TEXTS = [`Discharge letter ${marker} one`, `Blood panel ${marker} two`, `Pending scan ${marker} three`];
/**
 * Collections allowed to name the patient after an erasure, and why: the access log (the legal record), the
 * erasure's own records (tombstone, request), and the patient's live sessions (address and token hash only:
 * they end by their TTL; ending them would sign the patient out before they read their erasure's status).
 */
const KEPT = ['audit_log', 'patient_access_log', 'erasure_tombstones', 'erasure_requests', 'sessions'];

let testApp: TestApp;
let chain: TestChain;
let ipfs: RunningIpfs;
let ipfsDir: string;
const wallet = {} as Record<Who, HDNodeWallet>;
const agent = {} as Record<Who | 'admin', Agent>;
const cids: string[] = [];
const wrappedKeys: string[] = [];
let erasureBlock = 0;

const recoveryPrivateKey = x25519.utils.randomPrivateKey();
const recovery = {
  publicKey: toHex(x25519.getPublicKey(recoveryPrivateKey)),
  signingKey: toHex(ed25519.getPublicKey(ed25519.utils.randomPrivateKey())),
};

async function upload(bytes: Uint8Array): Promise<string> {
  const response = await agent.patient
    .post('/api/ipfs/api/v0/add')
    .attach('file', Buffer.from(bytes), 'document.enc')
    .expect(200);
  return (JSON.parse(response.text.trim().split('\n')[0]) as { Hash: string }).Hash;
}

const catStatus = async (cid: string) =>
  (await fetch(`${ipfs.apiUrl}/api/v0/cat?arg=${cid}`, { method: 'POST' })).status;

beforeAll(async () => {
  ipfsDir = mkdtempSync(path.join(tmpdir(), 'ehr-erasure-ipfs-'));
  ipfs = await startIpfs({ dataDir: ipfsDir, port: 0, log: () => {} });
  testApp = await openTestApp('erasure-shredding', { ipfsApiUrl: ipfs.apiUrl });
  chain = await testChain();
  for (const [who, index] of Object.entries(ACCOUNTS) as [Who, number][]) {
    wallet[who] = await fundedWallet(index, chain.provider);
  }
  const keys = { patient: await keyPairOf(wallet.patient), doctor: await keyPairOf(wallet.doctor) };
  for (const who of ['patient', 'requester'] as const) {
    await (await chain.registryFor(wallet[who]).registerPatient(GAS)).wait();
  }
  await (await chain.registryFor(wallet.doctor).registerDoctor(licenceCommitment('ERASURE-1311'), 1, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(wallet.doctor.address, GAS)).wait();
  await (await chain.consentFor(wallet.patient).grantAccess(wallet.doctor.address, UNTIL_REVOKED, GAS)).wait();
  for (const who of Object.keys(ACCOUNTS) as Who[]) agent[who] = await signedInAgent(testApp, wallet[who]);
  agent.admin = await signedInAgent(testApp, devWallet(0, chain.provider));

  const patient = wallet.patient.address;
  const publicKey = publicKeyToHex(keys.patient.publicKey);
  await agent.patient
    .put('/api/keys/me')
    .send({ publicKey, signature: await wallet.patient.signMessage(publishedKeyMessage(publicKey, patient, CHAIN_ID)) })
    .expect(200);
  await agent.patient
    .put('/api/keys/me/recovery')
    .send({
      ...recovery,
      signature: await wallet.patient.signMessage(
        recoveryKeyMessage(recovery.publicKey, recovery.signingKey, patient, CHAIN_ID),
      ),
    })
    .expect(200);
  await agent.patient.put('/api/patients/me').send(PROFILE).expect(200);

  const records = Records__factory.connect(testApp.runtime.chain.deployments.Records.address, wallet.patient);
  for (const [index, text] of DOCUMENT_TEXTS.entries()) {
    const encrypted = await encryptDocument(new TextEncoder().encode(text), {
      name: `${text}.txt`,
      type: 'text/plain',
    });
    const cid = await upload(encrypted.bytes);
    cids.push(cid);
    const keysToStore = [
      { recipient: patient, wrappedKey: await wrappedFor(encrypted.key, keys.patient.publicKey) },
      { recipient: wallet.doctor.address, wrappedKey: await wrappedFor(encrypted.key, keys.doctor.publicKey) },
    ];
    const recoveryWrappedKey = await wrappedFor(encrypted.key, x25519.getPublicKey(recoveryPrivateKey));
    wrappedKeys.push(...keysToStore.map((key) => key.wrappedKey), recoveryWrappedKey);
    await agent.patient
      .put(`/api/documents/${cid}/keys`)
      .send({ patient, keys: keysToStore, recoveryWrappedKey })
      .expect(204);
    const contentHash = ciphertextHash(encrypted.bytes);
    if (index < 2) {
      await (await records.addRecord(patient, RECORD_KINDS.indexOf('test-report'), cid, contentHash, GAS)).wait();
    } else {
      // The third stays an upload not anchored yet (record_pending).
      await agent.patient
        .post('/api/records/pending')
        .send({ patient, kind: 'test-report', cid, contentHash })
        .expect(201);
    }
  }
  await testApp.runtime.indexer.syncNow();
  // Before: the doctor is served a key, and the ciphertext is on the node.
  await agent.doctor.get(`/api/documents/${cids[0]}/key`).expect(200);
  expect(await catStatus(cids[0])).toBe(200);

  const erasure = Erasure__factory.connect(testApp.runtime.chain.deployments.Erasure.address, wallet.patient);
  erasureBlock = (await (await erasure.erase(GAS)).wait())!.blockNumber;
  await testApp.runtime.indexer.syncNow();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
  chain?.close();
  await ipfs?.stop();
  rmSync(ipfsDir, { recursive: true, force: true });
});

/** The profile values only this patient has: names, email, phones, emergency contact, health entries. */
const profileNeedles = (): string[] => [
  PROFILE.firstName,
  PROFILE.lastName,
  PROFILE.email,
  PROFILE.mobile,
  PROFILE.emergencyContact.name,
  PROFILE.emergencyContact.phone,
  ...PROFILE.allergies,
  ...PROFILE.chronicConditions,
];

/** Every forbidden value, lowercased: the address (its 40 hex digits, so 0x-less and padded forms count), the profile, wrapped keys. */
const personalNeedles = (): string[] =>
  [wallet.patient.address.slice(2), ...profileNeedles(), ...wrappedKeys.map((key) => key.slice(2))].map((needle) =>
    needle.toLowerCase(),
  );

/** Every collection of this file's database, every document as JSON, lowercased: collection → needles found. */
async function findPersonalData(): Promise<Record<string, string[]>> {
  const needles = personalNeedles();
  const found: Record<string, Set<string>> = {};
  const database = mongoose.connection.db!;
  for (const { name } of await database.listCollections({}, { nameOnly: true }).toArray()) {
    for await (const document of database.collection(name).find({})) {
      const text = JSON.stringify(document).toLowerCase();
      for (const needle of needles) if (text.includes(needle)) (found[name] ??= new Set()).add(needle);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([name, hits]) => [name, [...hits]]));
}

const outsideKept = (found: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(found).filter(([name]) => !KEPT.includes(name)));

describe('Erasure by crypto-shredding', () => {
  test('When the patient erases, then the status says erased by the patient, shredded, and what remains on chain and in the access log', async () => {
    const { body } = await agent.admin.get(`/api/erasure/status/${wallet.patient.address}`).expect(200);
    const status = body as ErasureStatus;
    expect(status).toMatchObject({
      erased: true,
      erasedBy: wallet.patient.address,
      byAdmin: false,
      blockNumber: erasureBlock,
      shredded: true,
      documentsRemoved: 3,
    });
    expect(status.remains).toMatchObject({ recordPointers: 2, consentEvents: 1 });
    expect(status.remains.accessLogEntries).toBeGreaterThan(0);
    // A stranger (the doctor) may not read it.
    expect((await agent.doctor.get(`/api/erasure/status/${wallet.patient.address}`).expect(403)).body.error.code).toBe(
      'ERASURE_NOT_ALLOWED',
    );
  });

  test('When erased, then every ciphertext is gone from the IPFS node: unpinned and its blocks removed', async () => {
    for (const cid of cids) expect(await catStatus(cid)).toBe(500);
    const pins = await (await fetch(`${ipfs.apiUrl}/api/v0/pin/ls`, { method: 'POST' })).json();
    for (const cid of cids) expect(Object.keys((pins as { Keys: object }).Keys)).not.toContain(cid);
    // Through the app, the doctor is told why: erased, not merely missing.
    const refused = await agent.doctor.post(`/api/ipfs/api/v0/cat?arg=${cids[0]}`).expect(410);
    expect(refused.body.error.code).toBe('DOCUMENT_ERASED');
  });

  test('When erased, then no MongoDB document outside the access log and the erasure records holds the address, profile or any wrapped key', async () => {
    const found = await findPersonalData();
    expect(outsideKept(found)).toEqual({});
    // The scan sees what it looks for: the access log does name the patient (the doctor opened a key).
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['audit_log', 'erasure_tombstones']));
  });

  test('When erased, then the no-plaintext scan finds neither the documents nor the profile anywhere (IPFS repository, chain, MongoDB)', async () => {
    const appLog = path.join(ipfsDir, 'app.log');
    writeFileSync(appLog, '');
    const report = await scanForPlaintext([...DOCUMENT_TEXTS, ...profileNeedles()], {
      dataDir: ipfsDir,
      chainUrl: process.env.TEST_RPC_URL!,
      mongoUri: process.env.TEST_MONGODB_URI!,
      appLog,
    });
    expect(report.findings).toEqual([]);
    expect(report.scanned.documents).toBeGreaterThan(0);
    expect(report.scanned.logs).toBeGreaterThan(0);
  });

  test('When the read models are rebuilt from the chain, then no handler is handed the erased events and the data stays gone', async () => {
    const { deployments, provider } = testApp.runtime.chain;
    const patient = wallet.patient.address.toLowerCase();
    const applied: string[] = [];
    // Each source's handlers spied on: any event naming the patient at or before the erasure block that reaches one.
    const sources = chainEventSources(deployments, provider, { ipfs: testApp.runtime.ipfs }).map((source) => ({
      ...source,
      handlers: Object.fromEntries(
        Object.entries(source.handlers).map(([event, handle]) => [
          event,
          (args: Result, at: LogPosition) => {
            const names = args.toArray().some((value) => String(value).toLowerCase() === patient);
            if (names && at.blockNumber <= erasureBlock && source.name !== 'Erasure→erasure') {
              applied.push(`${source.name}:${event}`);
            }
            return handle(args, at);
          },
        ]),
      ),
    }));
    await mongoose.connection.collection('indexer_cursors').deleteMany({});
    const rebuild = createIndexer({
      provider,
      chainId: CHAIN_ID,
      sources,
      logger: testApp.runtime.logger,
      pollMs: 0,
      logFilter: erasureTombstones(deployments, provider),
    });

    expect((await rebuild.syncNow()).rebuilt).toBe(true);

    expect(applied).toEqual([]);
    expect(outsideKept(await findPersonalData())).toEqual({});
  });

  test('When any party asks afterwards, then no wrapped key is served: the consented doctor (grant still live), an admin, the patient', async () => {
    const consent = chain.consentFor(wallet.patient);
    expect(await consent.hasAccess(wallet.patient.address, wallet.doctor.address)).toBe(true);
    for (const who of ['doctor', 'admin', 'patient'] as const) {
      for (const cid of cids) await agent[who].get(`/api/documents/${cid}/key`).expect(404);
    }
    const recoveryClaim = await agent.requester.post(`/api/keys/recovery/${wallet.patient.address}/claim`).send({
      proof: `0x${'00'.repeat(64)}`,
    });
    expect(recoveryClaim.status).toBe(404);
    const own = await agent.patient.get('/api/documents/keys').query({ patient: wallet.patient.address }).expect(200);
    expect(own.body.items).toEqual([]);
  });

  test('When others open the erased profile or record, then the profile is 410 PATIENT_ERASED and the record list is empty', async () => {
    const profile = await agent.admin.get(`/api/patients/${wallet.patient.address}`).expect(410);
    expect(profile.body.error.code).toBe('PATIENT_ERASED');
    const records = await agent.doctor.get('/api/records').query({ patient: wallet.patient.address }).expect(200);
    expect(records.body).toMatchObject({ items: [], total: 0 });
  });

  test('When an admin records a verified request, then the commitment is a salted hash (no text) that eraseFor accepts, and the status says by an admin', async () => {
    const refused = await agent.doctor
      .post('/api/erasure/requests')
      .send({ patient: wallet.requester.address, reference: 'REQ-1', verification: 'ID checked at the desk' });
    expect(refused.status).toBe(403);
    const reference = `GDPR-${marker}`;
    const { body } = await agent.admin
      .post('/api/erasure/requests')
      .send({ patient: wallet.requester.address, reference, verification: 'Passport checked at the front desk' })
      .expect(201);
    expect(isHexString(body.commitment, 32)).toBe(true);
    expect(body.commitment).not.toContain(Buffer.from(reference).toString('hex'));

    const erasure = Erasure__factory.connect(
      testApp.runtime.chain.deployments.Erasure.address,
      devWallet(0, chain.provider),
    );
    await (await erasure.eraseFor(wallet.requester.address, body.commitment, GAS)).wait();
    await testApp.runtime.indexer.syncNow();

    const status = (await agent.requester.get(`/api/erasure/status/${wallet.requester.address}`).expect(200))
      .body as ErasureStatus;
    expect(status).toMatchObject({ erased: true, byAdmin: true, shredded: true });
    expect(status.erasedBy).toBe(devWallet(0, chain.provider).address);
  });
});
