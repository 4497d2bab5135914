/**
 * erasure_tombstones: one document per PatientErased event (keyed by its transaction and log index),
 * recording the shredding the indexer performed for it. The CIDs to remove from IPFS are saved before
 * anything is deleted, so a crash mid-way loses none of them: the replayed event finds the document
 * unfinished and redoes every step (each is idempotent). Never reset by a rebuild: once `shreddedAt` is
 * set, a replay must not shred again, or it would erase what the patient added after the erasure.
 */
import mongoose, { Schema } from 'mongoose';

export interface TombstoneKey {
  transactionHash: string;
  logIndex: number;
}

export interface TombstoneRecord extends TombstoneKey {
  patient: string;
  by: string;
  requestCommitment: string;
  blockNumber: number;
  erasedAt: Date;
  /** The patient's documents, gathered before their rows went. */
  cids: string[];
  shreddedAt: Date | null;
}

const tombstoneSchema = new Schema<TombstoneRecord>(
  {
    transactionHash: { type: String, required: true },
    logIndex: { type: Number, required: true },
    patient: { type: String, required: true },
    by: { type: String, required: true },
    requestCommitment: { type: String, required: true },
    blockNumber: { type: Number, required: true },
    erasedAt: { type: Date, required: true },
    cids: { type: [String], default: [] },
    shreddedAt: { type: Date, default: null },
  },
  { versionKey: false, timestamps: false },
);
tombstoneSchema.index({ transactionHash: 1, logIndex: 1 }, { unique: true });
tombstoneSchema.index({ patient: 1, blockNumber: -1 });
tombstoneSchema.index({ cids: 1 });

const TombstoneModel = mongoose.model<TombstoneRecord>('ErasureTombstone', tombstoneSchema, 'erasure_tombstones');

const journaled = { writeConcern: { w: 1, j: true } } as const;
const keyOf = ({ transactionHash, logIndex }: TombstoneKey) => ({ transactionHash, logIndex });
const DUPLICATE_KEY = 11000;

/** The tombstone of this event, created on first sight (a replay gets the stored one back). */
export async function openTombstone(tombstone: Omit<TombstoneRecord, 'cids' | 'shreddedAt'>): Promise<TombstoneRecord> {
  const upsert = () =>
    TombstoneModel.findOneAndUpdate(
      keyOf(tombstone),
      { $setOnInsert: { ...tombstone, cids: [], shreddedAt: null } },
      { upsert: true, returnDocument: 'after', projection: { _id: 0 }, ...journaled },
    ).lean<TombstoneRecord>();
  try {
    return (await upsert())!;
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    return (await upsert())!;
  }
}

/** Adds CIDs to remove (each once); answers every CID recorded so far. */
export async function recordCids(key: TombstoneKey, cids: string[]): Promise<string[]> {
  const updated = await TombstoneModel.findOneAndUpdate(
    keyOf(key),
    { $addToSet: { cids: mongoose.trusted({ $each: cids }) } },
    { returnDocument: 'after', projection: { _id: 0, cids: 1 }, ...journaled },
  ).lean<Pick<TombstoneRecord, 'cids'>>();
  return updated?.cids ?? [];
}

export async function markShredded(key: TombstoneKey, at: Date): Promise<void> {
  await TombstoneModel.updateOne(keyOf(key), { $set: { shreddedAt: at } }, journaled);
}

/** The patient's tombstone of the erasure at `blockNumber`, if the indexer has reached it. */
export async function findTombstone(patient: string, blockNumber: number): Promise<TombstoneRecord | null> {
  return TombstoneModel.findOne({ patient, blockNumber }, { _id: 0 }).sort({ logIndex: -1 }).lean<TombstoneRecord>();
}

/** Whether `cid` was one of an erased patient's documents (the IPFS gateway says so instead of "not found"). */
export async function isErasedDocument(cid: string): Promise<boolean> {
  return (await TombstoneModel.exists({ cids: cid })) !== null;
}
