/**
 * Runs the very command behind `npm start` (scripts/dev/start.ts) as a child process, on free ports and
 * a throw-away data directory, so the browser test exercises what a person runs: the real chain,
 * contracts, MongoDB, IPFS node, API and built SPA. The teardown stops it with SIGINT, as Ctrl-C would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTERNAL_SERVICE_VARIABLES } from '../../support/external-services';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 180_000;

export interface RunningApp {
  child: ChildProcess;
  dataDir: string;
  output: string[];
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-e2e-'));
  // Embedded defaults only: a developer's RPC_URL/MONGODB_URI/IPFS_API_URL must not leak into the test.
  // The chain's own port is chosen here: journeys that move chain time (evm_increaseTime) talk to Ganache
  // directly, since the app's /rpc refuses those methods.
  const chainPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    CHAIN_PORT: String(chainPort),
    IPFS_PORT: '0',
  };
  for (const external of EXTERNAL_SERVICE_VARIABLES) delete env[external];
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/dev/start.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: RunningApp = { child, dataDir, output: [] };
  // Everything the app prints, also as a file the tests can read (they run in other processes than this one).
  const appLog = path.join(dataDir, 'app-output.log');
  Object.assign(globalThis, { __E2E_APP__: running });

  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`npm start did not get ready in ${READY_TIMEOUT_MS / 1000}s:\n${running.output.join('')}`)),
      READY_TIMEOUT_MS,
    );
    const collect = (chunk: Buffer) => {
      running.output.push(chunk.toString());
      try {
        appendFileSync(appLog, chunk);
      } catch {
        // The teardown has removed the data directory: the last lines of a stopping app are not needed.
      }
      const all = running.output.join('');
      if (/Ctrl-C to stop/.test(all)) {
        clearTimeout(timer);
        resolve(all);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${running.output.join('')}`));
    });
  });

  process.env.E2E_APP_URL = match(printed, /EHR Hospital is running at (\S+)/);
  process.env.E2E_RPC_URL = match(printed, /RPC URL\s+(\S+)/);
  process.env.E2E_CHAIN_ID = match(printed, /Chain ID\s+(\d+)/);
  process.env.E2E_DEPLOYMENTS_FILE = path.join(dataDir, 'deployments.json');
  process.env.E2E_CHAIN_URL = `http://127.0.0.1:${chainPort}`;
  // What the no-plaintext scan reads: the data directory (IPFS blocks), MongoDB, and the app's output.
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_MONGODB_URI = match(printed, /^\s+MongoDB\s+(\S+)/m);
  process.env.E2E_IPFS_API_URL = match(printed, /^\s+IPFS API\s+(\S+)/m);
  process.env.E2E_APP_LOG = appLog;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function match(text: string, pattern: RegExp): string {
  const found = pattern.exec(text);
  if (!found) throw new Error(`npm start's output lacks ${pattern}:\n${text}`);
  return found[1];
}
