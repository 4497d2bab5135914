/**
 * The chain for the local stack: Ganache 7.9 as a JSON-RPC server in its own process (chain-node.ts;
 * chain id = network id = 1337, hardfork shanghai, the public dev mnemonic), its state kept under
 * <dataDir>/chain so a restart keeps accounts, contracts and history. Its own process lets it be stopped
 * and started again on the same port while the API keeps running. With RPC_URL / GANACHE_URL set, that
 * chain is used.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HDNodeWallet } from 'ethers';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { StartupError } from './startup-error';
import {
  CHAIN_ID,
  DEV_ACCOUNT_COUNT,
  DEV_MNEMONIC,
  devAccountPath,
  devAccountRole,
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
  /** The Ganache process now serving rpcUrl (undefined for an external chain, or while stopped). */
  readonly pid: number | undefined;
  /** Stops Ganache; its database is flushed and closed first. Safe to call more than once. */
  stop: () => Promise<void>;
  /**
   * Starts Ganache again after stop(), on the same port and data directory (so rpcUrl is unchanged and
   * every mined block is back). Resolves once it answers; a no-op while it runs.
   */
  start: () => Promise<void>;
  /** stop() then start(). */
  restart: () => Promise<void>;
}

const CHAIN_NODE_ENTRY = path.join(__dirname, 'chain-node.ts');

export async function startChain(opts: {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningChain> {
  const external = process.env.RPC_URL || process.env.GANACHE_URL;
  if (external) {
    const chainId = await chainIdOf(external);
    const nothing = async () => {};
    return {
      rpcUrl: external,
      chainId,
      external: true,
      pid: undefined,
      stop: nothing,
      start: nothing,
      restart: nothing,
    };
  }

  const dbPath = opts.dataDir ? path.join(opts.dataDir, 'chain') : undefined;
  let port = opts.port ?? DEFAULT_CHAIN_PORT;
  const launch = async (): Promise<ServiceProcess<{ rpcUrl: string }>> => {
    if (dbPath) await assertChainDatabaseOpens(dbPath);
    return startServiceProcess<{ rpcUrl: string }>({
      name: 'chain',
      command: process.execPath,
      // tsx as a loader in this one process (not the `tsx` CLI), so the stdin lifeline reaches Ganache.
      args: [
        '--import',
        require.resolve('tsx'),
        CHAIN_NODE_ENTRY,
        '--port',
        String(port),
        ...(dbPath ? ['--db', dbPath] : []),
        '--exit-with-stdin',
      ],
      log: opts.log,
      describeFailure: ({ message, code }) =>
        code === 'EADDRINUSE'
          ? new StartupError(
              `port ${port} is in use (Ganache): stop the other process, or set CHAIN_PORT to a free port, or RPC_URL to the chain already running there`,
            )
          : new StartupError(
              `Ganache failed to start: ${message}${dbPath ? `. Fix: delete ${dbPath} if it is damaged` : ''}`,
            ),
    });
  };

  let node: ServiceProcess<{ rpcUrl: string }> | undefined = await launch();
  const rpcUrl = node.ready.rpcUrl;
  // Port 0 picked a free port: every later start takes the same one, so the API's RPC URL never changes.
  port = Number(new URL(rpcUrl).port);
  opts.log?.(
    `chain: Ganache on ${rpcUrl} (pid ${node.pid}), chain id ${CHAIN_ID}, state ${dbPath ? `kept in ${dbPath}` : 'in memory only'}`,
  );

  // One lifecycle step at a time: a stop during a start waits for it, and the other way round.
  let step: Promise<void> = Promise.resolve();
  const serially = (work: () => Promise<void>): Promise<void> => {
    const run = step.then(work);
    step = run.catch(() => undefined);
    return run;
  };
  const stop = () =>
    serially(async () => {
      const running = node;
      node = undefined;
      await running?.stop();
    });
  const start = () =>
    serially(async () => {
      if (node) return;
      node = await launch();
      opts.log?.(`chain: Ganache started again on ${rpcUrl} (pid ${node.pid})`);
    });
  return {
    rpcUrl,
    chainId: CHAIN_ID,
    external: false,
    get pid() {
      return node?.pid;
    },
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
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
 * as an unhandled 'error' event that kills its process with a stack trace, which explains nothing.
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
