/**
 * A glibc new enough for the embedded MongoDB engine, for Linux releases whose own glibc is older
 * (Debian 12, Ubuntu 22.04): the next release's libc6 package, fetched once with apt as the current
 * user (a private apt state, nothing installed, no root), extracted into a per-user cache outside
 * the repository, and used only by the engine's process, which node runs through that glibc's loader.
 *
 * Verified twice: apt checks the release's signature against the system's archive keyring (and the
 * package against the signed index), and the extracted loader must run and report glibc ≥ 2.38
 * before it is used. Several processes may ask at once (test suites start several engines): one
 * prepares under a lock while the others wait, and a finished copy appears by one atomic rename.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { lock } from 'proper-lockfile';
import { ENGINE_GLIBC, compareVersions, type NewerGlibcSource } from './engine-choice';

const run = promisify(execFile);
const APT_TIMEOUT_MS = 300_000;
/** How long a process waits for another one's preparation (download + extraction) to finish. */
const LOCK_WAIT_MS = 600_000;
const READY_FILE = 'ready.json';

export interface NewerGlibcLoader {
  /** The glibc version its loader reports, e.g. "2.41". */
  glibc: string;
  loader: string;
  /** The newer glibc first, then the system's own directories for every other library node needs. */
  libraryPath: string;
  /** The cache entry, e.g. ~/.cache/ehr-hospital/newer-glibc/debian-trixie-amd64. */
  dir: string;
  /** True when this call downloaded and extracted it (false: it was already cached). */
  prepared: boolean;
}

export class NewerGlibcError extends Error {
  override readonly name = 'NewerGlibcError';
}

/** `$XDG_CACHE_HOME/ehr-hospital/newer-glibc`, else `~/.cache/ehr-hospital/newer-glibc`. */
export function newerGlibcCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(cacheHome, 'ehr-hospital', 'newer-glibc');
}

/** The command that runs `node <args>` under the prepared glibc. */
export function nodeUnderLoader(loader: NewerGlibcLoader, args: string[]): { command: string; args: string[] } {
  return { command: loader.loader, args: ['--library-path', loader.libraryPath, process.execPath, ...args] };
}

