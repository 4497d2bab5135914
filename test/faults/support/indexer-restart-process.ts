/**
 * The API with its indexer as a process of its own (`node --import tsx server/src/start.ts`, configured by
 * environment as in production) against a drill stack's chain, MongoDB and IPFS, so a drill can kill it
 * with SIGKILL. Plain node with tsx's loader, not the tsx CLI: the CLI runs the server in a child of its
 * own, which a SIGKILL of the CLI would leave running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pickFreePort } from '../../../scripts/dev/app-address';
import { withDatabase } from '../../../server/src/test-support/test-app';
import type { DrillStack } from './drill-stack';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'server', 'src', 'start.ts');
const READY_TIMEOUT_MS = 90_000;

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Output lines, for a failing drill's message. */
  log: string[];
  /** SIGKILL: no shutdown, no flushing, as a power cut. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts the API process on `database` of the stack's MongoDB; resolves once it listens (its first sync done). */
export async function startApiProcess(
  stack: DrillStack,
  database: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await pickFreePort('127.0.0.1');
  const child = spawn(process.execPath, ['--import', require.resolve('tsx'), SERVER_ENTRY], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      RPC_URL: stack.rpcUrl,
      CHAIN_ID: String(stack.chainId),
      MONGODB_URI: withDatabase(stack.mongoUri, database),
      IPFS_API_URL: stack.ipfsApiUrl,
      DEPLOYMENTS_FILE: stack.deploymentsFile,
      CLIENT_DIST: path.join(stack.dataDir, 'no-client'),
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API process not listening within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.push(line);
        if (line.includes('EHR Hospital API listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`API process exited before listening: ${log.slice(-5).join('\n')}`));
    });
  });
  const signalAndWait = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await ready.catch(async (error: unknown) => {
    await signalAndWait('SIGKILL');
    throw error;
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    log,
    kill: () => signalAndWait('SIGKILL'),
    stop: () => signalAndWait('SIGTERM'),
  };
}
