/**
 * The activity timelines: one document per (event, subject). Chain entries are rebuilt from contract
 * events and keyed by (transactionHash, logIndex, subject), so replaying a log, or a whole range, adds
 * nothing. App entries are reported by the API where something happened off chain; the chain cannot
 * rebuild them, so they are written journaled and a rebuild never deletes them.
 */
import mongoose, { Schema } from 'mongoose';
import type { ActivityOrigin } from '../domain/activity-entry';

/** Facts an entry's words are rendered from: addresses, codes, ids, amounts in wei as decimal strings. */
export type ActivityDetails = Record<string, string | number>;

export interface ActivityRecord {
  subject: string;
  actor: string;
  kind: string;
  /** The kind and each of its prefixes (`consent`, `consent.granted`), so a filter by prefix is an exact match. */
  kindPath: string[];
  origin: ActivityOrigin;
  at: Date;
  /** Chain entries: block * 1e5 + log index (orders events of one block); app entries: 0. */
  position: number;
  /** Chain entries: the event source that wrote it, so its reset() removes its own entries only. */
  source?: string;
  transactionHash?: string;
  logIndex?: number;
  blockNumber?: number;
  details?: ActivityDetails;
  /** App entries: the reporter's words, with `{actor}` / `{subject}` where the names go. */
  words?: string;
}

const activitySchema = new Schema<ActivityRecord>(
  {
    subject: { type: String, required: true },
    actor: { type: String, required: true },
    kind: { type: String, required: true, maxlength: 64 },
    kindPath: { type: [String], required: true },
    origin: { type: String, required: true, enum: ['chain', 'app'] },
    at: { type: Date, required: true },
    position: { type: Number, required: true },
    source: String,
    transactionHash: String,
    logIndex: Number,
    blockNumber: Number,
    details: { type: Schema.Types.Mixed },
    words: { type: String, maxlength: 500 },
  },
  { versionKey: false, timestamps: false, minimize: false },
);
// One entry per event and subject: what makes replaying the chain idempotent.
activitySchema.index(
  { transactionHash: 1, logIndex: 1, subject: 1 },
  { unique: true, partialFilterExpression: { origin: 'chain' } },
);
activitySchema.index({ subject: 1, at: -1, position: -1 });
activitySchema.index({ subject: 1, kindPath: 1, at: -1, position: -1 });
activitySchema.index({ origin: 1, source: 1 });

const ActivityModel = mongoose.model<ActivityRecord>('Activity', activitySchema, 'activity');

const DUPLICATE_KEY = 11000;

export const kindPathOf = (kind: string): string[] =>
  kind.split('.').map((_part, index, parts) => parts.slice(0, index + 1).join('.'));

/** Inserts chain entries unless already there (same transaction, log index and subject). */
export async function saveChainEntries(entries: Omit<ActivityRecord, 'kindPath' | 'origin'>[]): Promise<void> {
  for (const entry of entries) {
    const key = { transactionHash: entry.transactionHash, logIndex: entry.logIndex, subject: entry.subject };
    try {
      await ActivityModel.updateOne(
        { ...key, origin: 'chain' },
        { $setOnInsert: { ...entry, kindPath: kindPathOf(entry.kind), origin: 'chain' } },
        { upsert: true },
      );
    } catch (error) {
      // Two syncs racing on the same log: the other one inserted it.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}

/**
 * Inserts app entries in one journaled write: once the caller is told "recorded", they survive a crash
 * (nothing can rebuild them).
 */
export async function saveAppEntries(
  entries: Pick<ActivityRecord, 'subject' | 'actor' | 'kind' | 'at' | 'words' | 'details'>[],
): Promise<void> {
  await ActivityModel.bulkWrite(
    entries.map((entry) => ({
      insertOne: { document: { ...entry, kindPath: kindPathOf(entry.kind), origin: 'app' as const, position: 0 } },
    })),
    { ordered: true, writeConcern: { w: 1, j: true } },
  );
}

export interface ActivityFilter {
  subject: string;
  kind?: string;
  from?: Date;
  to?: Date;
}

export async function findActivity(
  filter: ActivityFilter,
  page: { offset: number; limit: number },
): Promise<{ items: ActivityRecord[]; total: number }> {
  const query = {
    subject: filter.subject,
    ...(filter.kind && { kindPath: filter.kind }),
    ...((filter.from || filter.to) && {
      at: mongoose.trusted({ ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lte: filter.to }) }),
    }),
  };
  const [items, total] = await Promise.all([
    ActivityModel.find(query, { _id: 0 })
      .sort({ at: -1, position: -1, logIndex: -1, _id: -1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<ActivityRecord[]>(),
    ActivityModel.countDocuments(query),
  ]);
  return { items, total };
}

/** Removes the chain entries one event source wrote (before a rebuild); app entries stay. */
export async function deleteChainEntriesOf(source: string): Promise<void> {
  await ActivityModel.deleteMany({ origin: 'chain', source });
}

/**
 * Erasure: every entry about `patient`, on anyone's timeline: where they are the subject or the actor,
 * or any detail names them (a doctor's "access granted by …"). Chain entries come back on a rebuild only
 * for events after the erasure (the tombstone filter).
 */
export async function deleteEntriesNaming(patient: string): Promise<void> {
  const forms = [patient, patient.toLowerCase()];
  const detailValues = { $map: { input: { $objectToArray: { $ifNull: ['$details', {}] } }, in: '$$this.v' } };
  // Built here from an address, not from a request: trusted past sanitizeFilter (which refuses $expr).
  await ActivityModel.deleteMany(
    {
      $or: [
        { subject: mongoose.trusted({ $in: forms }) },
        { actor: mongoose.trusted({ $in: forms }) },
        { $expr: mongoose.trusted({ $or: forms.map((form) => ({ $in: [form, detailValues] })) }) },
      ],
    },
    { writeConcern: { w: 1, j: true } },
  );
}
