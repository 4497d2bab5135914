/**
 * A data directory whose chain already holds the migrated contracts, for fault drills and benchmarks that
 * start the whole stack many times: a Truffle migration takes 30–50 s on a 2-core machine, copying its result
 * takes a fraction of a second. The first caller migrates a template once per migration inputs (the
 * migrations and the compiled bytecode: scripts/dev/contracts.ts's digest) under node_modules/.cache; the
 * stack then finds the contracts deployed and skips its own migration, exactly as on a second `npm start`.
 * MongoDB and IPFS are not part of it: they start empty.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startChain } from '../../scripts/dev/chain';
import { deployContracts, migrationInputsDigest } from '../../scripts/dev/contracts';

const CACHE_ROOT = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'ehr-migrated-chain');
/** What scripts/dev/chain.ts and contracts.ts keep in a data directory. */
const CHAIN_ENTRIES = ['chain', 'contracts', 'deployments.json', 'migration-inputs.json'];

/** Copies a migrated chain into `dataDir` (new or empty), migrating the template first if there is none yet. */
export async function seedMigratedChain(dataDir: string, log: (line: string) => void = () => {}): Promise<void> {
  const template = path.join(CACHE_ROOT, (await migrationInputsDigest()).slice(0, 16));
  if (!existsSync(path.join(template, 'deployments.json'))) await migrateTemplate(template, log);
  mkdirSync(dataDir, { recursive: true });
  for (const entry of CHAIN_ENTRIES) cpSync(path.join(template, entry), path.join(dataDir, entry), { recursive: true });
}

async function migrateTemplate(template: string, log: (line: string) => void): Promise<void> {
  mkdirSync(CACHE_ROOT, { recursive: true });
  const building = mkdtempSync(path.join(CACHE_ROOT, 'building-'));
  const chain = await startChain({ dataDir: building, port: 0, log });
  if (chain.external)
    throw new Error('a migrated-chain template needs the embedded chain: unset RPC_URL / GANACHE_URL');
  try {
    await deployContracts({ rpcUrl: chain.rpcUrl, dataDir: building, log });
  } finally {
    await chain.stop();
  }
  // Templates of other contracts are dropped; a rename makes the new one appear whole or not at all.
  for (const name of readdirSync(CACHE_ROOT).filter((entry) => !entry.startsWith('building-')))
    rmSync(path.join(CACHE_ROOT, name), { recursive: true, force: true });
  renameSync(building, template);
}
