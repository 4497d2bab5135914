/**
 * The last resort where the embedded engine has no build (macOS Intel, Windows, musl, old glibc
 * without a newer-glibc source): a real `mongod` from mongodb-memory-server-core, which downloads
 * the binary on first use (internet needed once; it caches it) and keeps its data under
 * <dataDir>/mongod. Imported only on this path, so other machines never load it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EngineUnavailableError, type RunningMongo } from './running-mongo';

const INTERNET_FIX =
  'let this machine reach fastdl.mongodb.org once (mongodb-memory-server caches the mongod it downloads)';

export async function startMemoryServer(opts: { dataDir: string; log: (line: string) => void }): Promise<RunningMongo> {
  const dbPath = path.join(opts.dataDir, 'mongod');
  await mkdir(dbPath, { recursive: true });
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  opts.log('mongodb: starting a mongod through mongodb-memory-server (the first run downloads it)');
  let server: InstanceType<typeof MongoMemoryServer>;
  try {
    // A dbPath of our own and wiredTiger: the data survives restarts, like the embedded engine's.
    server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  } catch (error) {
    const reason = String((error as Error).message)
      .replace(/\s+/g, ' ')
      .trim();
    throw new EngineUnavailableError(`mongodb-memory-server could not start mongod: ${reason}`, INTERNET_FIX);
  }
  return {
    uri: server.getUri(),
    external: false,
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    engine: `mongod from mongodb-memory-server (data in ${dbPath})`,
    // doCleanup without force removes only temporary directories, never our dbPath.
    stop: async () => {
      await server.stop({ doCleanup: true, force: false });
    },
  };
}
