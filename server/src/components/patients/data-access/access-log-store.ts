/**
 * patient_access_log: who read which of a patient's fields, when and on what grounds, for every read
 * by someone other than the patient. Written (journaled) before the data leaves the API, so no read
 * goes unrecorded. The documents issue adds its own reads (documents opened) to the same log.
 */
import mongoose, { Schema } from 'mongoose';

/** Why the reader was let in: an admin managing the account, or a doctor the chain says has access now. */
export const ACCESS_REASONS = ['admin', 'doctor-with-access'] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

export interface PatientAccessEntry {
  reader: string;
  patient: string;
  /** The fields the reader was given, e.g. `allergies`, `chronicConditions`, `profile`. */
  fields: string[];
  at: Date;
  reason: AccessReason;
}

const accessSchema = new Schema<PatientAccessEntry>(
  {
    reader: { type: String, required: true },
    patient: { type: String, required: true },
    fields: { type: [String], required: true },
    at: { type: Date, required: true },
    reason: { type: String, required: true, enum: ACCESS_REASONS },
  },
  { versionKey: false },
);
accessSchema.index({ patient: 1, at: -1 });

const AccessModel = mongoose.model<PatientAccessEntry>('PatientAccess', accessSchema, 'patient_access_log');

/** Journaled (j: true): the record of a read must not be lost once the data has been sent. */
export async function appendAccess(entry: PatientAccessEntry): Promise<void> {
  await new AccessModel(entry).save({ w: 1, j: true });
}

/** A patient's log, newest first, optionally from a date on. */
export async function findAccessOf(query: {
  patient: string;
  offset: number;
  limit: number;
  since?: Date;
}): Promise<{ items: PatientAccessEntry[]; total: number }> {
  const filter = {
    patient: query.patient,
    ...(query.since && { at: mongoose.trusted({ $gte: query.since }) }),
  };
  const [items, total] = await Promise.all([
    AccessModel.find(filter, { _id: 0 })
      .sort({ at: -1 })
      .skip(query.offset)
      .limit(query.limit)
      .lean<PatientAccessEntry[]>(),
    AccessModel.countDocuments(filter),
  ]);
  return { items, total };
}