export async function prepareNewerGlibc(
  source: NewerGlibcSource,
  opts: { cacheRoot?: string; log?: (line: string) => void } = {},
): Promise<NewerGlibcLoader> {
  const cacheRoot = opts.cacheRoot ?? newerGlibcCacheRoot();
  const log = opts.log ?? (() => {});
  const dir = path.join(cacheRoot, `${source.distro}-${source.suite}-${source.debArch}`);

  const cached = await readyLoader(dir, source);
  if (cached) return cached;

  await mkdir(cacheRoot, { recursive: true });
  const release = await lock(cacheRoot, {
    lockfilePath: path.join(cacheRoot, '.prepare.lock'),
    stale: 30_000,
    retries: { retries: LOCK_WAIT_MS / 1_000, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    // Losing the lock (clock jump, cache deleted) only risks a second preparation; never crash for it.
    onCompromised: (error) => log(`newer glibc: lock on ${cacheRoot} lost (${error.message})`),
  }).catch((error: Error) => {
    throw new NewerGlibcError(`could not lock ${cacheRoot} to prepare glibc ≥ ${ENGINE_GLIBC}: ${error.message}`);
  });
  try {
    // Another process may have finished while we waited for the lock.
    const preparedMeanwhile = await readyLoader(dir, source);
    if (preparedMeanwhile) return preparedMeanwhile;
    await rm(dir, { recursive: true, force: true }); // a damaged entry (its loader failed the check)
    log(`newer glibc: fetching libc6 from ${source.distro} ${source.suite} into ${dir} (once)`);
    await prepareInto(dir, cacheRoot, source);
    const prepared = await readyLoader(dir, source);
    if (!prepared) throw new NewerGlibcError(`the glibc prepared in ${dir} does not run`);
    return { ...prepared, prepared: true };
  } finally {
    await release().catch(() => {});
  }
}

/** The cached loader if the entry is complete and its loader runs and reports glibc ≥ 2.38. */
async function readyLoader(dir: string, source: NewerGlibcSource): Promise<NewerGlibcLoader | undefined> {
  let libDir: string;
  try {
    ({ libDir } = JSON.parse(await readFile(path.join(dir, READY_FILE), 'utf8')) as { libDir: string });
  } catch {
    return undefined;
  }
  const loader = path.join(dir, libDir, source.loaderName);
  const glibc = await loaderGlibcVersion(loader).catch(() => undefined);
  if (!glibc || compareVersions(glibc, ENGINE_GLIBC) < 0) return undefined;
  const systemDirs = [`/lib/${source.triplet}`, `/usr/lib/${source.triplet}`];
  return { glibc, loader, libraryPath: [path.join(dir, libDir), ...systemDirs].join(':'), dir, prepared: false };
}

/** Runs `ld.so --version`: "ld.so (Debian GLIBC 2.41-12) stable release version 2.41." */
async function loaderGlibcVersion(loader: string): Promise<string | undefined> {
  const { stdout } = await run(loader, ['--version'], { timeout: 10_000 });
  return /release version (\d+\.\d+)/.exec(stdout)?.[1];
}

/** Downloads, extracts and checks into a staging directory, then renames it to `dir` in one step. */
async function prepareInto(dir: string, cacheRoot: string, source: NewerGlibcSource): Promise<void> {
  const staging = await mkdtemp(path.join(cacheRoot, '.staging-'));
  try {
    const apt = path.join(staging, 'apt');
    const aptConfig = await writePrivateAptState(apt, source, await systemArchive(source));
    await command('apt-get update', 'apt-get', ['-c', aptConfig, '-q', 'update'], staging);
    await command(
      'apt-get download libc6',
      'apt-get',
      ['-c', aptConfig, '-q', 'download', `libc6:${source.debArch}/${source.suite}`],
      staging,
    );
    const deb = (await readdir(staging)).find((name) => /^libc6_.*\.deb$/.test(name));
    if (!deb) throw new NewerGlibcError(`apt-get download libc6 left no libc6_*.deb in ${staging}`);
    await command(
      `dpkg-deb -x ${deb}`,
      'dpkg-deb',
      ['-x', path.join(staging, deb), path.join(staging, 'root')],
      staging,
    );

    // Merged-/usr releases ship the loader under usr/lib/<triplet>; older layouts under lib/<triplet>.
    const libDir = [`root/usr/lib/${source.triplet}`, `root/lib/${source.triplet}`].find((candidate) =>
      existsSync(path.join(staging, candidate, source.loaderName)),
    );
    if (!libDir) throw new NewerGlibcError(`${deb} has no ${source.loaderName} under lib/${source.triplet}`);
    await writeFile(
      path.join(staging, READY_FILE),
      JSON.stringify({ libDir, package: deb, suite: source.suite }, null, 2) + '\n',
    );
    if (!(await readyLoader(staging, source))) {
      throw new NewerGlibcError(`the loader in ${deb} does not run or reports a glibc older than ${ENGINE_GLIBC}`);
    }
    await rm(apt, { recursive: true, force: true });
    await rm(path.join(staging, deb), { force: true });
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * An apt configuration that reads and writes only under `apt/`: one source (the newer suite, signed
 * by the system keyring), its own lists and cache, and none of the system's update hooks (which may
 * clean the system's cache or refresh AppStream when run as root).
 */
async function writePrivateAptState(apt: string, source: NewerGlibcSource, archive: string): Promise<string> {
  for (const sub of ['sources', 'lists/partial', 'cache/archives/partial'])
    await mkdir(path.join(apt, sub), { recursive: true });
  await writeFile(
    path.join(apt, 'sources', `${source.suite}.sources`),
    [
      'Types: deb',
      `URIs: ${archive}`,
      `Suites: ${source.suite}`,
      'Components: main',
      `Architectures: ${source.debArch}`,
      'Targets: Packages',
      `Signed-By: ${source.keyring}`,
    ].join('\n') + '\n',
  );
  const config = path.join(apt, 'apt.conf');
  await writeFile(
    config,
    [
      'Dir::Etc::SourceList "/dev/null";',
      `Dir::Etc::SourceParts "${path.join(apt, 'sources')}";`,
      `Dir::State::Lists "${path.join(apt, 'lists')}";`,
      `Dir::Cache "${path.join(apt, 'cache')}";`,
      'Debug::NoLocking "true";',
      // An unreachable or unverifiable archive is an error, not a warning that leaves no index behind.
      'APT::Update::Error-Mode "any";',
      // As root apt would download as _apt, which cannot write into root's home; as a user it cannot switch.
      `APT::Sandbox::User "${userInfo().username}";`,
      '#clear APT::Update::Pre-Invoke;',
      '#clear APT::Update::Post-Invoke;',
      '#clear APT::Update::Post-Invoke-Success;',
    ].join('\n') + '\n',
  );
  return config;
}

/** The archive this system's apt already uses for the distribution (a local mirror, a proxy), else its default. */
async function systemArchive(source: NewerGlibcSource): Promise<string> {
  const format = '$(REPO_URI)\t$(CODENAME)\t$(ORIGIN)';
  const listed = await run('apt-get', ['indextargets', '--format', format, 'Created-By: Packages'], {
    timeout: 30_000,
  }).catch(() => ({ stdout: '' }));
  for (const line of listed.stdout.split('\n')) {
    const [uri, codename, origin] = line.split('\t');
    if (uri && codename === source.systemCodename && origin?.toLowerCase() === source.distro) return uri;
  }
  return source.defaultArchive;
}

async function command(label: string, file: string, args: string[], cwd: string): Promise<void> {
  try {
    await run(file, args, { cwd, timeout: APT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
    if (failure.code === 'ENOENT')
      throw new NewerGlibcError(`${file} is not installed (needed to fetch glibc ≥ ${ENGINE_GLIBC})`);
    const detail = (failure.stderr ?? '').trim().split('\n').slice(-3).join(' / ') || failure.message;
    throw new NewerGlibcError(`${label} failed${failure.killed ? ' (timed out)' : ''}: ${detail}`);
  }
}
