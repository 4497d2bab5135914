/**
 * `npm run restore -- <archive> [--data-dir dir]`: puts a backup back into an EMPTY data directory.
 * Nothing is written until the whole archive has been unpacked aside and every file matched its sha256
 * in the manifest; then the files go in, MongoDB is started on the new directory (the embedded engine,
 * or the server at MONGODB_URI, whose databases must be empty) and every collection is imported with its
 * indexes and its document count checked. `npm start` with DATA_DIR=<dir> then runs on the restored state.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { startMongo } from '../dev/mongo';
import { parseRestoreArgs, UsageError } from './backup-args';
import {
  archiveProblems,
  DATA_PREFIX,
  MANIFEST_FILE,
  manifestSummary,
  parseManifest,
  type Manifest,
} from './backup-manifest';
import { BackupError } from './data-dir-state';
import { describeFile, isMissingOrEmpty, listFiles } from './file-tree';
import { importCollections, nonEmptyDatabases } from './mongo-export';
import { formatBytes, runCli, say } from './cli-output';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Unpacks `archive` into `staging` and checks it against its manifest; throws a one-line BackupError. */
export async function unpackAndVerify(archive: string, staging: string): Promise<Manifest> {
  const damaged = (why: string) => new BackupError(`the archive ${archive} is damaged: ${why}`);
  try {
    await tar.x({ file: archive, cwd: staging, strict: true });
  } catch (error) {
    throw damaged(`it does not unpack as a .tar.gz (${(error as Error).message})`);
  }
  const manifestPath = path.join(staging, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw damaged(`it has no ${MANIFEST_FILE}`);
  let manifest: Manifest;
  try {
    manifest = parseManifest(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw damaged((error as Error).message);
  }
  const found = new Map(
    await Promise.all(
      (await listFiles(staging)).map(async (file) => {
        const { bytes, sha256 } = await describeFile(staging, file, file);
        return [file, { bytes, sha256 }] as const;
      }),
    ),
  );
  const problems = archiveProblems(manifest.files, found);
  if (problems.length) {
    throw damaged(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`);
  }
  return manifest;
}

export async function restoreBackup(archive: string, dataDir: string): Promise<Manifest> {
  if (!existsSync(archive)) throw new BackupError(`the archive ${archive} does not exist`);
  if (!(await isMissingOrEmpty(dataDir))) {
    throw new BackupError(`${dataDir} is not empty: restore into a new or empty data directory (nothing was changed)`);
  }
  const staging = await mkdtemp(path.join(tmpdir(), 'ehr-restore-'));
  try {
    const manifest = await unpackAndVerify(archive, staging);
    await mkdir(dataDir, { recursive: true });
    const mongo = await startMongo({ dataDir });
    try {
      if (mongo.external) {
        const busy = await nonEmptyDatabases(mongo.uri, manifest.mongo);
        if (busy.length) {
          throw new BackupError(
            `MONGODB_URI's server already has the database ${busy.join(', ')}: restore into an empty server, or unset MONGODB_URI to use the embedded one`,
          );
        }
      }
      if (existsSync(path.join(staging, DATA_PREFIX))) {
        await cp(path.join(staging, DATA_PREFIX), dataDir, { recursive: true });
      }
      await importCollections(mongo.uri, path.join(staging), manifest.mongo);
    } catch (error) {
      const cause = error as Error;
      if (cause instanceof BackupError) throw cause;
      throw new BackupError(
        `restoring into ${dataDir} failed halfway (${cause.message}): delete it before trying again`,
        {
          cause,
        },
      );
    } finally {
      await mongo.stop();
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseRestoreArgs(process.argv.slice(2), {
    env: process.env,
    cwd: process.env.INIT_CWD || process.cwd(),
    repoRoot,
  });
  const manifest = await restoreBackup(args.archive, args.dataDir);
  const summary = manifestSummary(manifest);
  const { size } = await stat(args.archive);
  say(`Restored ${args.archive} (${formatBytes(size)}, made ${manifest.createdAt}) into ${args.dataDir}.`);
  say(`  checked   ${manifest.files.length} files against their sha256 in the manifest`);
  if (manifest.chain) say(`  chain     id ${manifest.chain.chainId}, latest block ${manifest.chain.latestBlock}`);
  say(
    `  files     ${summary.dataFiles} (${formatBytes(summary.dataBytes)}): chain database, IPFS blocks and pins, contracts`,
  );
  say(`  mongodb   ${summary.collections.map((c) => `${c.name} ${c.documents}`).join(', ') || 'no collections'}`);
  say(`Start the app on it with: DATA_DIR=${args.dataDir} npm start`);
}

if (require.main === module) runCli('npm run restore', main, [UsageError, BackupError]);
