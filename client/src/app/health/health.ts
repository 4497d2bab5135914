/** The words the admin dashboard shows for each dependency in GET /api/health's report. */
import type { HealthReport } from '@api';

export interface HealthRow {
  name: string;
  ok: boolean;
  /** What the dependency is and, when it answers, what it said. */
  detail: string;
}

/** One row per dependency, in the order they matter to a user: chain, database, documents. */
export function healthRows(report: HealthReport): HealthRow[] {
  const { chain, mongo, ipfs } = report;
  return [
    {
      name: 'Blockchain',
      ok: chain.ok,
      // The block number only means something when the node is the chain we expect.
      detail:
        chain.ok && chain.latestBlock !== undefined
          ? `chain ${chain.chainId} · block ${chain.latestBlock}`
          : `chain ${chain.chainId}`,
    },
    { name: 'Database', ok: mongo.ok, detail: 'MongoDB' },
    { name: 'Document store', ok: ipfs.ok, detail: ipfs.version ? `IPFS ${ipfs.version}` : 'IPFS' },
  ];
}
