/**
 * MongoDB for the local stack and the test suites. The project owns the whole chain of choices
 * (scripts/dev/mongo/engine-choice.ts decides it from the machine's facts), tried in order and
 * reported in one line at start:
 *   MONGODB_URI → the embedded engine → the embedded engine under a glibc loader the project
 *   prepares (older-glibc Linux) → mongodb-memory-server (downloads mongod) → one error naming the fix.
 * The embedded engine runs in a child process with its data under <dataDir>/mongo.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { StartupError } from './startup-error';
import {
  chooseMongoEngines,
  parseOsRelease,
  type EngineCandidate,
  type EnginePlan,
  type MachineFacts,
} from './mongo/engine-choice';
import { ENGINE_UNDER_THIS_NODE, startEmbeddedEngine } from './mongo/embedded-engine';
import { startMemoryServer } from './mongo/memory-server';
import { NewerGlibcError, newerGlibcCacheRoot, nodeUnderLoader, prepareNewerGlibc } from './mongo/newer-glibc';
import { EngineUnavailableError, type RunningMongo } from './mongo/running-mongo';

export type { RunningMongo } from './mongo/running-mongo';

export interface MongoOptions {
  dataDir: string;
  log?: (line: string) => void;
  /** Replaces the plan chosen from this machine's facts (tests use it to force one path). */
  plan?: EnginePlan;
  /** Where the newer glibc is cached (default newerGlibcCacheRoot()). */
  newerGlibcCacheRoot?: string;
}

export async function startMongo(opts: MongoOptions): Promise<RunningMongo> {
  const log = opts.log ?? (() => {});
  const plan = opts.plan ?? chooseMongoEngines(machineFacts());
  const unavailable: { what: string; error: EngineUnavailableError }[] = [];
  for (const [index, candidate] of plan.candidates.entries()) {
    let mongo: RunningMongo;
    try {
      mongo = await startCandidate(candidate, opts, log);
    } catch (error) {
      if (!(error instanceof EngineUnavailableError)) throw error;
      unavailable.push({ what: candidate.kind, error });
      if (index < plan.candidates.length - 1) log(`mongodb: ${error.message}; trying the next option`);
      continue;
    }
    log(
      `mongodb: ${mongo.engine} [${plan.reason}${unavailable.length ? `; ${unavailable.map((u) => u.what).join(', ')} unavailable` : ''}]`,
    );
    return mongo;
  }
  const reasons = unavailable.map((u) => u.error.message).join('; ');
  const fixes = [...new Set(unavailable.map((u) => u.error.fix))];
  throw new StartupError(
    `no MongoDB could start (${plan.reason}): ${reasons}. ` +
      `Fix: set MONGODB_URI to a running MongoDB server (e.g. mongodb://127.0.0.1:27017/ehr)${fixes.length ? `, or ${fixes.join(', or ')}` : ''}`,
  );
}

async function startCandidate(
  candidate: EngineCandidate,
  opts: MongoOptions,
  log: (line: string) => void,
): Promise<RunningMongo> {
  switch (candidate.kind) {
    case 'external':
      return {
        uri: candidate.uri,
        external: true,
        engine: `the server at MONGODB_URI (${redactedUri(candidate.uri)})`,
        stop: async () => {},
      };
    case 'embedded':
      return startEmbeddedEngine({ dataDir: opts.dataDir, run: ENGINE_UNDER_THIS_NODE, log });
    case 'embedded-newer-glibc': {
      const cacheRoot = opts.newerGlibcCacheRoot ?? newerGlibcCacheRoot();
      const loader = await prepareNewerGlibc(candidate.source, { cacheRoot, log }).catch((error: Error) => {
        if (!(error instanceof NewerGlibcError)) throw error;
        throw new EngineUnavailableError(
          `could not prepare glibc ≥ 2.38 from ${candidate.source.distro} ${candidate.source.suite}: ${error.message}`,
          `let apt reach ${candidate.source.distro}'s archive once (the loader is cached in ${displayPath(cacheRoot)})`,
        );
      });
      const { command, args } = nodeUnderLoader(loader, []);
      const engine = `embedded engine under the project's glibc ${loader.glibc} loader (cache ${displayPath(cacheRoot)}${loader.prepared ? ', prepared just now' : ''})`;
      return startEmbeddedEngine({ dataDir: opts.dataDir, run: { command, prefixArgs: args, engine }, log });
    }
    case 'memory-server':
      return startMemoryServer({ dataDir: opts.dataDir, log });
  }
}

/** This machine, as the chooser sees it. */
export function machineFacts(env: NodeJS.ProcessEnv = process.env): MachineFacts {
  let osRelease: string | undefined;
  if (process.platform === 'linux') {
    try {
      osRelease = readFileSync('/etc/os-release', 'utf8');
    } catch {
      osRelease = undefined; // an unknown distribution: no newer-glibc source for it
    }
  }
  return {
    platform: process.platform,
    arch: process.arch,
    glibc: systemGlibcVersion(),
    osRelease: osRelease === undefined ? undefined : parseOsRelease(osRelease),
    mongodbUri: env.MONGODB_URI || undefined,
  };
}

/** The glibc this node runs on, or undefined on a non-glibc system (musl, macOS, Windows). */
export function systemGlibcVersion(): string | undefined {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

function displayPath(dir: string): string {
  const home = homedir();
  return dir === home || dir.startsWith(home + '/') ? '~' + dir.slice(home.length) : dir;
}

/** The URI without its password, for the start-up line. */
export function redactedUri(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'unparsable URI';
  }
}
