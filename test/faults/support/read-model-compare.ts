/**
 * Two databases' collections compared document for document: every collection in either, each as the
 * sorted list of its documents in canonical JSON (keys sorted, dates as ISO strings, `_id` left out:
 * MongoDB assigns it on insert, so it differs between any two builds and means nothing to the app).
 */
import type { Connection } from 'mongoose';

/**
 * Differences found, one line per collection that differs; empty when the two are the same. `ignore` names
 * fields left out per collection (only ever purely local facts, such as when a document was last saved).
 */
export async function compareDatabases(
  live: Connection,
  rebuilt: Connection,
  ignore: Record<string, string[]> = {},
): Promise<{ differences: string[]; documents: number }> {
  const names = async (db: Connection) => (await db.listCollections()).map((c) => c.name);
  const collections = [...new Set([...(await names(live)), ...(await names(rebuilt))])].sort();
  const differences: string[] = [];
  let documents = 0;
  for (const name of collections) {
    const [a, b] = await Promise.all([
      canonicalDocuments(live, name, ignore[name]),
      canonicalDocuments(rebuilt, name, ignore[name]),
    ]);
    documents += a.length;
    const onlyLive = a.filter((doc) => !b.includes(doc));
    const onlyRebuilt = b.filter((doc) => !a.includes(doc));
    if (a.length !== b.length || onlyLive.length || onlyRebuilt.length) {
      differences.push(
        `${name}: live ${a.length} documents, rebuild ${b.length}; only live: ${onlyLive.slice(0, 2).join(' ')}; only rebuild: ${onlyRebuilt.slice(0, 2).join(' ')}`,
      );
    }
  }
  return { differences, documents };
}

async function canonicalDocuments(db: Connection, collection: string, ignored: string[] = []): Promise<string[]> {
  const projection = Object.fromEntries(['_id', ...ignored].map((field) => [field, 0]));
  const docs = await db.collection(collection).find({}, { projection }).toArray();
  return docs.map((doc) => JSON.stringify(canonical(doc))).sort();
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  // BSON values (ObjectId, Decimal128, Long): their extended-JSON form.
  if (value && typeof value === 'object') return JSON.stringify(value);
  return value;
}
