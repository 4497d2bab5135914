import type { Interface, Result } from 'ethers';

/** Where a log sits in the chain and when its block was mined. */
export interface LogPosition {
  blockNumber: number;
  logIndex: number;
  transactionHash: string;
  timestamp: Date;
}

export type EventHandler = (args: Result, at: LogPosition) => Promise<void>;

/**
 * One deployed contract whose events feed read models. Adding a contract to the indexer means adding
 * a source (see registry-source.ts); the sync loop does not change.
 */
export interface EventSource {
  name: string;
  address: string;
  /** Deployment block: nothing to read before it. */
  fromBlock: number;
  contractInterface: Interface;
  /** By event name; events without a handler are skipped. */
  handlers: Record<string, EventHandler>;
  /** Empties the read models this source writes, before a rebuild from its deployment block. */
  reset(): Promise<void>;
}
