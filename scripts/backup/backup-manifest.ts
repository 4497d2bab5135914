/**
 * What a backup archive says about itself (manifest.json at its root) and the check that its files are
 * the ones written: every file listed, with its size and sha256, and nothing else. Pure: no file system.
 *
 * Archive layout:
 *   manifest.json
 *   data/…                          the data directory's files as they were (chain LevelDB, IPFS blocks
 *                                   and pins, contract artifacts, deployments.json), the database engines'
 *                                   own directories left out
 *   mongo/<db>/<collection>.ejson   one document per line, canonical Extended JSON (types survive)
 *   mongo/<db>/<collection>.indexes.json   the collection's indexes (listIndexes), _id_ left out
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'ehr-hospital-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** Where the data directory's files go in the archive, and where the database export goes. */
export const DATA_PREFIX = 'data/';
export const MONGO_PREFIX = 'mongo/';
/** The database engines' files (embedded engine, mongodb-memory-server): exported through the driver instead. */
export const ENGINE_DIRECTORIES = ['mongo', 'mongod'];

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const ArchiveFileSchema = z.strictObject({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256Schema,
});
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  /** The chain as it was backed up (undefined when RPC_URL named an external chain: not in the archive). */
  chain: z.strictObject({ chainId: z.number().int(), latestBlock: z.number().int().nonnegative() }).optional(),
  /** Documents per collection, per database: what the restore must find again after importing. */
  mongo: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  files: z.array(ArchiveFileSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Reads manifest.json's text, or says in one line why it is not a manifest of this format. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${MANIFEST_FILE} is not JSON`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${MANIFEST_FILE} is not a ${BACKUP_FORMAT} v${BACKUP_VERSION} manifest (${issue.path.join('.') || 'root'}: ${issue.message})`,
    );
  }
  return parsed.data;
}

/**
 * What is wrong between the manifest's file list and the files actually found (path → size and sha256),
 * one line per problem; empty when they agree exactly. A path that escapes the archive is a problem too.
 */
export function archiveProblems(listed: ArchiveFile[], found: Map<string, Omit<ArchiveFile, 'path'>>): string[] {
  const problems: string[] = [];
  const listedPaths = new Set<string>();
  for (const file of listed) {
    listedPaths.add(file.path);
    if (!isSafeArchivePath(file.path)) {
      problems.push(`${file.path} is not a path inside the archive`);
      continue;
    }
    const actual = found.get(file.path);
    if (!actual) problems.push(`${file.path} is missing`);
    else if (actual.bytes !== file.bytes || actual.sha256 !== file.sha256)
      problems.push(`${file.path} does not match its checksum`);
  }
  for (const path of found.keys()) {
    if (path !== MANIFEST_FILE && !listedPaths.has(path)) problems.push(`${path} is not in the manifest`);
  }
  return problems;
}

/** Relative, forward-slashed, under data/ or mongo/, no `..`: a manifest cannot point outside the target. */
export function isSafeArchivePath(path: string): boolean {
  if (!path.startsWith(DATA_PREFIX) && !path.startsWith(MONGO_PREFIX)) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'));
}

/** The export file names of one collection. */
export const collectionFile = (database: string, collection: string) =>
  `${MONGO_PREFIX}${database}/${collection}.ejson`;
export const indexesFile = (database: string, collection: string) =>
  `${MONGO_PREFIX}${database}/${collection}.indexes.json`;

/** Totals for the one-line summaries: files and bytes of the data directory, documents per collection. */
export function manifestSummary(manifest: Manifest): {
  dataFiles: number;
  dataBytes: number;
  collections: { name: string; documents: number }[];
} {
  const data = manifest.files.filter((file) => file.path.startsWith(DATA_PREFIX));
  return {
    dataFiles: data.length,
    dataBytes: data.reduce((sum, file) => sum + file.bytes, 0),
    collections: Object.entries(manifest.mongo).flatMap(([database, collections]) =>
      Object.entries(collections).map(([name, documents]) => ({ name: `${database}.${name}`, documents })),
    ),
  };
}
