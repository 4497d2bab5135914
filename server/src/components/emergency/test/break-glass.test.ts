/**
 * Break-glass as doctors, patients and admins meet it, on the real chain: the justification is required and
 * only verified doctors may give one (the chain refuses the others' breakGlass too); inside the window the
 * doctor gets the emergency profile and records list, each read logged without the justification's text;
 * the patient and admins see the access with its justification; repeated use shows in the review queue; an
 * opted-in patient's document key, re-wrapped by an admin's browser through the clinic key, opens for the
 * doctor inside the window only; after the window (evm_increaseTime) everything is refused and logged.
 */
import { x25519 } from '@noble/curves/ed25519';
import { solidityPackedKeccak256 } from 'ethers';
import type { EmergencyAccessList, EmergencyReviewQueue } from '@api';
import { publishedKeyMessage } from '@api';
import { CHAIN_ID } from '@test-support/dev-chain';
import type { KeyPair } from '../../../../../client/src/app/documents/crypto';
import {
  keyPairOf,
  newDocumentKey,
  publicKeyToHex,
  toHex,
  unwrappedWith,
  wrappedFor,
} from '../../document-keys/test/document-keys-world';
import { mined } from '../../records/test/records-world';
import { GAS, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import {
  advanceChainTime,
  buildEmergencyWorld,
  DEFAULT_WINDOW,
  HOUR,
  PROFILE,
  type EmergencyWorld,
  type Person,
} from './emergency-world';

// Accounts of this file only (1731–1736).
const ACCOUNTS = {
  patient: 1731,
  otherPatient: 1732,
  doctor: 1733,
  noAccessDoctor: 1734,
  pendingDoctor: 1735,
  revokedDoctor: 1736,
};
const JUSTIFICATION = 'Found unconscious in the waiting room; suspected hypoglycaemia, no relative reachable.';

let testApp: TestApp;
let chain: TestChain;
let world: EmergencyWorld;

beforeAll(async () => {
  testApp = await openTestApp('emergency-break-glass');
  chain = await testChain();
  world = await buildEmergencyWorld(testApp, chain, ACCOUNTS);
  // The shortest window the contract allows, so closing it costs the shared test chain one hour of clock.
  await mined(world.emergencyAs('admin').setWindow(HOUR, GAS));
}, 60_000);
afterAll(async () => {
  if (world) await mined(world.emergencyAs('admin').setWindow(DEFAULT_WINDOW, GAS));
  await testApp?.close();
  chain?.close();
});

const address = (who: Person) => world.wallet[who].address;
const emergencyProfileAs = (who: Person) => world.agent[who].get(`/api/emergency/patients/${address('patient')}`);
const accessesAs = (who: Person) =>
  world.agent[who].get('/api/emergency/accesses').query({ patient: address('patient') });
const newestLog = async (count: number) =>
  (await world.accessLog()).slice(0, count).map(({ actor, what, outcome, why }) => ({ actor, what, outcome, why }));

describe('Before the glass is broken', () => {
  test.each([
    ['no justification', {}],
    ['a blank one', { justification: '    ' }],
    ['a too short one', { justification: 'emergency' }],
  ])('When a verified doctor gives %s, then 400 names the justification', async (_case, fields) => {
    const { body } = await world.agent.doctor
      .post('/api/emergency/justifications')
      .send({ patient: address('patient'), ...fields })
      .expect(400);
    expect(body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^justification: /) });
  });

  test.each(['pendingDoctor', 'revokedDoctor'] as const)(
    'When a %s asks, then 403 EMERGENCY_NOT_VERIFIED_DOCTOR, and the chain refuses their breakGlass too',
    async (who) => {
      const { body } = await world.agent[who]
        .post('/api/emergency/justifications')
        .send({ patient: address('patient'), justification: JUSTIFICATION })
        .expect(403);
      expect(body.error.code).toBe('EMERGENCY_NOT_VERIFIED_DOCTOR');

      const commitment = solidityPackedKeccak256(['bytes32', 'string'], [`0x${'11'.repeat(32)}`, JUSTIFICATION]);
      await expect(world.emergencyAs(who).breakGlass.staticCall(address('patient'), commitment)).rejects.toMatchObject({
        revert: { name: 'EmergencyNotVerifiedDoctor' },
      });
    },
  );

  test('When a doctor without an open window asks for the emergency profile, then 403 EMERGENCY_NO_ACCESS and a denied entry in the log', async () => {
    const { body } = await emergencyProfileAs('noAccessDoctor').expect(403);
    expect(body.error.code).toBe('EMERGENCY_NO_ACCESS');
    expect(await newestLog(1)).toEqual([
      {
        actor: address('noAccessDoctor'),
        what: 'patient.emergency-profile',
        outcome: 'denied',
        why: 'no open emergency access',
      },
    ]);
  });
});

