/**
 * The key work of emergency sharing, as pure functions over bytes (no HTTP, no chain, no Angular):
 *
 *  - the clinic's emergency key is an X25519 key pair made in an admin's browser; its public half goes on chain
 *    (EmergencyAccess.setEmergencyKey), its private half only ever leaves the browser wrapped for each admin's
 *    own published key (the same sealed-box wrap as document keys: documents/crypto/wrap.ts);
 *  - a patient who opts in wraps each document key for the clinic's public key;
 *  - on release, an on-duty admin unwraps the clinic key with their own key, unwraps each clinic-wrapped
 *    document key with it and wraps it again for the requesting doctor. The document keys exist in the clear
 *    only in that admin's memory, for the time of the loop.
 */
import { x25519 } from '@noble/curves/ed25519';
import { unwrapKey, wrapKey } from '../documents/crypto';
import { wrappedKeyBytes, wrappedKeyHex } from '../documents/wrapped-key-hex';

export interface ClinicKeyPair {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A fresh clinic emergency key pair from the browser's CSPRNG (noble draws from crypto.getRandomValues). */
export function generateClinicKeyPair(): ClinicKeyPair {
  const privateKey = x25519.utils.randomPrivateKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/** The clinic private key sealed for one admin's (verified) public key, as the API carries wrapped keys. */
export async function wrapClinicKeyFor(clinicPrivateKey: Uint8Array, adminPublicKey: Uint8Array): Promise<string> {
  return wrappedKeyHex(await wrapKey(clinicPrivateKey, adminPublicKey));
}

/**
 * The clinic private key out of the admin's wrap, checked against the public key the chain names: a wrap of
 * any other key (an old clinic key, or one a server slipped in) is refused rather than used.
 */
export async function unwrapClinicKey(
  wrappedForAdmin: string,
  adminPrivateKey: Uint8Array,
  clinicPublicKeyOnChain: Uint8Array,
): Promise<Uint8Array> {
  const clinicPrivateKey = await unwrapKey(wrappedKeyBytes(wrappedForAdmin), adminPrivateKey);
  if (!sameBytes(x25519.getPublicKey(clinicPrivateKey), clinicPublicKeyOnChain)) {
    throw new Error(
      'Your copy of the clinic emergency key is not the key the chain names now (it was replaced): ask the admin who set the current key to set it up again.',
    );
  }
  return clinicPrivateKey;
}

/** The patient's own wrap of a document key, opened and sealed again for the clinic's emergency key. */
export async function rewrapForClinic(
  ownWrappedKey: string,
  patientPrivateKey: Uint8Array,
  clinicPublicKey: Uint8Array,
): Promise<string> {
  const documentKey = await unwrapKey(wrappedKeyBytes(ownWrappedKey), patientPrivateKey);
  return wrappedKeyHex(await wrapKey(documentKey, clinicPublicKey));
}

/** A clinic-wrapped document key, opened with the clinic key and sealed again for the doctor's key. */
export async function rewrapForDoctor(
  clinicWrappedKey: string,
  clinicPrivateKey: Uint8Array,
  doctorPublicKey: Uint8Array,
): Promise<string> {
  const documentKey = await unwrapKey(wrappedKeyBytes(clinicWrappedKey), clinicPrivateKey);
  return wrappedKeyHex(await wrapKey(documentKey, doctorPublicKey));
}

export function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}
