/**
 * The command lines of `npm run backup -- [--out file] [--data-dir dir]` and
 * `npm run restore -- <archive> [--data-dir dir]`. The data directory defaults as `npm start`'s does:
 * DATA_DIR, else .data/ at the repository root. Pure: the caller passes argv, env and the defaults.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface BackupArgs {
  dataDir: string;
  /** The archive to write. */
  out: string;
}

export interface RestoreArgs {
  archive: string;
  dataDir: string;
}

export function defaultDataDir(env: NodeJS.ProcessEnv, repoRoot: string): string {
  return path.resolve(env.DATA_DIR || path.join(repoRoot, '.data'));
}

/** ehr-backup-2026-11-27T19-58-12Z.tar.gz: sorts by time, no colons (which some file systems refuse). */
export function defaultArchiveName(now: Date): string {
  return `ehr-backup-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')}.tar.gz`;
}

function parse(argv: string[], options: Record<string, { type: 'string' }>, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseBackupArgs(
  argv: string[],
  ctx: { env: NodeJS.ProcessEnv; cwd: string; repoRoot: string; now: Date },
): BackupArgs {
  const { values } = parse(argv, { out: { type: 'string' }, 'data-dir': { type: 'string' } }, false);
  const dataDir = values['data-dir']
    ? path.resolve(ctx.cwd, values['data-dir'])
    : defaultDataDir(ctx.env, ctx.repoRoot);
  const out = path.resolve(ctx.cwd, values.out ?? defaultArchiveName(ctx.now));
  if (out === dataDir || out.startsWith(dataDir + path.sep)) {
    throw new UsageError(`--out ${out} is inside the data directory being backed up: write the archive elsewhere`);
  }
  return { dataDir, out };
}

export function parseRestoreArgs(
  argv: string[],
  ctx: { env: NodeJS.ProcessEnv; cwd: string; repoRoot: string },
): RestoreArgs {
  const { values, positionals } = parse(argv, { 'data-dir': { type: 'string' } }, true);
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one archive, got ${positionals.length}: npm run restore -- <archive.tar.gz> [--data-dir dir]`,
    );
  }
  return {
    archive: path.resolve(ctx.cwd, positionals[0]),
    dataDir: values['data-dir'] ? path.resolve(ctx.cwd, values['data-dir']) : defaultDataDir(ctx.env, ctx.repoRoot),
  };
}
