/**
 * audit_log: the append-only, hash-chained access log. Entries are only ever inserted; nothing here
 * updates or deletes one. The unique index on `seq` is what keeps the sequence gap-free without
 * transactions (the embedded MongoDB has none): two writers that read the same head compute the same
 * next seq, exactly one insert wins, and the loser re-reads the head and chains onto the winner.
 */
import mongoose, { Schema } from 'mongoose';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@api';

export interface AuditRecord {
  seq: number;
  at: Date;
  actor: string;
  patient: string;
  what: string;
  outcome: AuditOutcome;
  why: string;
  prevHash: string;
  hash: string;
}

const auditSchema = new Schema<AuditRecord>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    patient: { type: String, required: true },
    what: { type: String, required: true },
    outcome: { type: String, required: true, enum: AUDIT_OUTCOMES },
    why: { type: String, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, timestamps: false },
);
auditSchema.index({ patient: 1, seq: -1 });
auditSchema.index({ actor: 1, seq: -1 });

const AuditModel = mongoose.model<AuditRecord>('AuditEntry', auditSchema, 'audit_log');

const DUPLICATE_KEY = 11000;

/** The last entry of the chain, or null while the log is empty. */
export async function findHead(): Promise<AuditRecord | null> {
  return AuditModel.findOne({}, { _id: 0 }).sort({ seq: -1 }).lean<AuditRecord>();
}

/**
 * Appends the entry `build` makes on top of the current head, journaled (j: true: a read must not
 * go unrecorded once its data is sent). On a duplicate seq (another writer took it), re-reads the
 * head and builds again, so the entry always chains onto the real predecessor.
 */
export async function appendChained(build: (head: AuditRecord | null) => AuditRecord): Promise<AuditRecord> {
  await AuditModel.init(); // the unique seq index must exist before the first insert relies on it
  for (;;) {
    const entry = build(await findHead());
    try {
      await AuditModel.collection.insertOne({ ...entry }, { writeConcern: { w: 1, j: true } });
      return entry;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}

export interface AuditFilter {
  patient?: string;
  actor?: string;
  what?: string;
  outcome?: AuditOutcome;
}

/** Entries matching `filter`, newest first. Filter values are plain strings (picked and parsed by the caller). */
export async function findEntries(
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ items: AuditRecord[]; total: number }> {
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  const [items, total] = await Promise.all([
    AuditModel.find(query, { _id: 0 }).sort({ seq: -1 }).skip(page.offset).limit(page.limit).lean<AuditRecord[]>(),
    AuditModel.countDocuments(query),
  ]);
  return { items, total };
}

/** Every entry in seq order, one at a time (the chain may be long). */
export function streamChain(): AsyncIterable<AuditRecord> {
  return AuditModel.find({}, { _id: 0 }).sort({ seq: 1 }).lean<AuditRecord>().cursor();
}

/** How many entries name `patient` (what an erasure leaves in the log, which it never touches). */
export async function countEntriesOf(patient: string): Promise<number> {
  return AuditModel.countDocuments({ patient });
}
