/**
 * The printed recovery code: 32 random bytes, shown once, from which two keys are derived with HKDF-SHA256 —
 * an X25519 key every document key is also wrapped to, and an Ed25519 key that later proves a claim
 * (recoveryClaimMessage) when the patient moves to a new wallet. Nothing of it is stored anywhere.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';

export const RECOVERY_CODE_BYTES = 32;
/** Fixed forever for version 1: changing them strands every recovery wrap. */
const RECOVERY_SALT = utf8ToBytes('EHR Hospital/recovery-code/salt/v1');
const ENCRYPTION_INFO = utf8ToBytes('EHR Hospital/recovery-code/x25519/v1');
const SIGNING_INFO = utf8ToBytes('EHR Hospital/recovery-code/ed25519/v1');

export interface RecoveryKeys {
  /** X25519: receives a wrap of every document key. */
  encryptionPrivateKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
  /** Ed25519: signs the claim that moves the documents to a new wallet. */
  signingPrivateKey: Uint8Array;
  signingPublicKey: Uint8Array;
}

export function newRecoverySecret(): Uint8Array {
  return randomBytes(RECOVERY_CODE_BYTES);
}

/** The two key pairs of a recovery secret (deterministic: the same code gives the same keys). */
export function recoveryKeys(secret: Uint8Array): RecoveryKeys {
  if (secret.length !== RECOVERY_CODE_BYTES) throw new Error(`A recovery code holds ${RECOVERY_CODE_BYTES} bytes`);
  const encryptionPrivateKey = hkdf(sha256, secret, RECOVERY_SALT, ENCRYPTION_INFO, 32);
  const signingPrivateKey = hkdf(sha256, secret, RECOVERY_SALT, SIGNING_INFO, 32);
  return {
    encryptionPrivateKey,
    encryptionPublicKey: x25519.getPublicKey(encryptionPrivateKey),
    signingPrivateKey,
    signingPublicKey: ed25519.getPublicKey(signingPrivateKey),
  };
}

/** Printable: 16 groups of 4 hex digits ("3f2a-09bc-…"), easy to copy by hand. */
export function formatRecoveryCode(secret: Uint8Array): string {
  return (bytesToHex(secret).match(/.{4}/g) ?? []).join('-');
}

/** The secret of a typed or pasted code (spaces, dashes and case ignored); throws when it is not one. */
export function parseRecoveryCode(code: string): Uint8Array {
  const hex = code.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('A recovery code is 64 hex digits (16 groups of 4)');
  return hexToBytes(hex);
}
