/**
 * Checks of the signed statements in api/document-keys.ts: a wallet's personal_sign signature (EIP-191)
 * and the recovery code's Ed25519 signature. Both answer false for anything malformed: a bad signature is
 * the caller's mistake, never a 500.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { verifyMessage } from 'ethers';

/** True when `signature` is `address`'s wallet signature over `message`. */
export function isWalletSignature(message: string, signature: string, address: string): boolean {
  try {
    return verifyMessage(message, signature).toLowerCase() === address.toLowerCase();
  } catch {
    return false;
  }
}

/** True when `proofHex` (0x + 64 bytes) is an Ed25519 signature over `message` by `signingKeyHex` (0x + 32 bytes). */
export function isEd25519Signature(message: string, proofHex: string, signingKeyHex: string): boolean {
  try {
    // zip215 false: strict RFC 8032 verification, one valid encoding per signature.
    return ed25519.verify(hexToBytes(proofHex.slice(2)), utf8ToBytes(message), hexToBytes(signingKeyHex.slice(2)), {
      zip215: false,
    });
  } catch {
    return false;
  }
}
