/**
 * The whole app for one fault drill, started in this process exactly as `npm start` builds it
 * (scripts/dev/stack.ts): embedded chain, contracts, MongoDB, IPFS node and API on free ports, state in a
 * throw-away data directory the drill may kill, restart, back up or inspect (its chain copied from a migrated
 * template: test/support/migrated-chain.ts). A developer's RPC_URL,
 * MONGODB_URI or IPFS_API_URL never leaks in: a drill breaks only what it owns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pickFreePort } from '../../../scripts/dev/app-address';
import { startStack, type Stack } from '../../../scripts/dev/stack';
import { EXTERNAL_SERVICE_VARIABLES } from '@test-support/external-services';
import { seedMigratedChain } from '@test-support/migrated-chain';

export interface DrillStack extends Stack {
  dataDir: string;
  /** Every line the stack logged, for a failing drill's message. */
  log: string[];
  /** Stops the stack and deletes its data directory. */
  dispose(): Promise<void>;
}

export async function startDrillStack(opts: { dataDir?: string; prefix?: string } = {}): Promise<DrillStack> {
  for (const variable of EXTERNAL_SERVICE_VARIABLES) delete process.env[variable];
  const log: string[] = [];
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), opts.prefix ?? 'ehr-drill-'));
  // A new directory starts from the migrated template (seconds, not a 30–50 s migration); a given one is used as is.
  if (!opts.dataDir) await seedMigratedChain(dataDir, (line) => log.push(line));
  const stack = await startStack({
    dataDir,
    appPort: 0,
    chainPort: await pickFreePort('127.0.0.1'),
    ipfsPort: 0,
    log: (line) => log.push(line),
  });
  return {
    ...stack,
    dataDir,
    log,
    async dispose() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
