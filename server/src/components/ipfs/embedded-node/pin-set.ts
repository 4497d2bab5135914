/**
 * The CIDs pinned on this node, kept in one JSON file beside the blocks so they survive a restart.
 * Only recursive pins exist here (what `ipfs add` and `ipfs pin add` make by default).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export class PinSet {
  private pins = new Set<string>();
  /** Writes are chained so two requests can never interleave and lose a pin. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    const text = await fs.readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '[]';
      throw error;
    });
    this.pins = new Set(JSON.parse(text) as string[]);
  }

  has(cid: string): boolean {
    return this.pins.has(cid);
  }

  list(): string[] {
    return [...this.pins].sort();
  }

  async add(cid: string): Promise<void> {
    this.pins.add(cid);
    await this.save();
  }

  async remove(cid: string): Promise<boolean> {
    const removed = this.pins.delete(cid);
    if (removed) await this.save();
    return removed;
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify(this.list(), null, 1);
    this.writing = this.writing.then(async () => {
      // Write-then-rename, so a crash mid-write leaves the previous pin list intact.
      const partial = `${this.file}.partial`;
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(partial, snapshot);
      await fs.rename(partial, this.file);
    });
    return this.writing;
  }
}
