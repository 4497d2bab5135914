/**
 * record_pending: uploads pinned to IPFS whose anchoring transaction has not been indexed yet, one per
 * (cid, author). Written by people, not rebuilt from the chain, so writes are journaled (j: true): an
 * author told "noted" must find the upload again after a crash to retry the anchor. The indexer removes
 * an entry when the RecordAdded event for its cid and author arrives.
 */
import mongoose, { Schema } from 'mongoose';
import { RECORD_KINDS, type RecordKind } from '@api';

export interface PendingRecordRecord {
  patient: string;
  author: string;
  kind: RecordKind;
  cid: string;
  contentHash: string;
  amends: number | null;
  pinnedAt: Date;
}

const pendingSchema = new Schema<PendingRecordRecord>(
  {
    patient: { type: String, required: true },
    author: { type: String, required: true },
    kind: { type: String, required: true, enum: RECORD_KINDS },
    cid: { type: String, required: true },
    contentHash: { type: String, required: true },
    amends: { type: Number, default: null },
    pinnedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
pendingSchema.index({ cid: 1, author: 1 }, { unique: true });
pendingSchema.index({ author: 1, pinnedAt: 1 });

const PendingRecordModel = mongoose.model<PendingRecordRecord>('PendingRecord', pendingSchema, 'record_pending');

const DUPLICATE_KEY = 11000;
const JOURNALED = { writeConcern: { w: 1, j: true } } as const;

/**
 * Notes the upload, once per (cid, author): noting it again keeps its first pin time and takes the
 * latest details (the same bytes, perhaps now meant as another kind). Returns the stored entry.
 */
export async function savePendingRecord(pending: PendingRecordRecord): Promise<PendingRecordRecord> {
  const { pinnedAt, ...details } = pending;
  const upsert = () =>
    PendingRecordModel.findOneAndUpdate(
      { cid: pending.cid, author: pending.author },
      { $set: details, $setOnInsert: { pinnedAt } },
      { upsert: true, returnDocument: 'after', projection: { _id: 0 }, ...JOURNALED },
    ).lean<PendingRecordRecord>();
  try {
    return (await upsert())!;
  } catch (error) {
    // Two notes of the same upload raced and the other inserted it: this one now updates it.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    return (await upsert())!;
  }
}

/** The author's pending uploads, oldest first. */
export async function findPendingOfAuthor(author: string): Promise<PendingRecordRecord[]> {
  return PendingRecordModel.find({ author }, { _id: 0 }).sort({ pinnedAt: 1, _id: 1 }).lean<PendingRecordRecord[]>();
}

/** Removes the author's entry for `cid`; false when there was none. */
export async function deletePendingRecord(cid: string, author: string): Promise<boolean> {
  const { deletedCount } = await PendingRecordModel.deleteOne({ cid, author }, JOURNALED);
  return deletedCount > 0;
}

/** The CIDs of the uploads for `patient` not anchored yet. */
export async function findPendingCidsOf(patient: string): Promise<string[]> {
  return PendingRecordModel.distinct('cid', { patient });
}

/** Erasure: drops every upload for `patient` not anchored yet. */
export async function deletePendingOf(patient: string): Promise<void> {
  await PendingRecordModel.deleteMany({ patient }, JOURNALED);
}
