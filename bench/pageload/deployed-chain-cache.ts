/**
 * The page-load section needs the contracts on its chain, and a Truffle migration takes 30–50 s on this
 * machine. The stack skips it on a data directory whose chain already holds the contracts it was built from
 * (scripts/dev/contracts.ts checks the migrations' and bytecode's digest and the code at every address), so
 * the chain's part of the first run's data directory is kept here and copied into each new one. MongoDB and
 * IPFS always start empty; a changed contract or migration simply migrates again and refreshes the copy.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const CACHE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'ehr-bench', 'page-load-chain');
/** What scripts/dev/chain.ts and contracts.ts keep in a data directory. */
const CHAIN_ENTRIES = ['chain', 'contracts', 'deployments.json', 'migration-inputs.json'];

/** Copies the kept chain (if any) into a new, empty data directory. */
export function seedDataDir(dataDir: string): void {
  if (!existsSync(path.join(CACHE_DIR, 'deployments.json'))) return;
  for (const entry of CHAIN_ENTRIES) {
    const from = path.join(CACHE_DIR, entry);
    if (existsSync(from)) cpSync(from, path.join(dataDir, entry), { recursive: true });
  }
}

/** Keeps the chain of a stopped stack's data directory for the next run. */
export function keepChainOf(dataDir: string): void {
  rmSync(CACHE_DIR, { recursive: true, force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const entry of CHAIN_ENTRIES) {
    const from = path.join(dataDir, entry);
    if (existsSync(from)) cpSync(from, path.join(CACHE_DIR, entry), { recursive: true });
  }
}
