/**
 * Which MongoDB `npm start` uses on each common developer machine, decided from the machine's facts
 * alone, so every platform's decision is checked here whatever machine runs the tests.
 */
import { chooseMongoEngines, parseOsRelease, type MachineFacts } from '../mongo/engine-choice';

const debian12 = { id: 'debian', versionId: '12', codename: 'bookworm' };
const ubuntu2204 = { id: 'ubuntu', versionId: '22.04', codename: 'jammy' };
const ubuntu2404 = { id: 'ubuntu', versionId: '24.04', codename: 'noble' };

function kinds(facts: MachineFacts): string[] {
  return chooseMongoEngines(facts).candidates.map((candidate) =>
    candidate.kind === 'embedded-newer-glibc'
      ? `${candidate.kind}:${candidate.source.suite}-${candidate.source.debArch}`
      : candidate.kind,
  );
}

describe('choosing the MongoDB engine', () => {
  it.each<[string, MachineFacts, string[]]>([
    [
      'Ubuntu 24.04 x64 (glibc 2.39)',
      { platform: 'linux', arch: 'x64', glibc: '2.39', osRelease: ubuntu2404 },
      ['embedded', 'memory-server'],
    ],
    [
      'Debian 13 arm64 (glibc 2.41)',
      { platform: 'linux', arch: 'arm64', glibc: '2.41' },
      ['embedded', 'memory-server'],
    ],
    ['macOS arm64', { platform: 'darwin', arch: 'arm64' }, ['embedded', 'memory-server']],
    [
      'Debian 12 x64 (glibc 2.36)',
      { platform: 'linux', arch: 'x64', glibc: '2.36', osRelease: debian12 },
      ['embedded-newer-glibc:trixie-amd64', 'memory-server'],
    ],
    [
      'Debian 12 arm64 (glibc 2.36)',
      { platform: 'linux', arch: 'arm64', glibc: '2.36', osRelease: debian12 },
      ['embedded-newer-glibc:trixie-arm64', 'memory-server'],
    ],
    [
      'Ubuntu 22.04 x64 (glibc 2.35)',
      { platform: 'linux', arch: 'x64', glibc: '2.35', osRelease: ubuntu2204 },
      ['embedded-newer-glibc:noble-amd64', 'memory-server'],
    ],
    [
      'Debian 11 x64 (glibc 2.31)',
      {
        platform: 'linux',
        arch: 'x64',
        glibc: '2.31',
        osRelease: { id: 'debian', versionId: '11', codename: 'bullseye' },
      },
      ['memory-server'],
    ],
    ['an old glibc without /etc/os-release', { platform: 'linux', arch: 'x64', glibc: '2.34' }, ['memory-server']],
    [
      'Alpine x64 (musl, no glibc)',
      { platform: 'linux', arch: 'x64', osRelease: { id: 'alpine', versionId: '3.20.0' } },
      ['memory-server'],
    ],
    ['macOS Intel', { platform: 'darwin', arch: 'x64' }, ['memory-server']],
    ['Windows x64', { platform: 'win32', arch: 'x64' }, ['memory-server']],
  ])('On %s, then the candidates are tried in this order: %j', (_machine, facts, expected) => {
    expect(kinds(facts)).toEqual(expected);
  });

  it('When MONGODB_URI is set, then that server is used on every platform and nothing else is tried', () => {
    for (const facts of [
      { platform: 'linux', arch: 'x64', glibc: '2.36', osRelease: debian12 },
      { platform: 'win32', arch: 'x64' },
    ] satisfies MachineFacts[]) {
      expect(chooseMongoEngines({ ...facts, mongodbUri: 'mongodb://db.example:27017/ehr' }).candidates).toEqual([
        { kind: 'external', uri: 'mongodb://db.example:27017/ehr' },
      ]);
    }
  });

  it('When the newer glibc comes from apt, then the suite is verified with the keyring of the same distribution', () => {
    const [debian] = chooseMongoEngines({
      platform: 'linux',
      arch: 'x64',
      glibc: '2.36',
      osRelease: debian12,
    }).candidates;
    const [ubuntu] = chooseMongoEngines({
      platform: 'linux',
      arch: 'arm64',
      glibc: '2.35',
      osRelease: ubuntu2204,
    }).candidates;

    expect(debian).toMatchObject({
      source: { keyring: '/usr/share/keyrings/debian-archive-keyring.gpg', loaderName: 'ld-linux-x86-64.so.2' },
    });
    expect(ubuntu).toMatchObject({
      source: {
        keyring: '/usr/share/keyrings/ubuntu-archive-keyring.gpg',
        defaultArchive: 'http://ports.ubuntu.com/ubuntu-ports',
        loaderName: 'ld-linux-aarch64.so.1',
      },
    });
  });

  it('When the platform has no engine build, then the reason names the platform', () => {
    expect(chooseMongoEngines({ platform: 'darwin', arch: 'x64' }).reason).toMatch(/no build for darwin-x64/);
  });

  it('When /etc/os-release quotes its values, then the distribution and codename are read without the quotes', () => {
    const text =
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n';

    expect(parseOsRelease(text)).toEqual({ id: 'debian', versionId: '12', codename: 'bookworm' });
    expect(parseOsRelease('NAME=whatever\n')).toBeUndefined();
  });
});
