/**
 * The MongoDB half of a backup, through the official driver: every collection of every application
 * database (admin, config and local are the server's own) written as canonical Extended JSON, one document
 * per line, so ObjectId, Date, Binary, Long and Decimal128 come back as the same types; and the indexes,
 * so a restored database enforces the same uniqueness before the app's own index build runs.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { BSON, MongoClient, type Document, type IndexDescription } from 'mongodb';
import { collectionFile, indexesFile } from './backup-manifest';

const SERVER_DATABASES = new Set(['admin', 'config', 'local']);
const INSERT_BATCH = 1_000;
/** Index fields listIndexes reports that are not creation options. */
const NOT_INDEX_OPTIONS = new Set(['v', 'ns', 'key']);

export type CollectionCounts = Record<string, Record<string, number>>;

async function withClient<T>(uri: string, task: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    return await task(client);
  } finally {
    await client.close();
  }
}

/** Writes every application collection under `root` (archive layout) and answers the document counts. */
export async function exportCollections(uri: string, root: string): Promise<CollectionCounts> {
  return withClient(uri, async (client) => {
    const counts: CollectionCounts = {};
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    for (const { name: database } of databases.filter((db) => !SERVER_DATABASES.has(db.name))) {
      const db = client.db(database);
      counts[database] = {};
      const collections = await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray();
      for (const { name } of collections.filter((c) => !c.name.startsWith('system.'))) {
        const file = path.join(root, collectionFile(database, name));
        await mkdir(path.dirname(file), { recursive: true });
        counts[database][name] = await writeDocuments(db.collection(name).find({}, { sort: { _id: 1 } }), file);
        const indexes = (await db.collection(name).listIndexes().toArray()).filter(
          (index: Document) => index.name !== '_id_',
        );
        await writeFile(path.join(root, indexesFile(database, name)), JSON.stringify(indexes, null, 2) + '\n');
      }
    }
    return counts;
  });
}

async function writeDocuments(cursor: AsyncIterable<Document>, file: string): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  for await (const document of cursor) {
    if (!out.write(BSON.EJSON.stringify(document, { relaxed: false }) + '\n')) await once(out, 'drain');
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

/** Database names among `counts` that already hold documents on the server at `uri` (a restore refuses them). */
export async function nonEmptyDatabases(uri: string, counts: CollectionCounts): Promise<string[]> {
  return withClient(uri, async (client) => {
    const busy: string[] = [];
    for (const database of Object.keys(counts)) {
      const collections = await client.db(database).listCollections({}, { nameOnly: true }).toArray();
      if (collections.some((c) => !c.name.startsWith('system.'))) busy.push(database);
    }
    return busy;
  });
}

/** Recreates every collection listed in `counts` from `root`, indexes first, and checks the counts. */
export async function importCollections(uri: string, root: string, counts: CollectionCounts): Promise<void> {
  await withClient(uri, async (client) => {
    for (const [database, collections] of Object.entries(counts)) {
      const db = client.db(database);
      for (const [name, expected] of Object.entries(collections)) {
        const collection = await db.createCollection(name);
        const indexes = JSON.parse(await readFile(path.join(root, indexesFile(database, name)), 'utf8')) as Document[];
        if (indexes.length) await collection.createIndexes(indexes.map(indexDescription));
        let batch: Document[] = [];
        const lines = createInterface({ input: createReadStream(path.join(root, collectionFile(database, name))) });
        for await (const line of lines) {
          if (!line) continue;
          batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document);
          if (batch.length === INSERT_BATCH) {
            await collection.insertMany(batch, { ordered: true });
            batch = [];
          }
        }
        if (batch.length) await collection.insertMany(batch, { ordered: true });
        const restored = await collection.countDocuments();
        if (restored !== expected) {
          throw new Error(
            `${database}.${name} has ${restored} documents after the import, the archive lists ${expected}`,
          );
        }
      }
    }
  });
}

/** listIndexes' answer as createIndexes takes it: the key, the name and every option (unique, partial…). */
export function indexDescription(index: Document): IndexDescription {
  const options = Object.fromEntries(Object.entries(index).filter(([field]) => !NOT_INDEX_OPTIONS.has(field)));
  return { key: index.key as IndexDescription['key'], ...options };
}
