/**
 * The booking reason's key, as the doctor meets it: the doctor the patient booked with that reason note gets
 * their wrapped key before accepting (no consent yet: the appointment is the ground), and the patient's
 * access log names the read as the appointment's reason. The ground covers that note only: another of the
 * patient's documents, or another doctor holding a key, is refused and logged as denied.
 */
import type { HDNodeWallet } from 'ethers';
import type { Agent } from 'supertest';
import type { KeyPair } from '../../../../../client/src/app/documents/crypto';
import { fundedWallet, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import {
  accessLogOf,
  freshCid,
  keyPairOf,
  newDocumentKey,
  unwrappedWith,
  wrappedFor,
} from '../../document-keys/test/document-keys-world';
import { buildAppointmentsWorld, type AppointmentsWorld } from './appointments-world';

// Accounts used only by this file (funded here): 940 verified doctor, 941 another (pending) doctor, 942 and 943
// patients, 944 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 940, pendingDoctor: 941, patient: 942, otherPatient: 943, unregistered: 944 };
let testApp: TestApp;
let chain: TestChain;
let world: AppointmentsWorld;
let booked: bigint;
const reasonCid = freshCid();
const otherDocumentCid = freshCid();
const documentKey = newDocumentKey();
const keys = {} as Record<'patient' | 'verifiedDoctor' | 'pendingDoctor', KeyPair>;

const agent = (who: 'patient' | 'verifiedDoctor' | 'pendingDoctor'): Agent => world.callers.agent[who];

beforeAll(async () => {
  testApp = await openTestApp('reason-note-key');
  chain = await testChain();
  world = await buildAppointmentsWorld(testApp, chain, ACCOUNTS, {
    doctor: ['Rhea', 'Reason'],
    patient: ['Paz', 'Reason'],
    otherPatient: ['Omar', 'Reason'],
  });
  const wallets = {} as Record<keyof typeof keys, HDNodeWallet>;
  for (const who of ['patient', 'verifiedDoctor', 'pendingDoctor'] as const) {
    wallets[who] = await fundedWallet(ACCOUNTS[who], chain.provider);
    keys[who] = await keyPairOf(wallets[who]);
  }
  // What the patient's browser stores at booking (and, for another document, when uploading it).
  for (const [cid, readers] of [
    [reasonCid, ['patient', 'verifiedDoctor', 'pendingDoctor']],
    [otherDocumentCid, ['patient', 'verifiedDoctor']],
  ] as const) {
    await agent('patient')
      .put(`/api/documents/${cid}/keys`)
      .send({
        patient: wallets.patient.address,
        keys: await Promise.all(
          readers.map(async (who) => ({
            recipient: wallets[who].address,
            wrappedKey: await wrappedFor(documentKey, keys[who].publicKey),
          })),
        ),
      })
      .expect(204);
  }
  booked = await world.book('patient', world.slot(1), reasonCid);
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const newestEntry = async () => {
  const [entry] = await accessLogOf(agent('patient'));
  return { actor: entry.actor, what: entry.what, outcome: entry.outcome, why: entry.why };
};

describe('GET /api/documents/:cid/key for a booking reason', () => {
  test('When the booked doctor asks before accepting, then their key is served (it opens) and the log names the appointment’s reason', async () => {
    const { body } = await agent('verifiedDoctor').get(`/api/documents/${reasonCid}/key`).expect(200);

    expect(await unwrappedWith(body.wrappedKey, keys.verifiedDoctor)).toEqual(documentKey);
    expect(await newestEntry()).toEqual({
      actor: world.callers.address.verifiedDoctor,
      what: 'appointment.reason',
      outcome: 'allowed',
      why: `appointment #${booked}`,
    });
  });

  test('When the same doctor asks for another of the patient’s documents, then it is refused: the appointment grounds its reason only', async () => {
    await agent('verifiedDoctor').get(`/api/documents/${otherDocumentCid}/key`).expect(403);

    expect(await newestEntry()).toMatchObject({ actor: world.callers.address.verifiedDoctor, outcome: 'denied' });
  });

  test('When a doctor holding a key but not booked asks, then it is refused and logged as denied', async () => {
    await agent('pendingDoctor').get(`/api/documents/${reasonCid}/key`).expect(403);

    expect(await newestEntry()).toMatchObject({ actor: world.callers.address.pendingDoctor, outcome: 'denied' });
  });
});
