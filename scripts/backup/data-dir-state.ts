/**
 * What a backup needs to know about a data directory before it reads it: that no app is running on it
 * (an offline backup is consistent by construction: nothing writes while the files are read), and the
 * chain's id and latest block for the manifest.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ganache from 'ganache';
import { devChainOptions } from '../dev/chain-options';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

interface LevelDown {
  open(options: { createIfMissing: boolean }, callback: (error: Error | null) => void): void;
  close(callback: (error?: Error) => void): void;
}

/**
 * Refuses a data directory a running app holds. The running stack's Ganache keeps the chain's LevelDB
 * locked (LOCK, an flock the kernel drops when the process dies, so a crashed app does not block a backup);
 * opening it here with Ganache's own binding is the same test `npm start` makes before it starts.
 */
export async function assertNotInUse(dataDir: string): Promise<void> {
  const chainDir = path.join(dataDir, 'chain');
  if (!existsSync(chainDir)) return;
  const requireFromGanache = createRequire(require.resolve('ganache'));
  const leveldown = requireFromGanache('leveldown') as (dir: string) => LevelDown;
  const db = leveldown(chainDir);
  const failure = await new Promise<Error | null>((resolve) => db.open({ createIfMissing: false }, resolve));
  if (!failure) {
    await new Promise<void>((resolve) => db.close(() => resolve()));
    return;
  }
  if (/lock/i.test(failure.message)) {
    throw new BackupError(
      `the app is running on ${dataDir} (its chain database is locked): stop it (Ctrl-C in npm start) and run the backup again`,
    );
  }
  throw new BackupError(`the chain database ${chainDir} cannot be opened (${failure.message}): it is not backed up`);
}

/** The chain id and latest block number of the chain kept in <dataDir>/chain, read by Ganache itself. */
export async function readChainFacts(dataDir: string): Promise<{ chainId: number; latestBlock: number } | undefined> {
  const dbPath = path.join(dataDir, 'chain');
  if (!existsSync(dbPath)) return undefined;
  const provider = ganache.provider({ ...devChainOptions(), database: { dbPath } });
  try {
    const [chainId, latestBlock] = await Promise.all([
      provider.request({ method: 'eth_chainId', params: [] }),
      provider.request({ method: 'eth_blockNumber', params: [] }),
    ]);
    return { chainId: Number(BigInt(chainId)), latestBlock: Number(BigInt(latestBlock)) };
  } finally {
    await provider.disconnect();
  }
}