describe('Inside the window', () => {
  let opened: { salt: string; commitment: string };
  beforeAll(async () => {
    opened = await world.breakGlass('doctor', 'patient', `  ${JUSTIFICATION} `);
  });

  test('When the doctor gave a justification, then the chain got only its salted commitment', () => {
    expect(opened.commitment).toBe(solidityPackedKeccak256(['bytes32', 'string'], [opened.salt, JUSTIFICATION]));
  });

  test('When the doctor opens the patient, then the emergency profile and records list are served, and both reads are logged by window, not by justification', async () => {
    const { body } = await emergencyProfileAs('doctor').expect(200);

    const { firstName, lastName, dateOfBirth, allergies, chronicConditions, currentMedications } = PROFILE;
    expect(body.profile).toEqual({
      firstName,
      lastName,
      dateOfBirth,
      allergies,
      chronicConditions,
      currentMedications,
      emergencyContact: PROFILE.emergencyContact,
    });
    expect(body.records.map((entry: { cid: string }) => entry.cid)).toEqual([world.recordCid]);
    expect(body.documentsShared).toBe(false);
    const why = `emergency access: window until ${body.expiresAt}`;
    expect(await newestLog(2)).toEqual([
      { actor: address('doctor'), what: 'records.list', outcome: 'allowed', why },
      { actor: address('doctor'), what: 'patient.emergency-profile', outcome: 'allowed', why },
    ]);
  });

  test('When the doctor lists the records the usual way, then the open window admits them too, logged as emergency access', async () => {
    await world.agent.doctor
      .get('/api/records')
      .query({ patient: address('patient') })
      .expect(200);
    expect(await newestLog(1)).toEqual([
      { actor: address('doctor'), what: 'records.list', outcome: 'allowed', why: 'emergency access' },
    ]);
  });

  test('When the patient and an admin look, then they see the live access with the doctor and the justification; another patient may not', async () => {
    for (const who of ['patient', 'admin'] as const) {
      const { items } = (await accessesAs(who).expect(200)).body as EmergencyAccessList;
      expect(items[0]).toMatchObject({
        patient: address('patient'),
        doctor: address('doctor'),
        justification: JUSTIFICATION,
        live: true,
        endedAt: null,
        review: null,
      });
    }
    expect((await accessesAs('otherPatient').expect(403)).body.error.code).toBe('EMERGENCY_NOT_ALLOWED');
  });

  test('When the same doctor breaks the glass again, then the review queue shows their use count grow, unreviewed uses first', async () => {
    const queue = async () =>
      (await world.agent.admin.get('/api/emergency/reviews').expect(200)).body as EmergencyReviewQueue;
    const usesOf = (items: EmergencyReviewQueue['items']) =>
      items.find((item) => item.doctor === address('doctor'))!.doctorUses;
    const before = usesOf((await queue()).items);
    const { items: patientAccesses } = (await accessesAs('patient').expect(200)).body as EmergencyAccessList;
    await world.agent.admin
      .post(`/api/emergency/reviews/${patientAccesses[0].id}`)
      .send({ outcome: 'appropriate', note: 'Confirmed with the ward.' })
      .expect(200);

    await world.breakGlass('doctor', 'otherPatient', 'Brought in after a road accident, unresponsive, no ID card.');

    const after = await queue();
    expect(usesOf(after.items)).toEqual({ total: before.total + 1, last30Days: before.last30Days + 1 });
    const fresh = after.items.find((item) => item.patient === address('otherPatient'))!;
    expect(fresh).toMatchObject({ doctor: address('doctor'), review: null });
    expect(after.items.indexOf(fresh)).toBeLessThan(after.unreviewed);
    const reviewed = after.items.find((item) => item.id === patientAccesses[0].id)!;
    expect(reviewed.review).toMatchObject({ outcome: 'appropriate', reviewer: address('admin') });
    expect(after.items.indexOf(reviewed)).toBeGreaterThanOrEqual(after.unreviewed);
  });
});

