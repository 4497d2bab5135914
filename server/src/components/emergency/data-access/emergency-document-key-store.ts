/**
 * emergency_document_keys: a patient's document keys wrapped for the clinic emergency key, stored by the
 * patient's browser after they opted in to emergency sharing. One document per (patient, cid), replaced
 * on a new wrap; `publicKey` says which clinic key can open it (a rotated key strands the older wraps,
 * which the patient's browser then re-wraps). Journaled; erased with the patient's data.
 */
import mongoose, { Schema } from 'mongoose';

export interface EmergencyDocumentKeyRecord {
  patient: string;
  cid: string;
  publicKey: string;
  wrappedKey: string;
  storedAt: Date;
}

const keySchema = new Schema<EmergencyDocumentKeyRecord>(
  {
    patient: { type: String, required: true },
    cid: { type: String, required: true },
    publicKey: { type: String, required: true },
    wrappedKey: { type: String, required: true },
    storedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
keySchema.index({ patient: 1, cid: 1 }, { unique: true });

const KeyModel = mongoose.model<EmergencyDocumentKeyRecord>(
  'EmergencyDocumentKey',
  keySchema,
  'emergency_document_keys',
);

const journaled = { writeConcern: { w: 1, j: true } } as const;

export async function saveEmergencyDocumentKeys(keys: EmergencyDocumentKeyRecord[]): Promise<void> {
  if (keys.length === 0) return;
  await KeyModel.bulkWrite(
    keys.map((key) => ({
      replaceOne: { filter: { patient: key.patient, cid: key.cid }, replacement: key, upsert: true },
    })),
    journaled,
  );
}

/** The patient's wraps, for any clinic key (`publicKey` given: that key's only). */
export async function findEmergencyDocumentKeys(
  patient: string,
  publicKey?: string,
): Promise<EmergencyDocumentKeyRecord[]> {
  return KeyModel.find({ patient, ...(publicKey !== undefined && { publicKey }) }, { _id: 0 })
    .sort({ storedAt: -1 })
    .lean<EmergencyDocumentKeyRecord[]>();
}

/** Erasure: every clinic wrap of the patient's keys; answers how many were destroyed. */
export async function deleteEmergencyDocumentKeys(patient: string): Promise<number> {
  const { deletedCount } = await KeyModel.deleteMany({ patient }, journaled);
  return deletedCount;
}
