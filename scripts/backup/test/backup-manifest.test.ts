/**
 * A restore trusts an archive only as far as its manifest vouches for it: every file listed, with the
 * same size and sha256, nothing extra, and no path that would land outside the data directory.
 */
import {
  archiveProblems,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  isSafeArchivePath,
  manifestSummary,
  parseManifest,
  type ArchiveFile,
  type Manifest,
} from '../backup-manifest';

const hashOf = (digit: string) => digit.repeat(64);
const listed: ArchiveFile[] = [
  { path: 'data/chain/000003.log', bytes: 120, sha256: hashOf('a') },
  { path: 'data/ipfs/blocks/CIQ/ABC.data', bytes: 42, sha256: hashOf('b') },
  { path: 'mongo/test/document_keys.ejson', bytes: 600, sha256: hashOf('c') },
];
const foundAsListed = () => new Map(listed.map(({ path, ...rest }) => [path, rest]));

const manifest: Manifest = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  createdAt: '2026-11-27T20:00:00.000Z',
  chain: { chainId: 1337, latestBlock: 42 },
  mongo: { test: { document_keys: 2, patient_access_log: 1 } },
  files: listed,
};

describe('checking an unpacked archive against its manifest', () => {
  it('When every file is there with its size and sha256 (and the manifest itself), then there is no problem', () => {
    const found = foundAsListed();
    found.set('manifest.json', { bytes: 10, sha256: hashOf('f') });
    expect(archiveProblems(listed, found)).toEqual([]);
  });

  it('When one file changed by a byte, then it is named as not matching its checksum', () => {
    const found = foundAsListed();
    found.set('data/ipfs/blocks/CIQ/ABC.data', { bytes: 42, sha256: hashOf('d') });
    expect(archiveProblems(listed, found)).toEqual(['data/ipfs/blocks/CIQ/ABC.data does not match its checksum']);
  });

  it('When a file is missing and another was slipped in, then both are named', () => {
    const found = foundAsListed();
    found.delete('mongo/test/document_keys.ejson');
    found.set('data/extra.bin', { bytes: 1, sha256: hashOf('e') });
    expect(archiveProblems(listed, found)).toEqual([
      'mongo/test/document_keys.ejson is missing',
      'data/extra.bin is not in the manifest',
    ]);
  });

  it('When the manifest lists a path outside data/ and mongo/, then it is refused even if such a file exists', () => {
    const sneaky = [{ path: 'data/../../etc/passwd', bytes: 1, sha256: hashOf('a') }];
    const found = new Map([['data/../../etc/passwd', { bytes: 1, sha256: hashOf('a') }]]);
    expect(archiveProblems(sneaky, found)).toEqual(['data/../../etc/passwd is not a path inside the archive']);
  });

  it.each([
    ['data/chain/LOCK', true],
    ['mongo/test/patients.ejson', true],
    ['manifest.json', false],
    ['/data/chain/LOCK', false],
    ['data/./x', false],
    ['data//x', false],
    ['other/x', false],
  ])('%s is a safe archive path: %s', (path, safe) => {
    expect(isSafeArchivePath(path)).toBe(safe);
  });
});

describe('reading manifest.json', () => {
  it('When it is a manifest this version wrote, then it reads back as written', () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it('When it is not JSON, or of another version, then the one-line reason says so', () => {
    expect(() => parseManifest('{"format":')).toThrow('manifest.json is not JSON');
    expect(() => parseManifest(JSON.stringify({ ...manifest, version: 2 }))).toThrow(
      /not a ehr-hospital-backup v1 manifest \(version: /,
    );
    expect(() =>
      parseManifest(JSON.stringify({ ...manifest, files: [{ path: 'data/x', bytes: 1, sha256: 'x' }] })),
    ).toThrow(/files\.0\.sha256: must be 64 lowercase hex digits/);
  });

  it('summarises data files, their bytes and the documents per collection for the printed report', () => {
    expect(manifestSummary(manifest)).toEqual({
      dataFiles: 2,
      dataBytes: 162,
      collections: [
        { name: 'test.document_keys', documents: 2 },
        { name: 'test.patient_access_log', documents: 1 },
      ],
    });
  });
});
