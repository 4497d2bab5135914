/**
 * Where the indexer stopped: the last block whose logs are all applied, and that block's hash so a
 * restarted (re-created) dev chain is noticed even when it reuses the same contract addresses.
 */
import mongoose, { Schema } from 'mongoose';

export interface IndexerCursor {
  /** Identifies what was indexed: chain id + every source's address and deployment block. */
  fingerprint: string;
  lastBlock: number;
  lastBlockHash: string | null;
}

interface CursorDocument extends IndexerCursor {
  _id: string;
  updatedAt: Date;
}

const cursorSchema = new Schema<CursorDocument>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    lastBlock: { type: Number, required: true },
    lastBlockHash: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const CursorModel = mongoose.model<CursorDocument>('IndexerCursor', cursorSchema, 'indexer_cursors');

const CURSOR_ID = 'chain-events';

export async function loadCursor(): Promise<IndexerCursor | null> {
  const cursor = await CursorModel.findById(CURSOR_ID).lean<CursorDocument>();
  return cursor
    ? { fingerprint: cursor.fingerprint, lastBlock: cursor.lastBlock, lastBlockHash: cursor.lastBlockHash }
    : null;
}

export async function saveCursor(cursor: IndexerCursor): Promise<void> {
  await CursorModel.updateOne({ _id: CURSOR_ID }, { $set: { ...cursor, updatedAt: new Date() } }, { upsert: true });
}
