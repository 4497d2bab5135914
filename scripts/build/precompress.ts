/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin next to each text asset of a build, at the highest
 * levels (brotli 11, gzip 9): done once per build, so the server never compresses per request and
 * every browser gets the smallest file. A twin that would not be smaller than its original is skipped.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

export interface AssetSizes {
  /** Path relative to the build directory, with forward slashes. */
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export async function compressedSizes(content: Buffer): Promise<{ gzip: Buffer; brotli: Buffer }> {
  const [gzipped, brotlied] = await Promise.all([
    gzipAsync(content, { level: 9 }),
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  ]);
  return { gzip: gzipped, brotli: brotlied };
}

/** Compresses every text asset under `dir` (recursively) and reports the three sizes of each. */
export async function precompressAssets(dir: string): Promise<AssetSizes[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      const compressed = await compressedSizes(content);
      if (compressed.brotli.length < content.length) await writeFile(`${file}.br`, compressed.brotli);
      if (compressed.gzip.length < content.length) await writeFile(`${file}.gz`, compressed.gzip);
      return {
        file: path.relative(dir, file).split(path.sep).join('/'),
        raw: content.length,
        gzip: compressed.gzip.length,
        brotli: compressed.brotli.length,
      };
    }),
  );
}
