/**
 * The chain for the local stack: Ganache 7.9 as a JSON-RPC server in this process (chain id = network
 * id = 1337, hardfork shanghai, the public dev mnemonic), its state kept under <dataDir>/chain so a
 * restart keeps accounts, contracts and history. With RPC_URL / GANACHE_URL set, that chain is used.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ganache, { type Server } from 'ganache';
import { HDNodeWallet } from 'ethers';
import { StartupError, isPortInUse } from './startup-error';
import {
  CHAIN_ID,
  DEV_ACCOUNT_COUNT,
  DEV_MNEMONIC,
  devAccountPath,
  devAccountRole,
  devChainOptions,
  type DevRole,
} from './chain-options';

export { CHAIN_ID, DEV_MNEMONIC } from './chain-options';
export const DEFAULT_CHAIN_PORT = 8545;

export interface DevAccount {
  index: number;
  address: string;
  privateKey: string;
  role: DevRole;
}

/** The mnemonic's first accounts with the role each plays in the dev setup (labels only: roles live on chain). */
export function devAccounts(count = DEV_ACCOUNT_COUNT): DevAccount[] {
  return Array.from({ length: count }, (_, index) => {
    const wallet = HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, devAccountPath(index));
    return { index, address: wallet.address, privateKey: wallet.privateKey, role: devAccountRole(index) };
  });
}

export interface RunningChain {
  rpcUrl: string;
  chainId: number;
  external: boolean;
  stop: () => Promise<void>;
}

export async function startChain(opts: {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningChain> {
  const external = process.env.RPC_URL || process.env.GANACHE_URL;
  if (external) {
    const chainId = await chainIdOf(external);
    return { rpcUrl: external, chainId, external: true, stop: async () => {} };
  }

  const dbPath = opts.dataDir ? path.join(opts.dataDir, 'chain') : undefined;
  if (dbPath) await assertChainDatabaseOpens(dbPath);
  const server: Server = ganache.server({
    ...devChainOptions(),
    // Without a dbPath the chain lives in memory (throw-away test chains).
    ...(dbPath ? { database: { dbPath } } : {}),
  });

  const port = opts.port ?? DEFAULT_CHAIN_PORT;
  try {
    await server.listen(port, '127.0.0.1');
  } catch (error) {
    await server.close().catch(() => {});
    if (isPortInUse(error)) {
      throw new StartupError(
        `port ${port} is in use (Ganache): stop the other process, or set CHAIN_PORT to a free port, or RPC_URL to the chain already running there`,
        { cause: error },
      );
    }
    throw error;
  }

  const rpcUrl = `http://127.0.0.1:${server.address().port}`;
  opts.log?.(
    `chain: Ganache on ${rpcUrl}, chain id ${CHAIN_ID}, state ${dbPath ? `kept in ${dbPath}` : 'in memory only'}`,
  );
  let closing: Promise<void> | undefined;
  return {
    rpcUrl,
    chainId: CHAIN_ID,
    external: false,
    stop: () => (closing ??= server.close()),
  };
}

/** Asks an existing JSON-RPC endpoint for its chain id, failing with a one-line fix if it does not answer. */
async function chainIdOf(rpcUrl: string): Promise<number> {
  const variable = process.env.RPC_URL ? 'RPC_URL' : 'GANACHE_URL';
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(5_000),
    });
    const { result } = (await response.json()) as { result?: string };
    if (!result) throw new Error(`HTTP ${response.status}, no eth_chainId result`);
    return Number(BigInt(result));
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : (error as Error).message;
    throw new StartupError(
      `${variable}=${rpcUrl} does not answer eth_chainId (${reason}): start that node, or unset ${variable} to run the embedded Ganache`,
    );
  }
}

/**
 * Opens the chain's LevelDB once before Ganache does: Ganache reports a damaged or locked database
 * as an unhandled 'error' event that kills the process, which we could neither catch nor explain.
 */
async function assertChainDatabaseOpens(dbPath: string): Promise<void> {
  mkdirSync(dbPath, { recursive: true });
  // Ganache's own LevelDB binding (nested in its package), so the probe reads the files exactly as it will.
  const requireFromGanache = createRequire(require.resolve('ganache'));
  const leveldown = requireFromGanache('leveldown') as (dir: string) => LevelDown;
  const db = leveldown(dbPath);
  const failure = await new Promise<Error | null>((resolve) => db.open({ createIfMissing: true }, resolve));
  if (failure) {
    const locked = /lock/i.test(failure.message);
    throw new StartupError(
      locked
        ? `the chain database ${dbPath} is in use by another process (another npm start?): stop it, or use another data directory`
        : `the chain database ${dbPath} is damaged (${failure.message}): stop the app and delete ${dbPath} (or all of ${path.dirname(dbPath)}) to start a fresh chain`,
    );
  }
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

interface LevelDown {
  open(options: { createIfMissing: boolean }, callback: (error: Error | null) => void): void;
  close(callback: (error?: Error) => void): void;
}
