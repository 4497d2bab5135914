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

const PatientModel = mongoose.model<PatientRecord>('Patient', patientSchema, 'patients');

export async function insertPatientOnce(patient: PatientRecord): Promise<void> {
  await PatientModel.updateOne({ address: patient.address }, { $setOnInsert: patient }, { upsert: true });
}

export async function findPatient(address: string): Promise<PatientRecord | null> {
  return PatientModel.findOne({ address }, { _id: 0 }).lean<PatientRecord>();
}

export async function deleteAllPatients(): Promise<void> {
  await PatientModel.deleteMany({});
}
