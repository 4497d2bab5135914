/**
 * Bulk anchoring, end to end: N legacy records → the Merkle tree the contract checks
 * (`StandardMerkleTree.of(values, ["address", "string", "bytes32"])`), its root anchored on chain by an admin,
 * every proof produced, and a sample of proofs verified by `Anchoring.verify` on chain. Records per second
 * over the whole path; the paper's Fabric figure is 2,500 records/s.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Anchoring } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';

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
}

/** N synthetic legacy records: ten patients, CIDv0-shaped strings, distinct content hashes. */
export function legacyRecords(count: number): [string, string, string][] {
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
  const began = performance.now();
  const tree = StandardMerkleTree.of(values, LEAF_ENCODING);
  const receipt = await (await anchoring.anchor(tree.root, count, '', { gasLimit: 500_000 })).wait();
  const proofs = values.map((_, index) => tree.getProof(index));
  const ms = performance.now() - began;

  const batchId = await anchoring.batchOfRoot(tree.root);
  if (!receipt || batchId === 0n) throw new Error('the root was not anchored');
  const step = Math.max(1, Math.floor(count / VERIFIED_SAMPLE));
  let verified = 0;
  for (let index = 0; index < count; index += step) {
    const [patient, cid, contentHash] = values[index];
    if (await anchoring.verify(batchId, patient, cid, contentHash, proofs[index])) verified++;
  }
  return { records: count, ms, recordsPerSecond: count / (ms / 1000), batchId, verified };
}
