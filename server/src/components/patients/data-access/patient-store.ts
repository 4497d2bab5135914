/**
 * The patients read model: who registered as a patient, and when. Registration is permanent on
 * chain, so the first event wins and replays are no-ops.
 */
import mongoose, { Schema } from 'mongoose';

export interface PatientRecord {
  address: string;
  registeredAt: Date;
  blockNumber: number;
}

const patientSchema = new Schema<PatientRecord>(
  {
    address: { type: String, required: true, unique: true },
    registeredAt: { type: Date, required: true },
    blockNumber: { type: Number, required: true },
  },
  { versionKey: false },
);

patientSchema.index({ blockNumber: 1, address: 1 });

const PatientModel = mongoose.model<PatientRecord>('Patient', patientSchema, 'patients');

export async function insertPatientOnce(patient: PatientRecord): Promise<void> {
  await PatientModel.updateOne({ address: patient.address }, { $setOnInsert: patient }, { upsert: true });
}

export async function findPatient(address: string): Promise<PatientRecord | null> {
  return PatientModel.findOne({ address }, { _id: 0 }).lean<PatientRecord>();
}

/** One page of patients in registration order (block, then address within a block), and how many in all. */
export async function findPatients(query: {
  offset: number;
  limit: number;
}): Promise<{ items: PatientRecord[]; total: number }> {
  const [items, total] = await Promise.all([
    PatientModel.find({}, { _id: 0 })
      .sort({ blockNumber: 1, address: 1 })
      .skip(query.offset)
      .limit(query.limit)
      .lean<PatientRecord[]>(),
    PatientModel.countDocuments({}),
  ]);
  return { items, total };
}

export async function deleteAllPatients(): Promise<void> {
  await PatientModel.deleteMany({});
}

/** Erasure: forgets the registration in the read model (rebuilds skip it: the tombstone filter). */
export async function deletePatient(address: string): Promise<void> {
  await PatientModel.deleteOne({ address });
}
