/**
 * `npm run bench` (full) and `npm run bench:quick`: every row measured in one run, printed as a table and
 * written to bench/results/latest.json (bench-row.ts). Rows so far: bulk anchoring (issue 11 adds the
 * chain write path, API read path, indexer, IPFS and page-load rows here).
 */
import { deploySystem } from '@test-support/deploy';
import { startGanache } from '@test-support/ganache';
import { connect, testSigners } from '../test/contracts/helpers/chain';
import { anchorInBulk } from './anchoring/bulk-anchoring';
import { benchRow, formatRows, writeResults, type BenchRow } from './results/bench-row';

/** 4× the paper's Fabric figure (2,500 records/s). */
const BULK_ANCHORING_GOAL = 10_000;
/** Why the bulk-anchoring row falls short, printed when it does (measured on a 2-core machine). */
const BULK_ANCHORING_SHORTFALL =
  "bulk anchoring: about 70 % of the time is StandardMerkleTree.getProof, which re-hashes each leaf and re-checks each proof; most of the rest is the tree's leaf encoding and keccak in JavaScript. Proofs cut from the dumped tree without the per-proof check, and leaves hashed with @noble/hashes' keccak_256 over a hand-checked encoding, would be the way to 10,000 records/s.";

async function bulkAnchoringRows(sizes: number[]): Promise<BenchRow[]> {
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
    return rows;
  } finally {
    provider.destroy();
    await chain.close();
  }
}

async function main(): Promise<void> {
  const mode = process.argv.includes('--quick') ? 'quick' : 'full';
  const rows = await bulkAnchoringRows(mode === 'quick' ? [10_000] : [10_000, 100_000]);
  console.log(formatRows(rows));
  if (rows.some((row) => row.name.startsWith('bulk anchoring') && !row.pass))
    console.log(`\n${BULK_ANCHORING_SHORTFALL}`);
  writeResults(rows, mode);
  console.log(
    `\n${rows.filter((row) => !row.pass).length} of ${rows.length} rows below their goal; bench/results/latest.json written`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
