/**
 * The embedded IPFS node's add/cat throughput through kubo-rpc-client (the library the browser uses; here
 * straight to the node's Kubo RPC port, HTTP and multipart included) beside the raw block store underneath
 * it (ipfs-unixfs-importer/-exporter over blockstore-fs, with the node's own Kubo layout: UnixfsStore), in
 * the same run, on random bytes so nothing is deduplicated. The difference is the cost of the RPC layer.
 * Prints medians of REPEATS runs per size, and the client/raw ratios. Figures only, nothing asserted.
 *
 *   npx tsx bench/documents/ipfs-throughput.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startIpfs } from '../../scripts/dev/ipfs';
import { MB, median, megabytesPerSecond, printTable } from './bench-support';

const SIZES = [1 * MB, 10 * MB];
const REPEATS = 5;

interface Timing {
  addMs: number;
  catMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const result = await work();
  return [result, performance.now() - began];
}

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let length = 0;
  for await (const chunk of chunks) length += chunk.length;
  return length;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-ipfs-'));
  const node = await startIpfs({ dataDir, port: 0, log: () => {} });
  // Both are ESM only (the library, and the node's folder): a dynamic import loads them from this CommonJS file.
  const { create } = await import('kubo-rpc-client');
  const { UnixfsStore } = await import('../../server/src/components/ipfs/embedded-node/unixfs-store');
  const client = create({ url: node.apiUrl });
  const raw = new UnixfsStore(path.join(dataDir, 'raw-blocks'));
  await raw.open();
  const rows: string[][] = [];
  const ratios: string[] = [];
  try {
    for (const size of SIZES) {
      const viaClient: Timing[] = [];
      const viaStore: Timing[] = [];
      for (let run = 0; run < REPEATS; run++) {
        const content = new Uint8Array(randomBytes(size));
        const [added, addMs] = await timed(() => client.add(content));
        const [read, catMs] = await timed(() => drain(client.cat(added.cid)));
        if (read !== size) throw new Error(`client cat returned ${read} of ${size} bytes`);
        viaClient.push({ addMs, catMs });

        const [stored, rawAddMs] = await timed(() => raw.add(content));
        const [rawRead, rawCatMs] = await timed(async () => drain(await raw.cat(stored.cid)));
        if (rawRead !== size) throw new Error(`raw cat returned ${rawRead} of ${size} bytes`);
        if (stored.cid !== added.cid.toString())
          throw new Error(`CIDs differ: ${stored.cid} vs ${added.cid.toString()}`);
        viaStore.push({ addMs: rawAddMs, catMs: rawCatMs });
      }
      const rate = (timings: Timing[], key: keyof Timing) =>
        megabytesPerSecond(size, median(timings.map((timing) => timing[key])));
      const label = `${size / MB} MB`;
      rows.push(
        [label, 'kubo-rpc-client → node', rate(viaClient, 'addMs').toFixed(1), rate(viaClient, 'catMs').toFixed(1)],
        [label, 'raw blockstore', rate(viaStore, 'addMs').toFixed(1), rate(viaStore, 'catMs').toFixed(1)],
      );
      ratios.push(
        `${label}: client/raw add ${(rate(viaClient, 'addMs') / rate(viaStore, 'addMs')).toFixed(2)}, ` +
          `cat ${(rate(viaClient, 'catMs') / rate(viaStore, 'catMs')).toFixed(2)}`,
      );
    }
  } finally {
    await raw.close();
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`Embedded IPFS node, add and cat (median of ${REPEATS} runs, random bytes, MB = 10^6 bytes)\n`);
  printTable(['size', 'path', 'add MB/s', 'cat MB/s'], rows, 2);
  console.log(`\nRatios (1.00 = the client path as fast as the raw store):\n${ratios.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