describe('Documents, re-wrapped for the doctor through the clinic key', () => {
  const documentKey = newDocumentKey();
  const clinicPrivateKey = x25519.utils.randomPrivateKey();
  const clinicPublicKey = x25519.getPublicKey(clinicPrivateKey);
  const keys = {} as Record<'admin' | 'doctor' | 'patient', KeyPair>;

  beforeAll(async () => {
    for (const who of ['admin', 'doctor', 'patient'] as const) {
      keys[who] = await keyPairOf(world.wallet[who]);
      const publicKey = publicKeyToHex(keys[who].publicKey);
      const signature = await world.wallet[who].signMessage(publishedKeyMessage(publicKey, address(who), CHAIN_ID));
      await world.agent[who].put('/api/keys/me').send({ publicKey, signature }).expect(200);
    }
    // The admin's browser: a clinic key pair, its public half on chain, its private half wrapped for the admin.
    await mined(world.emergencyAs('admin').setEmergencyKey(toHex(clinicPublicKey), GAS));
    await world.agent.admin
      .put('/api/emergency/clinic-key/wraps')
      .send({
        publicKey: toHex(clinicPublicKey),
        wraps: [{ admin: address('admin'), wrappedKey: await wrappedFor(clinicPrivateKey, keys.admin.publicKey) }],
      })
      .expect(200);
    // The patient's browser: their own key of the document, sharing on, a wrap for the clinic key.
    await world.agent.patient
      .put(`/api/documents/${world.recordCid}/keys`)
      .send({
        patient: address('patient'),
        keys: [{ recipient: address('patient'), wrappedKey: await wrappedFor(documentKey, keys.patient.publicKey) }],
      })
      .expect(204);
    await mined(world.emergencyAs('patient').setEmergencySharing(true, GAS));
  });

  test('When the patient stores a clinic wrap, then only CIDs of their own record are taken', async () => {
    const wrap = async (cid: string) => ({ cid, wrappedKey: await wrappedFor(documentKey, clinicPublicKey) });
    const foreignCid = 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG';
    const { body } = await world.agent.patient
      .put('/api/emergency/documents/keys')
      .send({ publicKey: toHex(clinicPublicKey), keys: [await wrap(foreignCid)] })
      .expect(403);
    expect(body.error.code).toBe('EMERGENCY_NOT_OWN_RECORD');
    await world.agent.patient
      .put('/api/emergency/documents/keys')
      .send({ publicKey: toHex(clinicPublicKey), keys: [await wrap(world.recordCid)] })
      .expect(204);
  });

  test('When an admin re-wraps during the window, then the doctor gets a key that opens the document, logged as emergency access', async () => {
    const { body: ownWrap } = await world.agent.admin.get('/api/emergency/clinic-key/wraps/me').expect(200);
    const clinicKey = await unwrappedWith(ownWrap.wrappedKey, keys.admin);
    const { items } = (await accessesAs('admin').expect(200)).body as EmergencyAccessList;
    const { body: clinicWrapped } = await world.agent.admin
      .get(`/api/emergency/accesses/${items[0].id}/document-keys`)
      .expect(200);
    const rewrapped = await Promise.all(
      clinicWrapped.items.map(async (item: { cid: string; wrappedKey: string }) => ({
        cid: item.cid,
        wrappedKey: await wrappedFor(
          await unwrappedWith(item.wrappedKey, { privateKey: clinicKey, publicKey: clinicPublicKey }),
          keys.doctor.publicKey,
        ),
      })),
    );
    await world.agent.admin
      .post(`/api/emergency/accesses/${items[0].id}/document-keys`)
      .send({ keys: rewrapped })
      .expect(204);

    const { body } = await world.agent.doctor.get(`/api/documents/${world.recordCid}/key`).expect(200);
    expect(await unwrappedWith(body.wrappedKey, keys.doctor)).toEqual(documentKey);
    expect(await newestLog(1)).toEqual([
      { actor: address('doctor'), what: 'document.key', outcome: 'allowed', why: 'emergency access' },
    ]);
  });

  describe('After the window closes', () => {
    beforeAll(async () => {
      await advanceChainTime(chain, HOUR + 60);
    });

    test('When the doctor asks again, then the emergency profile and the document key are refused (403) and logged', async () => {
      expect((await emergencyProfileAs('doctor').expect(403)).body.error.code).toBe('EMERGENCY_NO_ACCESS');
      const [profileRefusal] = await newestLog(1);
      expect(profileRefusal).toEqual({
        actor: address('doctor'),
        what: 'patient.emergency-profile',
        outcome: 'denied',
        why: 'no open emergency access',
      });
      const { body } = await world.agent.doctor.get(`/api/documents/${world.recordCid}/key`).expect(403);
      expect(body.error.code).toBe('DOCUMENT_NO_ACCESS');
      expect(await newestLog(1)).toEqual([
        { actor: address('doctor'), what: 'document.key', outcome: 'denied', why: 'no access' },
      ]);
    });

    test('When an admin tries to re-wrap for the closed access, then 409 EMERGENCY_NOT_LIVE, and the patient sees it closed', async () => {
      const { items } = (await accessesAs('patient').expect(200)).body as EmergencyAccessList;
      expect(items[0]).toMatchObject({ doctor: address('doctor'), live: false, justification: JUSTIFICATION });
      const { body } = await world.agent.admin.get(`/api/emergency/accesses/${items[0].id}/document-keys`).expect(409);
      expect(body.error.code).toBe('EMERGENCY_NOT_LIVE');
    });
  });
});
