/**
 * `npm run backup -- [--out file] [--data-dir dir]`: one .tar.gz of everything the app cannot rebuild,
 * taken offline (the app stopped): the chain's LevelDB, the IPFS block store and pins, the contract
 * artifacts and deployments.json as files, and every MongoDB collection (profiles, wrapped document keys,
 * access log, read model…) exported through the driver as canonical Extended JSON, with a manifest of
 * counts and a sha256 per file. Wrapped keys live only in MongoDB: without them no document opens.
 * With MONGODB_URI set the database part is read from that server (consistent only if nothing writes).
 */
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { startMongo } from '../dev/mongo';
import { parseBackupArgs, UsageError } from './backup-args';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DATA_PREFIX,
  ENGINE_DIRECTORIES,
  MANIFEST_FILE,
  MONGO_PREFIX,
  manifestSummary,
  type Manifest,
} from './backup-manifest';
import { assertNotInUse, BackupError, readChainFacts } from './data-dir-state';
import { describeFile, isMissingOrEmpty, listFiles } from './file-tree';
import { exportCollections } from './mongo-export';
import { formatBytes, runCli, say } from './cli-output';

const repoRoot = path.resolve(__dirname, '..', '..');

export async function createBackup(dataDir: string, out: string): Promise<Manifest> {
  if (await isMissingOrEmpty(dataDir)) throw new BackupError(`${dataDir} holds no data: nothing to back up`);
  await assertNotInUse(dataDir);
  const staging = await mkdtemp(path.join(tmpdir(), 'ehr-backup-'));
  try {
    const chain = await readChainFacts(dataDir);
    // The data directory's own files, the database engines' directories left out (exported below instead).
    const dataFiles = await listFiles(dataDir, ENGINE_DIRECTORIES);
    for (const entry of await readdir(dataDir)) {
      if (ENGINE_DIRECTORIES.includes(entry)) continue;
      await cp(path.join(dataDir, entry), path.join(staging, DATA_PREFIX, entry), { recursive: true });
    }
    await mkdir(path.join(staging, MONGO_PREFIX), { recursive: true });
    const mongo = await startMongo({ dataDir });
    let counts;
    try {
      counts = await exportCollections(mongo.uri, staging);
    } finally {
      await mongo.stop();
    }

    const mongoFiles = await listFiles(path.join(staging, MONGO_PREFIX));
    const files = [
      // Hashed from the copies that go into the archive, not from the originals.
      ...(await Promise.all(
        dataFiles.map((file) => describeFile(path.join(staging, DATA_PREFIX), file, DATA_PREFIX + file)),
      )),
      ...(await Promise.all(
        mongoFiles.map((file) => describeFile(path.join(staging, MONGO_PREFIX), file, MONGO_PREFIX + file)),
      )),
    ];
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      ...(chain && { chain }),
      mongo: counts,
      files,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    await mkdir(path.dirname(out), { recursive: true });
    await tar.c({ gzip: true, file: out, cwd: staging, portable: true }, [
      MANIFEST_FILE,
      ...(dataFiles.length ? [DATA_PREFIX.slice(0, -1)] : []),
      MONGO_PREFIX.slice(0, -1),
    ]);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseBackupArgs(process.argv.slice(2), {
    env: process.env,
    cwd: process.env.INIT_CWD || process.cwd(),
    repoRoot,
    now: new Date(),
  });
  const manifest = await createBackup(args.dataDir, args.out);
  const summary = manifestSummary(manifest);
  const { size } = await stat(args.out);
  say(`Backed up ${args.dataDir} to ${args.out} (${formatBytes(size)}), offline: the app was not running.`);
  say(
    manifest.chain
      ? `  chain     id ${manifest.chain.chainId}, latest block ${manifest.chain.latestBlock}`
      : '  chain     not in the archive (no chain/ in the data directory: RPC_URL names an external chain)',
  );
  say(
    `  files     ${summary.dataFiles} (${formatBytes(summary.dataBytes)}): chain database, IPFS blocks and pins, contracts`,
  );
  say(
    `  mongodb   ${summary.collections.map((c) => `${c.name} ${c.documents}`).join(', ') || 'no collections'}` +
      (process.env.MONGODB_URI ? ' (read from MONGODB_URI)' : ''),
  );
  say(`Restore with: npm run restore -- ${args.out} --data-dir <an empty directory>`);
}

if (require.main === module) runCli('npm run backup', main, [UsageError, BackupError]);
