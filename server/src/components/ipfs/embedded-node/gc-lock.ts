/**
 * Kubo's GC lock, in small: an added file's blocks are written before its pin, so a garbage collection
 * running in between would delete them. Adds run side by side; a collection waits until none is running,
 * and adds that arrive meanwhile wait until it is done.
 */
export class GcLock {
  private adds = 0;
  private collecting: Promise<unknown> | null = null;
  private drained: (() => void) | null = null;

  /** Waits for a collection in progress, then holds off collections until the returned release is called. */
  async enterAdd(): Promise<() => void> {
    while (this.collecting) await this.collecting.catch(() => undefined);
    this.adds++;
    return () => {
      this.adds--;
      if (this.adds === 0) this.drained?.();
    };
  }

  /** Runs `collect` once no add is in progress, with adds held off until it ends. */
  async collect<T>(collect: () => Promise<T>): Promise<T> {
    while (this.collecting) await this.collecting.catch(() => undefined);
    const run = (async () => {
      if (this.adds > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return collect();
    })();
    this.collecting = run;
    try {
      return await run;
    } finally {
      this.collecting = null;
    }
  }
}
