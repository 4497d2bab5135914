/** What the activity component knows about one entry before it is worded for a reader. */
import type { ActivityOrigin as Origin } from '@api';

export type ActivityOrigin = Origin;

/** Where a chain event sits and when its block was mined (the indexer's LogPosition). */
export interface ChainPosition {
  blockNumber: number;
  logIndex: number;
  transactionHash: string;
  timestamp: Date;
}

/** One chain event as it appears on one person's timeline. */
export interface ChainActivity {
  subject: string;
  actor: string;
  kind: string;
  details: Record<string, string | number>;
}
