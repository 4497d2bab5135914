/**
 * The key serving rule, as doctors and patients meet it: a patient's wrapped document keys are served to
 * the patient always, to anyone else only with a stored key AND live access on chain, and every read by
 * someone else (served or refused) lands in the patient's access log. Wrapped keys are real ones (the
 * browser's crypto), so "served" means "the doctor can open the document key".
 */
import type { HDNodeWallet } from 'ethers';
import request from 'supertest';
import type { Agent } from 'supertest';
import { UNTIL_REVOKED } from '@test-support/constants';
import { licenceCommitment } from '@test-support/licences';
import type { KeyPair } from '../../../../../client/src/app/documents/crypto';
import {
  fundedWallet,
  GAS,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import {
  accessLogOf,
  freshCid,
  keyPairOf,
  newDocumentKey,
  signedInAgent,
  unwrappedWith,
  wrappedFor,
} from './document-keys-world';

// Accounts of this file only (900–909): patient, doctor with a grant, doctor without, doctor whose grant
// expires, another patient.
const ACCOUNTS = { patient: 900, doctor: 901, noAccessDoctor: 902, expiredDoctor: 903, otherPatient: 904 };
type Who = keyof typeof ACCOUNTS;

let testApp: TestApp;
let chain: TestChain;
const wallet = {} as Record<Who, HDNodeWallet>;
const agent = {} as Record<Who, Agent>;
const keys = {} as Record<Who, KeyPair>;

const documentKey = newDocumentKey();
const sharedCid = freshCid();

beforeAll(async () => {
  testApp = await openTestApp('document-key-serving');
  chain = await testChain();
  for (const [who, index] of Object.entries(ACCOUNTS) as [Who, number][]) {
    wallet[who] = await fundedWallet(index, chain.provider);
    keys[who] = await keyPairOf(wallet[who]);
  }
  for (const who of ['patient', 'otherPatient'] as const) {
    await (await chain.registryFor(wallet[who]).registerPatient(GAS)).wait();
  }
  for (const who of ['doctor', 'noAccessDoctor', 'expiredDoctor'] as const) {
    await (
      await chain.registryFor(wallet[who]).registerDoctor(licenceCommitment(`KEYS-${ACCOUNTS[who]}`), 1, GAS)
    ).wait();
    await (await chain.registryAs(0).verifyDoctor(wallet[who].address, GAS)).wait();
  }
  const consent = chain.consentFor(wallet.patient);
  await (await consent.grantAccess(wallet.doctor.address, UNTIL_REVOKED, GAS)).wait();
  const now = (await chain.provider.getBlock('latest'))!.timestamp;
  await (await consent.grantAccess(wallet.expiredDoctor.address, now + 30, GAS)).wait();
  // Let the short grant run out: chain time only (a 2-minute jump, harmless to other files' day-long grants).
  await chain.provider.send('evm_increaseTime', [120]);
  await chain.provider.send('evm_mine', []);

  for (const who of Object.keys(ACCOUNTS) as Who[]) agent[who] = await signedInAgent(testApp, wallet[who]);

  // The patient shares one document with every doctor (the doctors' access, not their key, decides).
  const recipients = ['patient', 'doctor', 'noAccessDoctor', 'expiredDoctor'] as const;
  await agent.patient
    .put(`/api/documents/${sharedCid}/keys`)
    .send({
      patient: wallet.patient.address,
      keys: await Promise.all(
        recipients.map(async (who) => ({
          recipient: wallet[who].address,
          wrappedKey: await wrappedFor(documentKey, keys[who].publicKey),
        })),
      ),
    })
    .expect(204);
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const keyOf = (who: Who, cid = sharedCid) => agent[who].get(`/api/documents/${cid}/key`);

/** The patient's newest access log entry, in the fields a patient reads. */
const newestEntry = async () => {
  const [entry] = await accessLogOf(agent.patient);
  return { actor: entry.actor, what: entry.what, outcome: entry.outcome, why: entry.why };
};

describe('GET /api/documents/:cid/key: the serving rule', () => {
  test('When the patient asks for their own key, then it is served and opens to the document key, and nothing is logged', async () => {
    const before = (await accessLogOf(agent.patient)).length;
    const { body } = await keyOf('patient').expect(200);
    expect(body).toMatchObject({ cid: sharedCid, patient: wallet.patient.address, recipient: wallet.patient.address });
    expect(await unwrappedWith(body.wrappedKey, keys.patient)).toEqual(documentKey);
    expect((await accessLogOf(agent.patient)).length).toBe(before);
  });

  test('When a doctor with a live grant asks, then their key is served (it opens) and the log says allowed by the consent grant', async () => {
    const { body } = await keyOf('doctor').expect(200);
    expect(await unwrappedWith(body.wrappedKey, keys.doctor)).toEqual(documentKey);
    expect(await newestEntry()).toEqual({
      actor: wallet.doctor.address,
      what: 'document.key',
      outcome: 'allowed',
      why: 'consent grant',
    });
  });

  test.each([
    ['a doctor who holds a key but was never granted access', 'noAccessDoctor'],
    ['a doctor whose grant has expired', 'expiredDoctor'],
    ['another patient', 'otherPatient'],
  ] as const)('When %s asks, then it is 403 with no key and a denied entry', async (_case, who) => {
    const { body } = await keyOf(who).expect(403);
    expect(body).toEqual({ error: { code: 'DOCUMENT_NO_ACCESS', message: expect.any(String) } });
    expect(await newestEntry()).toEqual({
      actor: wallet[who].address,
      what: 'document.key',
      outcome: 'denied',
      why: 'no access',
    });
  });

  test('When a doctor with access asks for a document not shared with them, then it is 404 and logged as denied, not shared', async () => {
    const privateCid = freshCid();
    await agent.patient
      .put(`/api/documents/${privateCid}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          { recipient: wallet.patient.address, wrappedKey: await wrappedFor(documentKey, keys.patient.publicKey) },
        ],
        sharing: 'private',
      })
      .expect(204);
    const { body } = await keyOf('doctor', privateCid).expect(404);
    expect(body.error.code).toBe('DOCUMENT_KEY_NOT_FOUND');
    expect(await newestEntry()).toMatchObject({ actor: wallet.doctor.address, outcome: 'denied', why: 'not shared' });
  });

  test('When nobody stored keys for a CID, then it is 404', async () => {
    const { body } = await keyOf('doctor', freshCid()).expect(404);
    expect(body.error.code).toBe('DOCUMENT_KEY_NOT_FOUND');
  });
});

describe('PUT /api/documents/:cid/keys: who may store keys', () => {
  test("When a doctor with access writes a note's keys for the patient and themselves, then both are served", async () => {
    const noteCid = freshCid();
    const noteKey = newDocumentKey();
    await agent.doctor
      .put(`/api/documents/${noteCid}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          { recipient: wallet.patient.address, wrappedKey: await wrappedFor(noteKey, keys.patient.publicKey) },
          { recipient: wallet.doctor.address, wrappedKey: await wrappedFor(noteKey, keys.doctor.publicKey) },
        ],
      })
      .expect(204);
    expect(await unwrappedWith((await keyOf('patient', noteCid).expect(200)).body.wrappedKey, keys.patient)).toEqual(
      noteKey,
    );
    expect(await unwrappedWith((await keyOf('doctor', noteCid).expect(200)).body.wrappedKey, keys.doctor)).toEqual(
      noteKey,
    );
  });

  test('When a doctor with access writes a key for a third party, then it is 403 and nothing is stored for them', async () => {
    const { body } = await agent.doctor
      .put(`/api/documents/${sharedCid}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          {
            recipient: wallet.noAccessDoctor.address,
            wrappedKey: await wrappedFor(documentKey, keys.doctor.publicKey),
          },
        ],
      })
      .expect(403);
    expect(body.error.code).toBe('DOCUMENT_KEYS_NOT_ALLOWED');
  });

  test("When a doctor with access sends a key for the patient of an existing document, then the patient's own key stays", async () => {
    await agent.doctor
      .put(`/api/documents/${sharedCid}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          { recipient: wallet.patient.address, wrappedKey: await wrappedFor(newDocumentKey(), keys.patient.publicKey) },
        ],
      })
      .expect(204);
    const { body } = await keyOf('patient').expect(200);
    expect(await unwrappedWith(body.wrappedKey, keys.patient)).toEqual(documentKey);
  });

  test('When a doctor without access writes keys for the patient, then it is 403', async () => {
    const { body } = await agent.noAccessDoctor
      .put(`/api/documents/${freshCid()}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [
          {
            recipient: wallet.noAccessDoctor.address,
            wrappedKey: await wrappedFor(documentKey, keys.noAccessDoctor.publicKey),
          },
        ],
      })
      .expect(403);
    expect(body.error.code).toBe('DOCUMENT_KEYS_NOT_ALLOWED');
  });

  test("When another patient stores keys for a CID already bound to the patient, then it is 409 and the patient's document is unchanged", async () => {
    const { body } = await agent.otherPatient
      .put(`/api/documents/${sharedCid}/keys`)
      .send({
        patient: wallet.otherPatient.address,
        keys: [
          {
            recipient: wallet.otherPatient.address,
            wrappedKey: await wrappedFor(documentKey, keys.otherPatient.publicKey),
          },
        ],
      })
      .expect(409);
    expect(body.error.code).toBe('DOCUMENT_PATIENT_MISMATCH');
    await keyOf('otherPatient').expect(403);
  });

  test('When the body is malformed, then it is 400 naming the field', async () => {
    const put = (cid: string, body: object) => agent.patient.put(`/api/documents/${cid}/keys`).send(body);
    const validKey = await wrappedFor(documentKey, keys.patient.publicKey);
    const cases: [string, object, RegExp][] = [
      [
        freshCid(),
        {
          patient: wallet.patient.address,
          keys: [{ recipient: wallet.patient.address, wrappedKey: validKey.slice(0, -2) }],
        },
        /keys\.0\.wrappedKey: must be 0x and 186 hex digits/,
      ],
      [
        freshCid(),
        { patient: 'nobody', keys: [{ recipient: wallet.patient.address, wrappedKey: validKey }] },
        /patient: must be an Ethereum address/,
      ],
      [freshCid(), { patient: wallet.patient.address, keys: [] }, /keys: /],
      [
        freshCid(),
        {
          patient: wallet.patient.address,
          keys: [{ recipient: wallet.patient.address, wrappedKey: validKey }],
          sharing: 'everyone',
        },
        /sharing: /,
      ],
      [
        'not-a-cid',
        { patient: wallet.patient.address, keys: [{ recipient: wallet.patient.address, wrappedKey: validKey }] },
        /cid: must be a CIDv0/,
      ],
    ];
    for (const [cid, body, message] of cases) {
      const response = await put(cid, body).expect(400);
      expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    }
  });
});

describe("The patient's own view and controls", () => {
  test('When the patient lists their documents, then each shows their own key, the other readers and the sharing; nobody else may list them', async () => {
    const { body } = await agent.patient
      .get('/api/documents/keys')
      .query({ patient: wallet.patient.address })
      .expect(200);
    const shared = body.items.find((item: { cid: string }) => item.cid === sharedCid);
    expect(shared).toEqual({
      cid: sharedCid,
      sharing: 'doctors-with-access',
      wrappedKey: expect.stringMatching(/^0x[0-9a-f]{186}$/),
      recipients: expect.arrayContaining([
        wallet.doctor.address,
        wallet.noAccessDoctor.address,
        wallet.expiredDoctor.address,
      ]),
      hasRecoveryWrap: false,
    });
    expect(shared.recipients).toHaveLength(3);
    expect(await unwrappedWith(shared.wrappedKey, keys.patient)).toEqual(documentKey);

    const refused = await agent.doctor
      .get('/api/documents/keys')
      .query({ patient: wallet.patient.address })
      .expect(403);
    expect(refused.body.error.code).toBe('PATIENT_ONLY');
  });

  test('When the patient makes a document private, then the list says so; another patient cannot touch it', async () => {
    await agent.patient.patch(`/api/documents/${sharedCid}/sharing`).send({ sharing: 'selected' }).expect(204);
    const { body } = await agent.patient
      .get('/api/documents/keys')
      .query({ patient: wallet.patient.address })
      .expect(200);
    expect(body.items.find((item: { cid: string }) => item.cid === sharedCid).sharing).toBe('selected');

    const other = await agent.otherPatient
      .patch(`/api/documents/${sharedCid}/sharing`)
      .send({ sharing: 'private' })
      .expect(404);
    expect(other.body.error.code).toBe('DOCUMENT_KEY_NOT_FOUND');
    await agent.doctor.patch(`/api/documents/${sharedCid}/sharing`).send({ sharing: 'private' }).expect(403);
  });

  test("When the patient removes the doctor's key, then the doctor's very next read is refused", async () => {
    await keyOf('doctor').expect(200);
    await agent.patient.delete(`/api/documents/${sharedCid}/keys/${wallet.doctor.address}`).expect(204);
    const { body } = await keyOf('doctor').expect(404);
    expect(body.error.code).toBe('DOCUMENT_KEY_NOT_FOUND');
    expect(await newestEntry()).toMatchObject({ actor: wallet.doctor.address, outcome: 'denied', why: 'not shared' });
    await agent.patient.delete(`/api/documents/${sharedCid}/keys/${wallet.doctor.address}`).expect(404);
    const own = await agent.patient.delete(`/api/documents/${sharedCid}/keys/${wallet.patient.address}`).expect(400);
    expect(own.body.error.code).toBe('DOCUMENT_OWN_KEY');
  });

  test('When the patient revokes the grant, then the doctor is refused at once and the refusal is logged', async () => {
    const noteCid = freshCid();
    await agent.patient
      .put(`/api/documents/${noteCid}/keys`)
      .send({
        patient: wallet.patient.address,
        keys: [{ recipient: wallet.doctor.address, wrappedKey: await wrappedFor(documentKey, keys.doctor.publicKey) }],
      })
      .expect(204);
    await keyOf('doctor', noteCid).expect(200);

    await (await chain.consentFor(wallet.patient).revokeAccess(wallet.doctor.address, GAS)).wait();

    const { body } = await keyOf('doctor', noteCid).expect(403);
    expect(body.error.code).toBe('DOCUMENT_NO_ACCESS');
    expect(await newestEntry()).toEqual({
      actor: wallet.doctor.address,
      what: 'document.key',
      outcome: 'denied',
      why: 'no access',
    });
  });

  test('When the request has no session, then it is 401', async () => {
    await request(testApp.app).get(`/api/documents/${sharedCid}/key`).expect(401);
  });
});
