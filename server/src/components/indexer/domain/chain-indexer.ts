/**
 * Polls `eth_getLogs` for every event source, in bounded block ranges, and hands each log to its
 * sources' handlers, each source in chain order (sources side by side). After each range the cursor moves to its last block, so a crash replays
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
import { applyEveryLog, type LogFilter, type LogFilterForRange } from './log-filter';

export interface IndexerOptions {
  provider: JsonRpcProvider;
  chainId: number;
  sources: EventSource[];
  logger: Logger;
  /** How often the background loop looks at the chain head; 0 = no background polling, call syncNow(). */
  pollMs: number;
  /** The loop syncs at least this often even when the head did not move (default 1000 ms). */
  fullCheckMs?: number;
  /** Longest wait between attempts while the chain or MongoDB is down (default 5000 ms). */
  maxBackoffMs?: number;
  /** Blocks per eth_getLogs call. */
  maxBlockRange?: number;
  /**
   * Asked once before each range is applied: which of its logs each source applies (the erasure tombstones
   * drop an erased patient's earlier events, so a rebuild never brings them back). Default: every log.
   */
  logFilter?: LogFilterForRange;
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
  const fullCheckMs = options.fullCheckMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
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

  /** The mining time of every block with a log, fetched together (one JSON-RPC batch) instead of block by block. */
  async function blockTimes(logs: Log[]): Promise<Map<number, Date>> {
    const numbers = [...new Set(logs.map((log) => log.blockNumber))];
    const blocks = await Promise.all(numbers.map((number) => provider.getBlock(number)));
    return new Map(numbers.map((number, index) => [number, new Date(Number(blocks[index]?.timestamp ?? 0) * 1000)]));
  }

  /** One read model's logs of a range, in chain order: its handlers see its events one at a time. */
  async function applyInOrder(
    entries: { source: EventSource; log: Log }[],
    times: Map<number, Date>,
    applies: LogFilter,
  ): Promise<Set<Log>> {
    const handled = new Set<Log>();
    for (const { source, log } of entries) {
      const parsed = source.contractInterface.parseLog(log);
      const handler = parsed && source.handlers[parsed.name];
      if (!parsed || !handler) continue;
      const at: LogPosition = {
        blockNumber: log.blockNumber,
        logIndex: log.index,
        transactionHash: log.transactionHash,
        timestamp: times.get(log.blockNumber)!,
      };
      if (!applies(source, parsed.args, at)) continue;
      await handler(parsed.args, at);
      handled.add(log);
    }
    return handled;
  }

  /**
   * Read models apply a range side by side, each in chain order (the order idempotence relies on). Sources
   * that reset the same read model (the doctors' Registry and Appointments sources) write the same documents,
   * so their logs form one sequence: a doctor's terms must not be applied before their registration.
   * All finish, or the range fails and is replayed as a whole.
   */
  async function applyLogs(logs: Log[], applies: LogFilter): Promise<number> {
    if (logs.length === 0) return 0;
    const ordered = [...logs].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    const times = await blockTimes(ordered);
    const entriesOf = new Map<EventSource['reset'], { source: EventSource; log: Log }[]>();
    for (const log of ordered) {
      for (const source of byAddress.get(log.address.toLowerCase()) ?? []) {
        // The reset function's identity names the read model the source writes; it is never called from here.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const readModel = source.reset;
        const entries = entriesOf.get(readModel) ?? [];
        if (entries.push({ source, log }) === 1) entriesOf.set(readModel, entries);
      }
    }
    const outcomes = await Promise.allSettled(
      [...entriesOf.values()].map((entries) => applyInOrder(entries, times, applies)),
    );
    const handled = new Set<Log>();
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      outcome.value.forEach((log) => handled.add(log));
    }
    return handled.size;
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
      const applies = options.logFilter ? await options.logFilter(from, to) : applyEveryLog;
      logsApplied += await applyLogs(logs, applies);
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

  /**
   * The background loop asks the node for its head every pollMs (one cheap eth_blockNumber) and syncs when
   * the head moved, or every fullCheckMs anyway (which re-checks the cursor against the chain). While the
   * node or MongoDB is unreachable it backs off, up to maxBackoffMs, and resumes by itself.
   */
  let syncedHead = -1;
  let lastFullSync = 0;
  let failures = 0;

  async function tick(): Promise<void> {
    const due = Date.now() - lastFullSync >= fullCheckMs;
    if (!due && (await provider.getBlockNumber()) === syncedHead) return;
    const result = await syncNow();
    syncedHead = result.toBlock;
    lastFullSync = Date.now();
  }

  function schedule(delay: number): void {
    if (stopped || options.pollMs <= 0) return;
    timer = setTimeout(() => {
      void tick().then(
        () => {
          if (failures > 0) logger.info({ failures }, 'indexer: chain and database reachable again');
          failures = 0;
          schedule(options.pollMs);
        },
        (error: unknown) => {
          if (failures === 0) logger.warn({ err: error }, 'indexer: sync failed, retrying with backoff');
          failures += 1;
          schedule(Math.min(maxBackoffMs, options.pollMs * 2 ** failures));
        },
      );
    }, delay);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.pollMs);
    },
    syncNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
    },
  };
}
