/**
 * A document key, sealed for one reader (patient, doctor, recovery key) in the manner of a sealed box: a
 * fresh ephemeral X25519 key pair per wrap, ECDH with the reader's public key, HKDF-SHA256 to an AES-256-GCM
 * key, then AES-GCM over the 32-byte document key. Only the reader's private key recomputes the shared
 * secret; the sender keeps nothing, and two wraps of the same key look unrelated.
 *
 * Wrapped key, version 1 (93 bytes):
 *   0       version (1)
 *   1..32   the ephemeral public key
 *   33..44  the 12-byte AES-GCM IV
 *   45..92  AES-GCM ciphertext of the document key (32 bytes) and its 16-byte tag
 * Bytes 0..32 are the GCM additional data, so the version and ephemeral key cannot be swapped unnoticed.
 */
import { x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { asBufferSource } from './bytes';
import { DOCUMENT_KEY_LENGTH } from './envelope';
import { KeyWrapError } from './errors';

export const KEY_WRAP_VERSION = 1;
const X25519_KEY_LENGTH = 32;
const IV_LENGTH = 12;
const GCM_TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + X25519_KEY_LENGTH;
export const WRAPPED_KEY_LENGTH = HEADER_LENGTH + IV_LENGTH + DOCUMENT_KEY_LENGTH + GCM_TAG_LENGTH;

/** Domain separation for the wrapping key; fixed for version 1. */
const WRAP_INFO_PREFIX = utf8ToBytes('EHR Hospital/document-key-wrap/v1');

export async function wrapKey(documentKey: Uint8Array, recipientPublicKey: Uint8Array): Promise<Uint8Array> {
  if (documentKey.length !== DOCUMENT_KEY_LENGTH) {
    throw new KeyWrapError('invalid-key', `A document key has ${DOCUMENT_KEY_LENGTH} bytes`);
  }
  const ephemeralPrivateKey = x25519.utils.randomPrivateKey();
  const ephemeralPublicKey = x25519.getPublicKey(ephemeralPrivateKey);
  const wrappingKey = await deriveWrappingKey(
    ephemeralPrivateKey,
    recipientPublicKey,
    { ephemeralPublicKey, recipientPublicKey },
    'encrypt',
  );
  const header = concatBytes(Uint8Array.of(KEY_WRAP_VERSION), ephemeralPublicKey);
  const iv = randomBytes(IV_LENGTH);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: asBufferSource(iv), additionalData: asBufferSource(header) },
    wrappingKey,
    asBufferSource(documentKey),
  );
  return concatBytes(header, iv, new Uint8Array(ciphertext));
}

export async function unwrapKey(wrapped: Uint8Array, recipientPrivateKey: Uint8Array): Promise<Uint8Array> {
  if (wrapped.length < 1) throw new KeyWrapError('malformed', 'A wrapped key cannot be empty');
  if (wrapped[0] !== KEY_WRAP_VERSION) {
    throw new KeyWrapError('unsupported-version', `Wrapped key version ${wrapped[0]} is not supported`);
  }
  if (wrapped.length !== WRAPPED_KEY_LENGTH) {
    throw new KeyWrapError('malformed', `A version 1 wrapped key has ${WRAPPED_KEY_LENGTH} bytes`);
  }
  const ephemeralPublicKey = wrapped.subarray(1, HEADER_LENGTH);
  const recipientPublicKey = publicKeyOf(recipientPrivateKey);
  const wrappingKey = await deriveWrappingKey(
    recipientPrivateKey,
    ephemeralPublicKey,
    { ephemeralPublicKey, recipientPublicKey },
    'decrypt',
  );
  try {
    const documentKey = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: asBufferSource(wrapped.subarray(HEADER_LENGTH, HEADER_LENGTH + IV_LENGTH)),
        additionalData: asBufferSource(wrapped.subarray(0, HEADER_LENGTH)),
      },
      wrappingKey,
      asBufferSource(wrapped.subarray(HEADER_LENGTH + IV_LENGTH)),
    );
    return new Uint8Array(documentKey);
  } catch {
    throw new KeyWrapError('unwrap-failed', 'This key was not wrapped for you, or it was altered');
  }
}

/** The two public keys of one exchange, which the wrapping key is bound to. */
interface Exchange {
  readonly ephemeralPublicKey: Uint8Array;
  readonly recipientPublicKey: Uint8Array;
}

/**
 * ECDH of `ownPrivateKey` with its peer's public key (the recipient's when wrapping, the ephemeral one when
 * unwrapping), then HKDF-SHA256 whose info binds the ephemeral and the recipient public key, so the
 * wrapping key belongs to this one exchange and a wrap cannot be re-aimed at another key.
 */
async function deriveWrappingKey(
  ownPrivateKey: Uint8Array,
  peerPublicKey: Uint8Array,
  { ephemeralPublicKey, recipientPublicKey }: Exchange,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  let sharedSecret: Uint8Array;
  try {
    // noble refuses wrong lengths and low-order points (an all-zero shared secret) by throwing.
    sharedSecret = x25519.getSharedSecret(ownPrivateKey, peerPublicKey);
  } catch {
    throw new KeyWrapError('invalid-key', 'Not a usable X25519 key');
  }
  const info = concatBytes(WRAP_INFO_PREFIX, ephemeralPublicKey, recipientPublicKey);
  const keyBytes = hkdf(sha256, sharedSecret, undefined, info, 32);
  return crypto.subtle.importKey('raw', asBufferSource(keyBytes), 'AES-GCM', false, [usage]);
}

function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  try {
    return x25519.getPublicKey(privateKey);
  } catch {
    throw new KeyWrapError('invalid-key', 'Not a usable X25519 private key');
  }
}
