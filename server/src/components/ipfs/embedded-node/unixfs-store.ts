/**
 * Files in and out of the node's block store, laid out exactly as Kubo's `ipfs add` does by default,
 * so a document pinned here has the same CID it would have on any other IPFS node.
 */
import { FsBlockstore } from 'blockstore-fs';
import {
  importer,
  type ImporterOptions,
  type InProgressImportResult,
  type WritableStorage,
} from 'ipfs-unixfs-importer';
import { balanced, type FileLayout } from 'ipfs-unixfs-importer/layout';
import { exporter } from 'ipfs-unixfs-exporter';
import { CID } from 'multiformats/cid';

/**
 * Kubo's `ipfs add` defaults (its "legacy-cid-v0" profile, IPIP-499 "unixfs-v0-2015"): CIDv0, dag-pb,
 * 256 KiB fixed-size chunks, balanced DAG of at most 174 links per node, leaves wrapped in UnixFS,
 * a one-chunk file stored in its root node. Checked against CIDs Kubo gives for "hello world\n", 1 MiB of
 * zeros (one level of links) and 100 MiB of zeros (two levels, Qmca3PNFKuZnYkiVv1FpcV1AfDUm4qCSHoYjPTBqDAsyk8).
 */
const KUBO_ADD_DEFAULTS: ImporterOptions = {
  profile: 'unixfs-v0-2015',
  reduceSingleLeafToSelf: true,
  layout: releasingLeafBytes(balanced({ maxChildrenPerNode: 174 })),
  // Chunks hashed and written at once per file (default 10): each holds 2 × 256 KiB until written.
  // Concurrent uploads keep the disk busy anyway; this keeps each upload's footprint small.
  blockWriteConcurrency: 2,
};

/** Multicodec of dag-pb, the codec of every non-raw UnixFS block. */
const DAG_PB_CODEC = 0x70;

export interface AddedFile {
  cid: string;
  /** Cumulative DAG size in bytes, as Kubo reports in `Size`. */
  size: bigint;
}

/** Thrown for a CID that is malformed or whose blocks are not in this node (Kubo answers both with 500). */
export class ContentNotFoundError extends Error {}

export class UnixfsStore {
  private readonly blocks: FsBlockstore;
  /** Blocks being written, so two writes of one block (a file of repeated chunks) share one. */
  private readonly writing = new Map<string, Promise<CID>>();
  /**
   * Writes a block only if it is not stored yet, as Kubo's blockstore does. blockstore-fs rewrites
   * existing blocks, and two writes of one block collide in its temp-file rename and retry slowly.
   */
  private readonly newBlocks: WritableStorage = {
    put: (cid, bytes, options) => {
      const key = cid.toString();
      const inFlight = this.writing.get(key);
      if (inFlight) return inFlight;
      const write = (async () => {
        if (!(await this.blocks.has(cid))) await this.blocks.put(cid, bytes, options);
        return cid;
      })().finally(() => this.writing.delete(key));
      this.writing.set(key, write);
      return write;
    },
  };

  constructor(blocksDir: string) {
    this.blocks = new FsBlockstore(blocksDir);
  }

  async open(): Promise<void> {
    await this.blocks.open();
  }

  async close(): Promise<void> {
    await this.blocks.close();
  }

  async add(content: AsyncIterable<Uint8Array> | Uint8Array): Promise<AddedFile> {
    let root: AddedFile | undefined;
    for await (const entry of importer([{ content }], this.newBlocks, KUBO_ADD_DEFAULTS)) {
      root = { cid: entry.cid.toString(), size: entry.size };
    }
    if (!root) throw new Error('the importer produced no root block');
    return root;
  }

  /** The file's bytes, streamed. Fails before the first byte if the CID is bad or not stored here. */
  async cat(cidText: string): Promise<AsyncIterable<Uint8Array>> {
    const cid = parseCid(cidText);
    if (!(await this.blocks.has(cid))) {
      throw new ContentNotFoundError(`block was not found locally (offline): ipld: could not find ${cidText}`);
    }
    const entry = await exporter(cid, this.blocks);
    if (entry.type !== 'file' && entry.type !== 'raw' && entry.type !== 'identity') {
      throw new ContentNotFoundError(`this dag node is a ${entry.type}, not a file`);
    }
    return entry.content();
  }

  /**
   * Kubo's `repo gc`: deletes every block that no pinned DAG reaches and yields each deleted CID. The
   * caller keeps adds out meanwhile (an added file's blocks are unpinned until its add finishes).
   */
  async *collectGarbage(pinned: readonly string[]): AsyncGenerator<string> {
    const live = new Set<string>();
    for (const root of pinned) await this.markReachable(parseCid(root), live);
    const dead: CID[] = [];
    for await (const { cid } of this.blocks.getAll()) if (!live.has(cid.toString())) dead.push(cid);
    for (const cid of dead) {
      await this.blocks.delete(cid);
      yield cid.toString();
    }
  }

  /** Adds `cid` and every block it links to (dag-pb links; raw leaves have none) to `live`. */
  private async markReachable(cid: CID, live: Set<string>): Promise<void> {
    if (live.has(cid.toString()) || !(await this.blocks.has(cid))) return;
    live.add(cid.toString());
    if (cid.code !== DAG_PB_CODEC) return;
    const entry = await exporter(cid, this.blocks);
    if (entry.type !== 'file' && entry.type !== 'directory') return;
    for (const link of entry.node.Links) await this.markReachable(link.Hash, live);
  }

  /** Whether the root block of `cidText` is stored here (throws for a malformed CID). */
  async has(cidText: string): Promise<boolean> {
    return this.blocks.has(parseCid(cidText));
  }
}

/**
 * The importer keeps every written leaf, chunk bytes included, until it has 174 to link under a parent:
 * up to 174 × 256 KiB per file and DAG level, held only to read each chunk's length. This records the
 * length as the leaf's block size and lets the bytes go, which the parent node encodes identically
 * (same `blocksizes`, same links) while an upload's memory stays a few chunks whatever its size.
 * A lone leaf (`single`) keeps its bytes: a one-chunk file is stored as that leaf itself.
 */
function releasingLeafBytes(layout: FileLayout): FileLayout {
  return (source, reduce) =>
    layout(
      (async function* () {
        for await (const leaf of source) {
          const unixfs = leaf.unixfs;
          if (!isLoneLeaf(leaf) && unixfs?.data) {
            unixfs.blockSizes = [BigInt(unixfs.data.length)];
            unixfs.data = undefined;
          }
          yield leaf;
        }
      })(),
      reduce,
    );
}

function isLoneLeaf(leaf: InProgressImportResult): boolean {
  return 'single' in leaf && leaf.single === true;
}

/** Parses a CID (also accepting an `/ipfs/<cid>` path), normalised to the text form Kubo prints. */
export function parseCid(text: string): CID {
  const bare = text.replace(/^\/ipfs\//, '');
  try {
    return CID.parse(bare);
  } catch {
    throw new ContentNotFoundError(`invalid path "${text}": invalid cid: selected encoding not supported`);
  }
}
