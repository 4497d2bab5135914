/**
 * The Merkle tree `StandardMerkleTree.of(records, ["address", "string", "bytes32"])` builds — same leaves, same
 * sorted order, same root, same proofs — made fast enough for bulk anchoring:
 * - each leaf is keccak256(keccak256(abi.encode(patient, cid, contentHash))), encoded here by hand (three head
 *   words, then the string's length and padded bytes) and hashed with @noble/hashes' keccak_256, instead of
 *   @metamask/abi-utils' generic encoder;
 * - the tree array is the library's own (`makeMerkleTree` of its core, with a node hash over bytes);
 * - proofs are cut from that array as the core's `getProof` cuts them, without `StandardMerkleTree.getProof`'s
 *   re-hash of the leaf and re-check of every proof (70 % of the time at 10,000 records). The test
 *   (bench/test/record-merkle-tree.test.ts) proves leaves, root and proofs equal the library's, and the bench
 *   checks a sample of proofs against the library and on chain in every run.
 */
import type { BytesLike } from '@openzeppelin/merkle-tree/dist/bytes';
import { makeMerkleTree } from '@openzeppelin/merkle-tree/dist/core';
import { keccak_256 } from '@noble/hashes/sha3';
import { utf8ToBytes } from '@noble/hashes/utils';

/** One legacy record as the Anchoring contract checks it: patient, CID, sha256 of the content. */
export type AnchoredRecord = [patient: string, cid: string, contentHash: string];

export interface RecordMerkleTree {
  root: string;
  /** Every record's proof, in the records' order (what `StandardMerkleTree.getProof(i)` answers). */
  proofs: string[][];
}

const WORD = 32;
/** The string's offset in abi.encode(address, string, bytes32): right after the three head words. */
const STRING_OFFSET = 3 * WORD;

/** abi.encode(address patient, string cid, bytes32 contentHash), as Solidity and @metamask/abi-utils encode it. */
export function encodeRecord([patient, cid, contentHash]: AnchoredRecord): Uint8Array {
  const text = utf8ToBytes(cid);
  const padded = Math.ceil(text.length / WORD) * WORD;
  const encoded = new Uint8Array(4 * WORD + padded);
  encoded.set(fixedBytes(patient, 20), WORD - 20);
  encoded[2 * WORD - 1] = STRING_OFFSET;
  encoded.set(fixedBytes(contentHash, WORD), 2 * WORD);
  new DataView(encoded.buffer).setUint32(4 * WORD - 4, text.length);
  encoded.set(text, 4 * WORD);
  return encoded;
}

/** The StandardMerkleTree leaf: keccak256(bytes.concat(keccak256(abi.encode(...)))), against second preimages. */
export function recordLeaf(record: AnchoredRecord): Uint8Array {
  return keccak_256(keccak_256(encodeRecord(record)));
}

/**
 * The library's node hash (keccak of the two children, smaller first). The tree holds lowercase 0x-hex of equal
 * length, whose string order is their numeric order: no BigInt compare, and Node's own hex codec.
 */
function nodeHash(left: BytesLike, right: BytesLike): string {
  const [a, b] = [left as string, right as string];
  const pair = Buffer.from(a <= b ? a.slice(2) + b.slice(2) : b.slice(2) + a.slice(2), 'hex');
  return `0x${Buffer.from(keccak_256(pair)).toString('hex')}`;
}

export function recordMerkleTree(records: readonly AnchoredRecord[]): RecordMerkleTree {
  // The library sorts leaves by hash (its default sortLeaves); the tree holds them from its end backwards.
  const leaves = records.map((record, index) => ({ index, hash: recordLeaf(record) }));
  leaves.sort((a, b) => Buffer.compare(a.hash, b.hash));
  const tree = makeMerkleTree(
    leaves.map((leaf) => leaf.hash),
    nodeHash,
  );
  const proofs = new Array<string[]>(records.length);
  leaves.forEach((leaf, sortedPosition) => {
    proofs[leaf.index] = proofOf(tree, tree.length - 1 - sortedPosition);
  });
  return { root: tree[0], proofs };
}

/**
 * The siblings from the leaf at `treeIndex` up to the root: the library core's getProof, minus its re-validation
 * of each node's hex (the tree was just built from bytes), so every proof shares the tree's strings.
 */
function proofOf(tree: readonly string[], treeIndex: number): string[] {
  const proof: string[] = [];
  for (let index = treeIndex; index > 0; index = (index - 1) >> 1) {
    proof.push(tree[index % 2 === 1 ? index + 1 : index - 1]);
  }
  return proof;
}

const HEX_OF_LENGTH: Record<number, RegExp> = { 20: /^0x[0-9a-fA-F]{40}$/, 32: /^0x[0-9a-fA-F]{64}$/ };

/** `hex` as exactly `length` (20 or 32) bytes, or an error (Buffer's codec would silently drop what is not hex). */
function fixedBytes(hex: string, length: 20 | 32): Buffer {
  if (!HEX_OF_LENGTH[length].test(hex)) throw new Error(`not ${length} bytes of hex: ${hex}`);
  return Buffer.from(hex.slice(2), 'hex');
}
