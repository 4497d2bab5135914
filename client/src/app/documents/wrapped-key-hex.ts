/** Wrapped keys as the API carries them: `0x` and the hex of wrapKey's 93 bytes. */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';

export function wrappedKeyHex(wrapped: Uint8Array): string {
  return `0x${bytesToHex(wrapped)}`;
}

export function wrappedKeyBytes(hex: string): Uint8Array {
  if (!/^0x([0-9a-fA-F]{2})+$/.test(hex)) throw new Error('A wrapped key is 0x and hex digits');
  return hexToBytes(hex.slice(2));
}
