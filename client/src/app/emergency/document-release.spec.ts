import { TestBed } from '@angular/core/testing';
import { ZeroHash, getAddress } from 'ethers';
import { documentIdentity } from '../../testing/document-services.fixture';
import {
  ADMIN,
  DOCTOR,
  GAS,
  PATIENT,
  bedAs,
  startEmergencyChain,
  type PersonBed,
} from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { publicKeyFromHex, unwrapKey, wrapKey } from '../documents/crypto';
import { wrappedKeyBytes, wrappedKeyHex } from '../documents/wrapped-key-hex';
import { ClinicKeySetup } from './clinic-key-setup';
import { DocumentRelease } from './document-release';
import { EmergencySharing } from './emergency-sharing';

/**
 * The whole key path with real crypto and a real chain: an admin sets up the clinic key, the patient turns
 * emergency sharing on (their browser wraps their document key for the clinic), a doctor breaks the glass, and an
 * admin's browser re-wraps the key for the doctor, who alone can open it.
 */
describe('Emergency sharing, clinic key and release (on an in-process chain, real crypto)', () => {
  let chain: TestChain;
  let bed: PersonBed | undefined;
  const documentKey = crypto.getRandomValues(new Uint8Array(32));
  const cid = `Qm${'e'.repeat(44)}`;

  beforeAll(async () => {
    chain = await startEmergencyChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => bed?.stop());

  async function publishedKeys() {
    return {
      admin: await documentIdentity(ADMIN),
      doctor: await documentIdentity(DOCTOR),
      patient: await documentIdentity(PATIENT),
    };
  }

  it('When the patient shares and an admin releases during a doctor’s window, then the doctor’s wrap opens to the patient’s document key, and the server never held it in the clear', async () => {
    const people = await publishedKeys();
    // The admin sets up the clinic key: on chain, and wrapped for the admin's own key.
    bed = await bedAs(chain, ADMIN);
    bed.emergency.admins = [ADMIN.address];
    for (const person of Object.values(people)) bed.keys.publish(person.published);
    const setUp = await TestBed.inject(ClinicKeySetup).setUp();
    const clinicKey = await chain.emergencyAccess.emergencyKey();
    expect(setUp?.publicKey).toBe(clinicKey);
    expect(setUp?.wrappedFor).toEqual([ADMIN.address]);
    bed.emergency.clinicKey = clinicKey;
    let state = { emergency: bed.emergency, keys: bed.keys };
    bed.stop();

    // The patient's one document, wrapped for them at upload; they turn emergency sharing on.
    bed = await bedAs(chain, PATIENT, state);
    bed.keys.wrapped.set(cid, {
      patient: PATIENT.address,
      keys: new Map([
        [PATIENT.address.toLowerCase(), wrappedKeyHex(await wrapKey(documentKey, people.patient.keys.publicKey))],
      ]),
      sharing: 'doctors-with-access',
    });
    expect(await TestBed.inject(EmergencySharing).turnOn()).toBe(1);
    expect(await chain.emergencyAccess.emergencySharing(PATIENT.address)).toBe(true);
    expect(bed.emergency.clinicDocumentKeys.get(cid)?.publicKey).toBe(clinicKey);
    state = { emergency: bed.emergency, keys: bed.keys };
    bed.stop();

    // The doctor breaks the glass (the break-glass spec covers the form); the admin releases.
    const doctorSigner = await chain.provider.getSigner(DOCTOR.address);
    await (
      await chain.emergencyAccess.connect(doctorSigner).breakGlass(PATIENT.address, `0x${'ab'.repeat(32)}`, GAS)
    ).wait();
    const accessId = `0x${'cd'.repeat(32)}-0`;
    bed = await bedAs(chain, ADMIN, state);
    bed.emergency.accesses.set(accessId, { patient: PATIENT.address, doctor: DOCTOR.address });
    expect(await TestBed.inject(DocumentRelease).release({ id: accessId, doctor: DOCTOR.address })).toBe(1);

    const [released] = bed.emergency.released.get(accessId)!;
    expect(released.cid).toBe(cid);
    expect(await unwrapKey(wrappedKeyBytes(released.wrappedKey), people.doctor.keys.privateKey)).toEqual(documentKey);
    const sentToServer = JSON.stringify([...bed.emergency.bodies, ...bed.keys.bodies]);
    expect(sentToServer).not.toContain(Buffer.from(documentKey).toString('hex'));
    expect(clinicKey).not.toBe(ZeroHash);
  });

  it('When the doctor’s published key is not signed by the doctor’s wallet, then the admin’s browser releases nothing', async () => {
    const people = await publishedKeys();
    bed = await bedAs(chain, ADMIN);
    bed.emergency.admins = [ADMIN.address];
    bed.keys.publish(people.admin.published);
    // A key the server could substitute: the doctor's address, someone else's key and signature.
    bed.keys.publish({ ...people.patient.published, address: getAddress(DOCTOR.address) });
    await TestBed.inject(ClinicKeySetup).setUp();
    const clinicKey = publicKeyFromHex(await chain.emergencyAccess.emergencyKey());
    bed.emergency.clinicKey = await chain.emergencyAccess.emergencyKey();
    bed.emergency.clinicDocumentKeys.set(cid, {
      patient: PATIENT.address,
      publicKey: bed.emergency.clinicKey,
      wrappedKey: wrappedKeyHex(await wrapKey(documentKey, clinicKey)),
    });
    const accessId = `0x${'ef'.repeat(32)}-1`;
    bed.emergency.accesses.set(accessId, { patient: PATIENT.address, doctor: DOCTOR.address });

    await expect(TestBed.inject(DocumentRelease).release({ id: accessId, doctor: DOCTOR.address })).rejects.toThrow(
      /signature invalid/,
    );
    expect(bed.emergency.released.has(accessId)).toBe(false);
  });
});
