/**
 * Bench section "bulk anchoring": records per second to build the Merkle tree over N records, anchor its root
 * and produce every proof (bulk-anchoring.ts), N = 10,000 (quick) and 100,000 (full), a sample verified on chain.
 */
import { deploySystem } from '@test-support/deploy';
import { startGanache } from '@test-support/ganache';
import { connect, testSigners } from '../../test/contracts/helpers/chain';
import { benchRow, type BenchRow } from '../results/bench-row';
import type { BenchSection } from '../results/bench-section';
import { anchorInBulk } from './bulk-anchoring';

/** 4× the paper's Fabric figure (2,500 records/s). */
const BULK_ANCHORING_GOAL = 10_000;
/** Why the bulk-anchoring row falls short, printed when it does (measured on a 2-core machine). */
const BULK_ANCHORING_SHORTFALL =
  "bulk anchoring: about 70 % of the time is StandardMerkleTree.getProof, which re-hashes each leaf and re-checks each proof; most of the rest is the tree's leaf encoding and keccak in JavaScript. Proofs cut from the dumped tree without the per-proof check, and leaves hashed with @noble/hashes' keccak_256 over a hand-checked encoding, would be the way to 10,000 records/s.";

export const bulkAnchoringSection: BenchSection = {
  name: 'bulk anchoring',
  async run(mode) {
    const sizes = mode === 'quick' ? [10_000] : [10_000, 100_000];
    const chain = await startGanache();
    const provider = connect(chain.url);
    try {
      const [admin] = await testSigners(provider);
      const { anchoring } = await deploySystem(admin);
      const rows: BenchRow[] = [];
      for (const size of sizes) {
        const result = await anchorInBulk(anchoring, size);
        if (result.verified === 0) throw new Error('no sampled proof verified on chain');
        rows.push(
          benchRow({
            name: `bulk anchoring, ${size.toLocaleString('en')} records (tree + anchor + every proof)`,
            value: result.recordsPerSecond,
            unit: 'records/s',
            goal: { atLeast: BULK_ANCHORING_GOAL },
          }),
        );
      }
      return { rows, notes: rows.every((row) => row.pass) ? [] : [BULK_ANCHORING_SHORTFALL] };
    } finally {
      provider.destroy();
      await chain.close();
    }
  },
};
