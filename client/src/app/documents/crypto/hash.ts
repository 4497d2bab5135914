/**
 * The content hash the chain anchors (`Records.addRecord(..., contentHash)`): sha256 of the encrypted
 * bytes exactly as pinned. Never the plaintext's: a plaintext hash on a public chain lets anyone confirm
 * a guessed document (a standard lab form, a yes/no test result).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/** sha256 of the envelope bytes as 0x-prefixed lowercase hex (a Solidity `bytes32`). */
export function ciphertextHash(envelopeBytes: Uint8Array): `0x${string}` {
  return `0x${bytesToHex(sha256(envelopeBytes))}`;
}
