/**
 * Bulk anchoring, end to end: N legacy records → the Merkle tree the contract checks (the one
 * `StandardMerkleTree.of(values, ["address", "string", "bytes32"])` builds, made fast in record-merkle-tree.ts),
 * its root anchored on chain by an admin, every proof produced. Records per second over that whole path; the
 * paper's Fabric figure is 2,500 records/s. Afterwards, outside the timing, a sample of proofs is checked twice:
 * equal to the library's own proofs, and accepted by `Anchoring.verify` on chain.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { keccak_256 } from '@noble/hashes/sha3';
import type { Anchoring } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { recordMerkleTree, type AnchoredRecord } from './record-merkle-tree';

export const LEAF_ENCODING = ['address', 'string', 'bytes32'];
/** How many proofs are checked on chain (each an eth_call); the rest are produced only. */
export const VERIFIED_SAMPLE = 20;

export interface BulkAnchoringResult {
  records: number;
  ms: number;
  recordsPerSecond: number;
  batchId: bigint;
  /** Of the sampled proofs, how many the contract accepted (all, or the run is wrong). */
  verified: number;
  /** Of the sampled proofs, how many equal StandardMerkleTree's own (all, or the run is wrong). */
  matchingLibrary: number;
  /**
   * keccak_256 hashes per second this machine gave just before and just after the run (the better of the two: a
   * shared machine's speed moves): the path needs three per record (two for the leaf, one for its share of the
   * inner nodes), so a third of this is about its ceiling on this machine now.
   */
  keccakPerSecond: number;
}

/** How long the keccak calibration runs. */
const CALIBRATION_MS = 300;

/** keccak_256 over 64 bytes (an inner node's input), hashes per second on this machine at this moment. */
export function keccakPerSecond(): number {
  const input = new Uint8Array(64);
  const began = performance.now();
  let hashes = 0;
  while (performance.now() - began < CALIBRATION_MS) {
    for (let batch = 0; batch < 100; batch++) keccak_256(input);
    hashes += 100;
  }
  return hashes / ((performance.now() - began) / 1000);
}

/** N synthetic legacy records: ten patients, CIDv0-shaped strings, distinct content hashes. */
export function legacyRecords(count: number): AnchoredRecord[] {
  const patients = Array.from({ length: 10 }, (_, index) => devAccount(100 + index).address);
  return Array.from({ length: count }, (_, index) => {
    const digest = createHash('sha256').update(`legacy record ${index}`).digest();
    return [
      patients[index % patients.length],
      `Qm${digest.toString('hex').slice(0, 44)}`,
      `0x${digest.toString('hex')}`,
    ];
  });
}

export async function anchorInBulk(anchoring: Anchoring, count: number): Promise<BulkAnchoringResult> {
  const values = legacyRecords(count);
  const keccakBefore = keccakPerSecond();
  const began = performance.now();
  const { root, proofs } = recordMerkleTree(values);
  const receipt = await (await anchoring.anchor(root, count, '', { gasLimit: 500_000 })).wait();
  const ms = performance.now() - began;
  const keccakRate = Math.max(keccakBefore, keccakPerSecond());

  const batchId = await anchoring.batchOfRoot(root);
  if (!receipt || batchId === 0n) throw new Error('the root was not anchored');
  const sample = sampledIndexes(count);
  const library = StandardMerkleTree.of(values, LEAF_ENCODING);
  if (library.root !== root) throw new Error(`root ${root} differs from StandardMerkleTree's ${library.root}`);
  const matchingLibrary = sample.filter(
    (index) => JSON.stringify(library.getProof(index)) === JSON.stringify(proofs[index]),
  ).length;
  let verified = 0;
  for (const index of sample) {
    const [patient, cid, contentHash] = values[index];
    if (await anchoring.verify(batchId, patient, cid, contentHash, proofs[index])) verified++;
  }
  return {
    records: count,
    ms,
    recordsPerSecond: count / (ms / 1000),
    batchId,
    verified,
    matchingLibrary,
    keccakPerSecond: keccakRate,
  };
}

/** VERIFIED_SAMPLE indexes spread over the records, first and last included. */
function sampledIndexes(count: number): number[] {
  const last = count - 1;
  return Array.from({ length: Math.min(VERIFIED_SAMPLE, count) }, (_, step) =>
    Math.round((step * last) / Math.max(1, VERIFIED_SAMPLE - 1)),
  );
}
