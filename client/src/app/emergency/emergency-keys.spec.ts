import { x25519 } from '@noble/curves/ed25519';
import { unwrapKey, wrapKey } from '../documents/crypto';
import { wrappedKeyBytes, wrappedKeyHex } from '../documents/wrapped-key-hex';
import {
  generateClinicKeyPair,
  rewrapForClinic,
  rewrapForDoctor,
  unwrapClinicKey,
  wrapClinicKeyFor,
} from './emergency-keys';

function person() {
  const privateKey = x25519.utils.randomPrivateKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

describe('emergency keys (real crypto)', () => {
  const documentKey = crypto.getRandomValues(new Uint8Array(32));

  it('When a patient shares, an admin releases and the doctor unwraps, then the doctor holds the patient’s document key, and nobody else along the way can open a wrap', async () => {
    const patient = person();
    const admin = person();
    const doctor = person();
    const stranger = person();
    const clinic = generateClinicKeyPair();
    const patientWrap = wrappedKeyHex(await wrapKey(documentKey, patient.publicKey));

    // The admin's browser sets the clinic key up; the patient's browser wraps for it.
    const clinicForAdmin = await wrapClinicKeyFor(clinic.privateKey, admin.publicKey);
    const clinicWrap = await rewrapForClinic(patientWrap, patient.privateKey, clinic.publicKey);
    // Release: the admin opens the clinic key and seals the document key for the doctor.
    const clinicKey = await unwrapClinicKey(clinicForAdmin, admin.privateKey, clinic.publicKey);
    const doctorWrap = await rewrapForDoctor(clinicWrap, clinicKey, doctor.publicKey);

    expect(await unwrapKey(wrappedKeyBytes(doctorWrap), doctor.privateKey)).toEqual(documentKey);
    for (const wrap of [clinicWrap, doctorWrap, clinicForAdmin]) {
      await expect(unwrapKey(wrappedKeyBytes(wrap), stranger.privateKey)).rejects.toMatchObject({
        code: 'unwrap-failed',
      });
    }
    // The clinic wrap alone does not open for the doctor: an admin's release is needed.
    await expect(unwrapKey(wrappedKeyBytes(clinicWrap), doctor.privateKey)).rejects.toMatchObject({
      code: 'unwrap-failed',
    });
  });

  it('When an admin’s copy is of a clinic key the chain no longer names, then it is refused, not used', async () => {
    const admin = person();
    const oldClinic = generateClinicKeyPair();
    const currentClinic = generateClinicKeyPair();
    const oldCopy = await wrapClinicKeyFor(oldClinic.privateKey, admin.publicKey);

    await expect(unwrapClinicKey(oldCopy, admin.privateKey, currentClinic.publicKey)).rejects.toThrow(
      /not the key the chain names/,
    );
  });

  it('makes a new clinic key pair each time', () => {
    expect(generateClinicKeyPair().privateKey).not.toEqual(generateClinicKeyPair().privateKey);
  });
});
