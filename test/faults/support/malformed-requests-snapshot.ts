/**
 * What a request could have written, fingerprinted before and after the flood: every MongoDB collection
 * (document count + a SHA-256 over its documents in _id order, as canonical Extended JSON), every file of
 * the IPFS node's data directory (path + size + content hash: blocks, pins, datastore), and the chain's
 * block number. Equal fingerprints = nothing written.
 *
 * One field is left out, because a valid request legitimately moves it: `sessions.idleExpiresAt`, the idle
 * deadline every request carrying a session pushes forward (session-store.ts `useSession`), so the drill's
 * signed-in requests move it whether or not they are malformed. The rest of each session (count, token
 * hash, address, absolute expiry) is still compared. Rate-limit counters live in the process's memory
 * (express-rate-limit's MemoryStore), not in MongoDB, so nothing else needs leaving out.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { JsonRpcProvider } from 'ethers';

/** Fields moved by any authenticated request, per collection; see the header for why each is excluded. */
export const EXCLUDED_FIELDS: Readonly<Record<string, readonly string[]>> = { sessions: ['idleExpiresAt'] };

export type Fingerprint = Record<string, string>;

export async function fingerprint(options: {
  mongoUri: string;
  ipfsDir: string;
  provider: JsonRpcProvider;
}): Promise<Fingerprint> {
  const result: Fingerprint = {};
  const connection = await mongoose.createConnection(options.mongoUri).asPromise();
  try {
    const db = connection.db!;
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const excluded = EXCLUDED_FIELDS[name] ?? [];
      const hash = createHash('sha256');
      let count = 0;
      for await (const document of db.collection(name).find({}).sort({ _id: 1 })) {
        for (const field of excluded) delete document[field];
        hash.update(mongoose.mongo.BSON.EJSON.stringify(document, { relaxed: false }));
        count++;
      }
      result[`mongo ${name}`] = `${count} documents, ${hash.digest('hex').slice(0, 16)}`;
    }
  } finally {
    await connection.close();
  }
  const files = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        files.update(
          `${path.relative(options.ipfsDir, full)}:${statSync(full).size}:${createHash('sha256').update(readFileSync(full)).digest('hex')}\n`,
        );
    }
  };
  walk(options.ipfsDir);
  result['ipfs files'] = files.digest('hex').slice(0, 16);
  result['chain block'] = String(await options.provider.getBlockNumber());
  return result;
}
