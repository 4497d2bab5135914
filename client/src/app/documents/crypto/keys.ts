/**
 * Each user's X25519 key pair, derived in the browser from a wallet signature: no key store, nothing secret
 * kept anywhere, and the same wallet re-derives the same key on any device. Plus the signed statement that
 * publishes the public key, which every browser checks before encrypting to it, so the server (which only
 * relays the key) cannot substitute its own. MetaMask's eth_getEncryptionPublicKey/eth_decrypt are
 * deprecated and MetaMask-only; they are deliberately not used (docs/decisions/0011-document-encryption.md).
 */
import { x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { getAddress, getBytes, Signature, verifyMessage } from 'ethers';
import { KEYS_APP_NAME, KEYS_VERSION, publishedKeyMessage } from '@api/document-keys';

export const APP_NAME = KEYS_APP_NAME;
export const KEY_DERIVATION_VERSION = KEYS_VERSION;

/**
 * HKDF parameters, fixed forever for version 1: changing any of them changes every user's key and strands
 * every document wrapped to it. The salt and info name the app, purpose and version (domain separation:
 * the same signature fed to another HKDF use gives an unrelated key).
 */
const DERIVATION_SALT = utf8ToBytes('EHR Hospital/document-encryption-key/salt/v1');
const DERIVATION_INFO = utf8ToBytes('EHR Hospital/document-encryption-key/x25519/v1');

export interface KeyPair {
  /** 32 bytes; never leaves the browser, never stored. */
  readonly privateKey: Uint8Array;
  /** 32 bytes; published with the profile together with a {@link publishedKeyMessage} signature. */
  readonly publicKey: Uint8Array;
}

/**
 * The text the wallet signs to derive the user's key: plain and readable, so the person sees what they
 * sign. The address and chain id make it per account and per chain; the version lets a future format
 * derive fresh keys without colliding with these.
 */
export function keyDerivationMessage(address: string, chainId: bigint | number): string {
  return [
    `${APP_NAME}: document encryption key`,
    '',
    'Signing this derives the key that encrypts and opens your documents in this browser.',
    'It is not a transaction and costs nothing. Sign it only on the EHR Hospital site:',
    'whoever holds this signature can open your documents.',
    '',
    `App: ${APP_NAME}`,
    'Purpose: document encryption key',
    `Version: ${KEY_DERIVATION_VERSION}`,
    `Address: ${getAddress(address)}`,
    `Chain ID: ${BigInt(chainId).toString()}`,
  ].join('\n');
}

/**
 * The key pair a {@link keyDerivationMessage} signature yields: HKDF-SHA256 over the signature's r and s.
 * The recovery byte v is left out because wallets spell it differently (27/28 or 0/1) for the same
 * signature, which would otherwise give the same wallet two keys. Deterministic: wallets sign with
 * RFC 6979 nonces, so the same account re-signs the same message to the same r, s; the caller compares the
 * derived public key with the published one to catch a wallet that does not.
 */
export function deriveKeyPair(signature: string): KeyPair {
  const parsed = Signature.from(signature);
  const inputKeyMaterial = concatBytes(getBytes(parsed.r), getBytes(parsed.s));
  // Any 32 bytes are a valid X25519 private key: x25519 clamps them itself (RFC 7748).
  const privateKey = hkdf(sha256, inputKeyMaterial, DERIVATION_SALT, DERIVATION_INFO, 32);
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/** A public key as the API carries it: 0x-prefixed lowercase hex of its 32 bytes. */
export function publicKeyToHex(publicKey: Uint8Array): string {
  return `0x${bytesToHex(publicKey)}`;
}

/** The 32 bytes of a {@link publicKeyToHex} string (either case); throws on anything else. */
export function publicKeyFromHex(hex: string): Uint8Array {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw new Error('A public key is 0x and 64 hex digits');
  return hexToBytes(hex.slice(2));
}

/** The statement the owner signs to publish their public key (one definition, shared with the server). */
export { publishedKeyMessage };

export interface PublishedKey {
  /** 0x-prefixed hex of the 32-byte X25519 public key. */
  readonly publicKey: string;
  readonly address: string;
  readonly chainId: bigint | number;
  /** The owner's signature over {@link publishedKeyMessage}. */
  readonly signature: string;
}

/**
 * Whether `address` itself signed `publicKey` for `chainId`. A browser encrypts to someone's key only after
 * this returns true. Malformed input (a bad key, address or signature) is simply not a valid statement.
 */
export function verifyPublishedKey({ publicKey, address, chainId, signature }: PublishedKey): boolean {
  try {
    publicKeyFromHex(publicKey);
    const signer = verifyMessage(publishedKeyMessage(publicKey, address, chainId), signature);
    return signer === getAddress(address);
  } catch {
    return false;
  }
}
