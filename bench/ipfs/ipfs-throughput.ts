/**
 * The embedded IPFS node's add/cat throughput through kubo-rpc-client (the library the browser uses; here
 * straight to the node's Kubo RPC port, HTTP and multipart included) beside the raw block store underneath
 * it (ipfs-unixfs-importer/-exporter over blockstore-fs, with the node's own Kubo layout: UnixfsStore) in this
 * process, in the same run, on random bytes (as incompressible as the AES-GCM ciphertext the app stores, and
 * never deduplicated). The difference is the cost of the RPC layer. Medians of a given number of runs per size, after one unmeasured warm-up run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startIpfs } from '../../scripts/dev/ipfs';
import { median, megabytesPerSecond } from '../documents/bench-support';

/** MB/s (MB = 10^6 bytes) of one path, medians over the repeats. */
export interface Throughput {
  addMBps: number;
  catMBps: number;
}

export interface SizeThroughput {
  bytes: number;
  /** kubo-rpc-client → the embedded node's Kubo RPC port. */
  client: Throughput;
  /** ipfs-unixfs-importer/-exporter over blockstore-fs, in this process. */
  raw: Throughput;
}

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

function medianThroughput(bytes: number, timings: Timing[]): Throughput {
  return {
    addMBps: megabytesPerSecond(bytes, median(timings.map((timing) => timing.addMs))),
    catMBps: megabytesPerSecond(bytes, median(timings.map((timing) => timing.catMs))),
  };
}

/** Starts a node on a temp data dir, measures both paths for each size (alternating runs), stops everything. */
export async function measureIpfsThroughput(
  sizes: readonly { bytes: number; repeats: number }[],
): Promise<SizeThroughput[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-ipfs-'));
  const node = await startIpfs({ dataDir, port: 0, log: () => {} });
  // Both are ESM only (the library, and the node's folder): a dynamic import loads them from this CommonJS file.
  const { create } = await import('kubo-rpc-client');
  const { UnixfsStore } = await import('../../server/src/components/ipfs/embedded-node/unixfs-store');
  const client = create({ url: node.apiUrl });
  const raw = new UnixfsStore(path.join(dataDir, 'raw-blocks'));
  await raw.open();
  try {
    const results: SizeThroughput[] = [];
    for (const { bytes, repeats } of sizes) {
      const viaClient: Timing[] = [];
      const viaStore: Timing[] = [];
      // One unmeasured run first: the JIT, the client's connection and the node's first write are not throughput.
      for (let run = -1; run < repeats; run++) {
        const content = new Uint8Array(randomBytes(bytes));
        const [added, addMs] = await timed(() => client.add(content));
        const [read, catMs] = await timed(() => drain(client.cat(added.cid)));
        if (read !== bytes) throw new Error(`client cat returned ${read} of ${bytes} bytes`);
        if (run >= 0) viaClient.push({ addMs, catMs });

        const [stored, rawAddMs] = await timed(() => raw.add(content));
        const [rawRead, rawCatMs] = await timed(async () => drain(await raw.cat(stored.cid)));
        if (rawRead !== bytes) throw new Error(`raw cat returned ${rawRead} of ${bytes} bytes`);
        if (stored.cid !== added.cid.toString())
          throw new Error(`CIDs differ: ${stored.cid} vs ${added.cid.toString()}`);
        if (run >= 0) viaStore.push({ addMs: rawAddMs, catMs: rawCatMs });
      }
      results.push({ bytes, client: medianThroughput(bytes, viaClient), raw: medianThroughput(bytes, viaStore) });
    }
    return results;
  } finally {
    await raw.close();
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
