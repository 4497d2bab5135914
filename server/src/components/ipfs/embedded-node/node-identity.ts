/**
 * A stable peer ID for `/api/v0/id`, shaped like Kubo's: the identity multihash of an Ed25519 libp2p
 * public key ("12D3KooW…"). The node never talks to other peers; the ID only lets clients tell nodes apart.
 */
import { generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { base58btc } from 'multiformats/bases/base58';
import { base64 } from 'multiformats/bases/base64';

export interface NodeIdentity {
  id: string;
  /** The libp2p protobuf PublicKey, base64 (as Kubo prints it). */
  publicKey: string;
}

/** Reads the identity from `file`, creating it on first start. */
export async function loadOrCreateIdentity(file: string): Promise<NodeIdentity> {
  const stored = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (stored) return JSON.parse(stored) as NodeIdentity;
  const identity = createIdentity();
  await fs.writeFile(file, JSON.stringify(identity, null, 1));
  return identity;
}

function createIdentity(): NodeIdentity {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32); // the last 32 bytes are the key
  // libp2p PublicKey protobuf: field 1 (KeyType) = 1 (Ed25519), field 2 (Data) = 32 bytes.
  const protobuf = Uint8Array.from([0x08, 0x01, 0x12, 0x20, ...raw]);
  // Keys this short are inlined as an identity multihash (code 0x00) rather than hashed.
  const multihash = Uint8Array.from([0x00, protobuf.length, ...protobuf]);
  return { id: base58btc.baseEncode(multihash), publicKey: base64.baseEncode(protobuf) };
}
