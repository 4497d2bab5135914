/**
 * The CIDs pinned on this node, kept beside the blocks so they survive a restart.
 * Only recursive pins exist here (what `ipfs add` and `ipfs pin add` make by default).
 *
 * One empty file per pin, named by the CID's bytes in lowercase base32: pinning creates a file and
 * unpinning deletes one, so each change costs O(1) whatever the number of pins, and each is a single
 * atomic file-system operation, so a crash can never leave a torn or half-written pin list.
 * (Lowercase base32 rather than the CID text: base58 CIDs differ only by case on case-insensitive disks.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { base32 } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';

export class PinSet {
  private pins = new Set<string>();
  /** The last file-system change queued per CID, so an add and a remove of one CID land in order. */
  private readonly pending = new Map<string, Promise<void>>();

  /**
   * @param dir directory holding one file per pin
   * @param legacyFile the JSON array of CIDs earlier versions rewrote on every change; migrated on load
   */
  constructor(
    private readonly dir: string,
    private readonly legacyFile?: string,
  ) {}

  async load(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await this.migrateLegacyFile();
    const names = await fs.readdir(this.dir);
    // Anything that does not decode (an editor's backup, .DS_Store) is not a pin.
    this.pins = new Set(names.map(cidFromFileName).filter((cid): cid is string => cid !== undefined));
  }

  has(cid: string): boolean {
    return this.pins.has(cid);
  }

  list(): string[] {
    return [...this.pins].sort();
  }

  /** Pins `cid`; resolves once the pin is on disk. Pinning twice is harmless. */
  async add(cid: string): Promise<void> {
    this.pins.add(cid);
    await this.enqueue(cid, async () => {
      // 'a': creates the file if missing, leaves it alone if present.
      await (await fs.open(this.fileFor(cid), 'a')).close();
    });
  }

  /** Unpins `cid`; false if it was not pinned. */
  async remove(cid: string): Promise<boolean> {
    if (!this.pins.delete(cid)) return false;
    await this.enqueue(cid, () => fs.rm(this.fileFor(cid), { force: true }));
    return true;
  }

  private fileFor(cid: string): string {
    return path.join(this.dir, base32.encode(CID.parse(cid).bytes));
  }

  private enqueue(cid: string, change: () => Promise<void>): Promise<void> {
    const next = (this.pending.get(cid) ?? Promise.resolve()).catch(() => {}).then(change);
    this.pending.set(cid, next);
    const forget = (): void => {
      if (this.pending.get(cid) === next) this.pending.delete(cid);
    };
    next.then(forget, forget);
    return next;
  }

  /** Creates a pin file for each CID in the old pins.json, then deletes it (a crash midway just repeats this). */
  private async migrateLegacyFile(): Promise<void> {
    if (!this.legacyFile) return;
    const text = await fs.readFile(this.legacyFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) return;
    for (const cid of JSON.parse(text) as string[]) {
      await (await fs.open(this.fileFor(cid), 'a')).close();
    }
    await fs.rm(this.legacyFile);
    await fs.rm(`${this.legacyFile}.partial`, { force: true });
  }
}

function cidFromFileName(name: string): string | undefined {
  try {
    return CID.decode(base32.decode(name)).toString();
  } catch {
    return undefined;
  }
}
