/**
 * A hook of the indexer: before applying a block range it asks which logs each source applies. The
 * indexer stays pure mechanism; the rule (the erasure tombstones, components/erasure) comes from outside.
 */
import type { Result } from 'ethers';
import type { EventSource, LogPosition } from '../../../libraries/chain';

/** True when `source` applies this log (its decoded `args`, at `at`); false skips it for that source only. */
export type LogFilter = (source: EventSource, args: Result, at: LogPosition) => boolean;

/** Built once per range, knowing everything up to the range's last block (`toBlock`). */
export type LogFilterForRange = (fromBlock: number, toBlock: number) => Promise<LogFilter>;

export const applyEveryLog: LogFilter = () => true;
