/**
 * Polls `eth_getLogs` for every event source, in bounded block ranges, and hands each log to its
 * handler in chain order. After each range the cursor moves to its last block, so a crash replays
 * at most one range, which the handlers tolerate (they are idempotent).
 *
 * When the cursor does not belong to this chain (different deployments, cursor beyond the head, or
 * the cursor block's hash changed because the dev chain was re-created) every source's read
 * models are emptied and rebuilt from the deployment blocks.
 */
import type { JsonRpcProvider, Log } from 'ethers';
import type { Logger } from 'pino';
import { loadCursor, saveCursor, type IndexerCursor } from '../data-access/cursor-store';
import type { EventSource, LogPosition } from '../../../libraries/chain';

export interface IndexerOptions {
  provider: JsonRpcProvider;
  chainId: number;
  sources: EventSource[];
  logger: Logger;
  /** 0 = no background polling; call syncNow(). */
  pollMs: number;
  /** Blocks per eth_getLogs call. */
  maxBlockRange?: number;
}

export interface SyncResult {
  fromBlock: number;
  toBlock: number;
  logsApplied: number;
  rebuilt: boolean;
}

export interface Indexer {
  /** Starts background polling (no-op when pollMs is 0). */
  start(): void;
  /** Indexes up to the current head; concurrent calls run one after another. */
  syncNow(): Promise<SyncResult>;
  /** Stops polling and waits for a sync in progress. */
  stop(): Promise<void>;
}

export function createIndexer(options: IndexerOptions): Indexer {
  const { provider, sources, logger } = options;
  const maxBlockRange = options.maxBlockRange ?? 2_000;
  // Several sources may follow one contract (each for its own read model): every one sees each of its logs.
  const byAddress = new Map<string, EventSource[]>();
  for (const source of sources) {
    const address = source.address.toLowerCase();
    byAddress.set(address, [...(byAddress.get(address) ?? []), source]);
  }
  const firstBlock = Math.min(...sources.map((s) => s.fromBlock));
  const fingerprint = [
    options.chainId,
    ...sources.map((s) => `${s.name}@${s.address.toLowerCase()}#${s.fromBlock}`).sort(),
  ].join('|');

  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function blockHash(blockNumber: number): Promise<string | null> {
    return (await provider.getBlock(blockNumber))?.hash ?? null;
  }

  async function belongsToThisChain(cursor: IndexerCursor | null, head: number): Promise<boolean> {
    if (!cursor || cursor.fingerprint !== fingerprint || cursor.lastBlock > head) return false;
    if (cursor.lastBlock < firstBlock) return true;
    return cursor.lastBlockHash === (await blockHash(cursor.lastBlock));
  }

  async function rebuildFromScratch(): Promise<IndexerCursor> {
    logger.info({ fromBlock: firstBlock }, 'indexer: rebuilding read models from the deployment block');
    for (const source of sources) await source.reset();
    const cursor = { fingerprint, lastBlock: firstBlock - 1, lastBlockHash: null };
    await saveCursor(cursor);
    return cursor;
  }

  async function applyLogs(logs: Log[]): Promise<number> {
    const timestamps = new Map<number, Date>();
    let applied = 0;
    const ordered = [...logs].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    for (const log of ordered) {
      let handled = false;
      for (const source of byAddress.get(log.address.toLowerCase()) ?? []) {
        const parsed = source.contractInterface.parseLog(log);
        const handler = parsed && source.handlers[parsed.name];
        if (!parsed || !handler) continue;
        if (!timestamps.has(log.blockNumber)) {
          const block = await provider.getBlock(log.blockNumber);
          timestamps.set(log.blockNumber, new Date(Number(block?.timestamp ?? 0) * 1000));
        }
        const at: LogPosition = {
          blockNumber: log.blockNumber,
          logIndex: log.index,
          transactionHash: log.transactionHash,
          timestamp: timestamps.get(log.blockNumber)!,
        };
        await handler(parsed.args, at);
        handled = true;
      }
      if (handled) applied += 1;
    }
    return applied;
  }

  async function sync(): Promise<SyncResult> {
    const head = await provider.getBlockNumber();
    const stored = await loadCursor();
    const rebuilt = !(await belongsToThisChain(stored, head));
    const cursor = rebuilt ? await rebuildFromScratch() : stored!;
    const fromBlock = cursor.lastBlock + 1;
    let logsApplied = 0;
    for (let from = fromBlock; from <= head; from += maxBlockRange) {
      const to = Math.min(from + maxBlockRange - 1, head);
      const logs = await provider.getLogs({ address: [...byAddress.keys()], fromBlock: from, toBlock: to });
      logsApplied += await applyLogs(logs);
      await saveCursor({ fingerprint, lastBlock: to, lastBlockHash: await blockHash(to) });
    }
    if (logsApplied > 0 || rebuilt) logger.info({ fromBlock, toBlock: head, logsApplied, rebuilt }, 'indexer: synced');
    return { fromBlock, toBlock: head, logsApplied, rebuilt };
  }

  function syncNow(): Promise<SyncResult> {
    const run = queue.then(sync);
    queue = run.catch(() => undefined);
    return run;
  }

  function schedule(): void {
    if (stopped || options.pollMs <= 0) return;
    timer = setTimeout(() => {
      void syncNow()
        .catch((error: unknown) => logger.warn({ err: error }, 'indexer: sync failed, retrying'))
        .then(() => schedule());
    }, options.pollMs);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    syncNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
    },
  };
}
