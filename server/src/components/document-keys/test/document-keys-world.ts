/**
 * What the document-keys tests share: the real app and chain, wallets with the real browser crypto
 * (client/src/app/documents/crypto: keys derived from a wallet signature, keys wrapped as the browser wraps
 * them), fresh CIDs, and the patient's access log.
 */
import { randomBytes } from 'node:crypto';
import { concat, encodeBase58, sha256, type HDNodeWallet } from 'ethers';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { AuditEntry, AuditPage } from '@api';
import { CHAIN_ID } from '@test-support/dev-chain';
import {
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyToHex,
  unwrapKey,
  wrapKey,
  type KeyPair,
} from '../../../../../client/src/app/documents/crypto';
import { signIn } from '../../../test-support/siwe-client';
import type { TestApp } from '../../../test-support/test-app';

/** A CIDv0 nobody else's test uses: base58(sha2-256 multihash of random bytes). */
export const freshCid = (): string => encodeBase58(concat(['0x1220', sha256(randomBytes(32))]));

/** The wallet's document key pair, derived exactly as the browser derives it. */
export async function keyPairOf(wallet: HDNodeWallet): Promise<KeyPair> {
  return deriveKeyPair(await wallet.signMessage(keyDerivationMessage(wallet.address, CHAIN_ID)));
}

export const toHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
export const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.slice(2), 'hex'));

/** A random document key wrapped for `publicKey`, as the browser stores it (0x + 93 bytes hex). */
export async function wrappedFor(documentKey: Uint8Array, publicKey: Uint8Array): Promise<string> {
  return toHex(await wrapKey(documentKey, publicKey));
}

/** The document key a served wrapped key opens to with `keys`' private key. */
export async function unwrappedWith(wrappedKeyHex: string, keys: KeyPair): Promise<Uint8Array> {
  return unwrapKey(fromHex(wrappedKeyHex), keys.privateKey);
}

export const newDocumentKey = (): Uint8Array => Uint8Array.from(randomBytes(32));

export { publicKeyToHex };

export async function signedInAgent(testApp: TestApp, wallet: HDNodeWallet): Promise<Agent> {
  const agent = request.agent(testApp.app);
  await signIn(agent, wallet);
  return agent;
}

/** The newest entries of the patient's access log (their own view, /api/audit/me). */
export async function accessLogOf(patientAgent: Agent): Promise<AuditEntry[]> {
  return ((await patientAgent.get('/api/audit/me').expect(200)).body as AuditPage).items;
}
