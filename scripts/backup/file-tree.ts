/**
 * The files under a directory as the archive records them: relative forward-slashed paths, sizes and
 * sha256 (streamed, so a large IPFS block store is never held in memory).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveFile } from './backup-manifest';

/** Every regular file under `root` (recursively), as paths relative to it, sorted; `skip` names top-level entries to leave out. */
export async function listFiles(root: string, skip: string[] = []): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !skip.includes(relative.split('/')[0]))
    .sort();
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Size and sha256 of `root/relative`, recorded under `archivePath`. */
export async function describeFile(root: string, relative: string, archivePath: string): Promise<ArchiveFile> {
  const file = path.join(root, ...relative.split('/'));
  const [{ size }, sha256] = await Promise.all([stat(file), sha256OfFile(file)]);
  return { path: archivePath, bytes: size, sha256 };
}

/** Whether `dir` is missing or an empty directory (what a restore may write into). */
export async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
