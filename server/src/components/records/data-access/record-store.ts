/**
 * The records read model: one document per Records entry (every version), rebuilt from RecordAdded
 * events. The chain is the truth and never changes an entry, so an entry is inserted once (keyed by its
 * on-chain id) and a replay finds it already there. The only later change is `amendedBy`, which a
 * correcting entry sets on the one it corrects; it is derived from the stored entries, so it comes out
 * the same whatever order or how often the events are applied.
 */
import mongoose, { Schema } from 'mongoose';
import { RECORD_KINDS, type RecordKind } from '@api';

export interface RecordEntryRecord {
  /** The on-chain entry id (ids grow in chain order: a larger id is newer). */
  id: number;
  patient: string;
  author: string;
  kind: RecordKind;
  cid: string;
  contentHash: string;
  amends: number | null;
  amendedBy: number | null;
  /** Block time of the RecordAdded event. */
  createdAt: Date;
  txHash: string;
  logIndex: number;
  blockNumber: number;
}

const recordSchema = new Schema<RecordEntryRecord>(
  {
    id: { type: Number, required: true, unique: true },
    patient: { type: String, required: true },
    author: { type: String, required: true },
    kind: { type: String, required: true, enum: RECORD_KINDS },
    cid: { type: String, required: true },
    contentHash: { type: String, required: true },
    amends: { type: Number, default: null },
    amendedBy: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    txHash: { type: String, required: true },
    logIndex: { type: Number, required: true },
    blockNumber: { type: Number, required: true },
  },
  { versionKey: false, timestamps: false },
);
recordSchema.index({ patient: 1, id: -1 });
recordSchema.index({ amends: 1 }, { partialFilterExpression: { amends: { $type: 'number' } } });

const RecordEntryModel = mongoose.model<RecordEntryRecord>('RecordEntry', recordSchema, 'records');

const DUPLICATE_KEY = 11000;

/**
 * Inserts the entry unless it is already stored (a replay), then links it to its versions: the entry
 * it amends gets `amendedBy`, and if its own correction was stored first, it gets that one's id.
 */
export async function saveRecordEntry(entry: Omit<RecordEntryRecord, 'amendedBy'>): Promise<void> {
  try {
    await RecordEntryModel.updateOne(
      { id: entry.id },
      { $setOnInsert: { ...entry, amendedBy: null } },
      { upsert: true },
    );
  } catch (error) {
    // Two upserts of the same id raced: the other one inserted it.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
  if (entry.amends !== null) {
    await RecordEntryModel.updateOne({ id: entry.amends }, { $set: { amendedBy: entry.id } });
  }
  const correction = await RecordEntryModel.findOne({ amends: entry.id }, { id: 1 }).lean<{ id: number }>();
  if (correction) await RecordEntryModel.updateOne({ id: entry.id }, { $set: { amendedBy: correction.id } });
}

/** The patient's entries, newest first. */
export async function findRecordsOfPatient(query: {
  patient: string;
  offset: number;
  limit: number;
}): Promise<{ items: RecordEntryRecord[]; total: number }> {
  const filter = { patient: query.patient };
  const [items, total] = await Promise.all([
    RecordEntryModel.find(filter, { _id: 0 })
      .sort({ id: -1 })
      .skip(query.offset)
      .limit(query.limit)
      .lean<RecordEntryRecord[]>(),
    RecordEntryModel.countDocuments(filter),
  ]);
  return { items, total };
}

/** Which of `cids` are in `patient`'s record (any version). */
export async function findCidsInRecord(patient: string, cids: string[]): Promise<Set<string>> {
  if (cids.length === 0) return new Set();
  const found = await RecordEntryModel.find({ patient, cid: mongoose.trusted({ $in: cids }) }, { _id: 0, cid: 1 }).lean<
    { cid: string }[]
  >();
  return new Set(found.map((entry) => entry.cid));
}

/** Forgets every entry (a rebuild); the chain still holds them all. */
export async function deleteAllRecordEntries(): Promise<void> {
  await RecordEntryModel.deleteMany({});
}

/** The CIDs of the patient's entries (every version). */
export async function findRecordCidsOf(patient: string): Promise<string[]> {
  return RecordEntryModel.distinct('cid', { patient });
}

/** Erasure: forgets the patient's entries (rebuilds skip them: the tombstone filter). */
export async function deleteRecordsOf(patient: string): Promise<void> {
  await RecordEntryModel.deleteMany({ patient });
}
