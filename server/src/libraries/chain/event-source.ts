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
 * A handler that reads its event's arguments by name and type: `Args` is the TypeChain output object
 * of that event (`DoctorRegisteredEvent.OutputObject`), generated from the same ABI the log was decoded with.
 */
export function typedEventHandler<Args extends object>(
  handle: (args: Args, at: LogPosition) => Promise<void>,
): EventHandler {
  return (args, at) => handle(args as unknown as Args, at);
}

/**
 * One deployed contract whose events feed a component's read models. A component contributes its
 * sources through its `index.ts` (`eventSources`); the indexer follows every source of every
 * component and its sync loop does not change. Several sources may follow the same contract (the
 * doctors and patients read models both follow the Registry).
 */
export interface EventSource {
  /** Names the source in the indexer's fingerprint, e.g. `Registry→doctors`. */
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
