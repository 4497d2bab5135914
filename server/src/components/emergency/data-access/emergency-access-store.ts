/**
 * emergency_accesses: the read model of EmergencyAccessOpened and EmergencyAccessEnded, one document per
 * opening, keyed by the event's position (`<txHash>-<logIndex>`), so a replay finds it already there and the
 * id stays the same across rebuilds (reviews, kept apart, refer to it). An Ended event closes the pair's
 * latest opening before it, once: replays of it change nothing.
 */
import mongoose, { Schema } from 'mongoose';

export interface EmergencyAccessRecord {
  id: string;
  patient: string;
  doctor: string;
  commitment: string;
  openedAt: Date;
  expiresAt: Date;
  doctorUseCount: number;
  /** block * 1e5 + log index of the Opened event: orders openings. */
  position: number;
  txHash: string;
  endedAt: Date | null;
  endedBy: string | null;
  endedPosition: number | null;
}

const accessSchema = new Schema<EmergencyAccessRecord>(
  {
    id: { type: String, required: true, unique: true },
    patient: { type: String, required: true },
    doctor: { type: String, required: true },
    commitment: { type: String, required: true },
    openedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    doctorUseCount: { type: Number, required: true },
    position: { type: Number, required: true },
    txHash: { type: String, required: true },
    endedAt: { type: Date, default: null },
    endedBy: { type: String, default: null },
    endedPosition: { type: Number, default: null },
  },
  { versionKey: false },
);
accessSchema.index({ patient: 1, position: -1 });
accessSchema.index({ doctor: 1, position: -1 });
accessSchema.index({ position: -1 });

const AccessModel = mongoose.model<EmergencyAccessRecord>('EmergencyAccess', accessSchema, 'emergency_accesses');

const DUPLICATE_KEY = 11000;

export async function saveOpenedAccess(
  record: Omit<EmergencyAccessRecord, 'endedAt' | 'endedBy' | 'endedPosition'>,
): Promise<void> {
  try {
    await AccessModel.updateOne(
      { id: record.id },
      { $setOnInsert: { ...record, endedAt: null, endedBy: null, endedPosition: null } },
      { upsert: true },
    );
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

/** Closes the pair's latest opening before `ended.position`, unless an Ended event closed it already. */
export async function saveEndedAccess(
  pair: { patient: string; doctor: string },
  ended: { position: number; at: Date; by: string },
): Promise<void> {
  const latest = await AccessModel.findOne(
    { ...pair, position: mongoose.trusted({ $lt: ended.position }) },
    { _id: 0, id: 1, endedPosition: 1 },
  )
    .sort({ position: -1 })
    .lean<Pick<EmergencyAccessRecord, 'id' | 'endedPosition'>>();
  if (!latest || latest.endedPosition !== null) return;
  await AccessModel.updateOne(
    { id: latest.id, endedPosition: null },
    { $set: { endedAt: ended.at, endedBy: ended.by, endedPosition: ended.position } },
  );
}

export async function findAccess(id: string): Promise<EmergencyAccessRecord | null> {
  return AccessModel.findOne({ id }, { _id: 0 }).lean<EmergencyAccessRecord>();
}

/** Newest first; `filter` names a patient or a doctor, or nothing for all (the review queue). */
export async function findAccesses(
  filter: { patient?: string; doctor?: string } = {},
  limit = 500,
): Promise<EmergencyAccessRecord[]> {
  return AccessModel.find(filter, { _id: 0 }).sort({ position: -1 }).limit(limit).lean<EmergencyAccessRecord[]>();
}

/** How often each doctor used break-glass: in total and since `since`. */
export async function countUses(
  doctors: string[],
  since: Date,
): Promise<Map<string, { total: number; last30Days: number }>> {
  const counts = await AccessModel.aggregate<{ _id: string; total: number; recent: number }>([
    { $match: { doctor: { $in: doctors } } },
    {
      $group: {
        _id: '$doctor',
        total: { $sum: 1 },
        recent: { $sum: { $cond: [{ $gte: ['$openedAt', since] }, 1, 0] } },
      },
    },
  ]);
  return new Map(counts.map((count) => [count._id, { total: count.total, last30Days: count.recent }]));
}

export async function deleteAllAccesses(): Promise<void> {
  await AccessModel.deleteMany({});
}
