/**
 * Typed failures of the document crypto, so the UI can say what went wrong ("this file was altered",
 * "this key is not for you") without parsing messages. AES-GCM cannot tell a tampered ciphertext from a
 * wrong key (both fail the same tag check), so those share one code on purpose.
 */

export type EnvelopeErrorCode =
  /** Too short to hold the header and the GCM tag. */
  | 'truncated'
  /** Does not start with the "EHRDOC" magic: not an app document at all. */
  | 'not-an-envelope'
  | 'unsupported-version'
  | 'unsupported-algorithm'
  /** The document key is not 32 bytes. */
  | 'invalid-key'
  /** The GCM tag did not verify: the bytes were altered, or the key is not this document's. */
  | 'authentication-failed'
  /** Decrypted, but the payload inside is not laid out as this format says (a bug or a foreign writer). */
  | 'malformed-payload';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type KeyWrapErrorCode =
  /** Too short, or the wrong length, for a wrapped key of its version. */
  | 'malformed'
  | 'unsupported-version'
  /** A public or private key that is not a usable X25519 key (wrong length, or a low-order point). */
  | 'invalid-key'
  /** The GCM tag did not verify: wrapped for someone else, or altered. */
  | 'unwrap-failed';

export class KeyWrapError extends Error {
  override readonly name = 'KeyWrapError';

  constructor(
    readonly code: KeyWrapErrorCode,
    message: string,
  ) {
    super(message);
  }
}
