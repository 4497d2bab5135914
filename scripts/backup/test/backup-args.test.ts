/**
 * `npm run backup` and `npm run restore` find the data directory as `npm start` does (DATA_DIR, else
 * .data/ at the repository root) and refuse command lines that would go wrong, in one line.
 */
import path from 'node:path';
import { defaultArchiveName, parseBackupArgs, parseRestoreArgs, UsageError } from '../backup-args';

const repoRoot = '/repo';
const now = new Date('2026-11-27T19:58:12.345Z');
const ctx = { env: {}, cwd: '/home/me', repoRoot, now };

describe('npm run backup arguments', () => {
  it('When given nothing, then it backs up <repo>/.data into a timestamped archive in the current directory', () => {
    expect(parseBackupArgs([], ctx)).toEqual({
      dataDir: path.resolve('/repo/.data'),
      out: path.resolve('/home/me/ehr-backup-2026-11-27T19-58-12Z.tar.gz'),
    });
  });

  it('When DATA_DIR is set, then that directory is backed up; --data-dir and --out override, relative to the cwd', () => {
    expect(parseBackupArgs([], { ...ctx, env: { DATA_DIR: '/srv/ehr' } }).dataDir).toBe(path.resolve('/srv/ehr'));
    expect(parseBackupArgs(['--data-dir', 'state', '--out', 'b.tar.gz'], ctx)).toEqual({
      dataDir: path.resolve('/home/me/state'),
      out: path.resolve('/home/me/b.tar.gz'),
    });
  });

  it('When --out is inside the data directory, then it is refused (the archive would back itself up)', () => {
    expect(() => parseBackupArgs(['--out', '/repo/.data/b.tar.gz'], ctx)).toThrow(UsageError);
  });

  it('When an unknown option is given, then it is a usage error naming it', () => {
    expect(() => parseBackupArgs(['--output', 'x'], ctx)).toThrow(/--output/);
  });

  it('names archives by UTC time without colons', () => {
    expect(defaultArchiveName(now)).toBe('ehr-backup-2026-11-27T19-58-12Z.tar.gz');
  });
});

describe('npm run restore arguments', () => {
  it('When given an archive, then it restores into DATA_DIR or <repo>/.data, or --data-dir', () => {
    expect(parseRestoreArgs(['b.tar.gz'], ctx)).toEqual({
      archive: path.resolve('/home/me/b.tar.gz'),
      dataDir: path.resolve('/repo/.data'),
    });
    expect(parseRestoreArgs(['/x/b.tar.gz', '--data-dir', 'fresh'], ctx).dataDir).toBe(path.resolve('/home/me/fresh'));
  });

  it.each([[[]], [['a.tar.gz', 'b.tar.gz']]])('When given %j, then it asks for exactly one archive', (argv) => {
    expect(() => parseRestoreArgs(argv, ctx)).toThrow(/expected one archive/);
  });
});
