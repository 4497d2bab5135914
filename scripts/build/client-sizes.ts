/**
 * Runs after `ng build` (npm run client:build): writes the `.br`/`.gz` twins the server sends
 * (precompress.ts), prints what a browser downloads (raw / gzip -9 / brotli 11) for the initial
 * JavaScript and in total, and fails the build when the initial JavaScript outgrows its budget.
 *
 * "Initial" is what index.html loads before the landing page can render: the entry script and the
 * chunks it preloads. ethers, siwe and chart code must stay in lazy chunks (README, "Fast delivery").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { precompressAssets, type AssetSizes } from './precompress';

const repoRoot = path.resolve(__dirname, '..', '..');
export const CLIENT_BROWSER_DIST = path.join(repoRoot, 'dist', 'client', 'browser');
/** The target for the initial JavaScript, gzip -9 bytes. */
export const INITIAL_JS_GZIP_BUDGET = 250_000;

/** The scripts index.html loads up front: `<script src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const match of indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) found.add(match[1]);
  for (const match of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1]);
  return [...found];
}

function total(assets: AssetSizes[]): Omit<AssetSizes, 'file'> {
  return assets.reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip, brotli: sum.brotli + a.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function row(label: string, sizes: Omit<AssetSizes, 'file'>): string {
  return `${label.padEnd(32)} ${kB(sizes.raw).padStart(10)} ${kB(sizes.gzip).padStart(10)} ${kB(sizes.brotli).padStart(10)}`;
}

async function main(): Promise<void> {
  const assets = await precompressAssets(CLIENT_BROWSER_DIST);
  const initialNames = new Set(initialScripts(readFileSync(path.join(CLIENT_BROWSER_DIST, 'index.html'), 'utf8')));
  const scripts = assets.filter((a) => a.file.endsWith('.js'));
  const initial = scripts.filter((a) => initialNames.has(a.file));
  const lazy = scripts.filter((a) => !initialNames.has(a.file));
  const largestLazy = [...lazy].sort((a, b) => b.raw - a.raw).slice(0, 3);
  const initialSizes = total(initial);

  const lines = [
    '',
    `Client sizes (precompressed .br/.gz written next to each asset)`,
    `${''.padEnd(32)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`,
    row(`initial JS (${initial.length} files)`, initialSizes),
    row(`lazy JS (${lazy.length} files)`, total(lazy)),
    ...largestLazy.map((a) => row(`  largest: ${a.file}`, a)),
    row('all JS', total(scripts)),
    row('CSS', total(assets.filter((a) => a.file.endsWith('.css')))),
    `Initial JS budget: ${kB(initialSizes.gzip)} of ${kB(INITIAL_JS_GZIP_BUDGET)} gzip`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (initialSizes.gzip > INITIAL_JS_GZIP_BUDGET) {
    process.stderr.write(
      `The initial JavaScript is ${kB(initialSizes.gzip)} gzip, over the ${kB(INITIAL_JS_GZIP_BUDGET)} budget: ` +
        'something the landing page imports statically pulls in a large library; import it where it is used (dynamic import or a lazy route).\n',
    );
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`client size report failed: ${error.message}\n`);
    process.exit(1);
  });
}
