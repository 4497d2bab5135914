/**
 * erasure_requests: the verified requests admins act on. The chain holds only the commitment (a salted
 * hash of the reference); the reference, how it was verified and the salt stay here, so the clinic can
 * show which request an erasure answered. Written by people, not rebuildable: journaled.
 */
import mongoose, { Schema } from 'mongoose';

export interface ErasureRequestRecord {
  commitment: string;
  patient: string;
  admin: string;
  reference: string;
  verification: string;
  /** bytes32 hex: commitment = keccak256(salt ‖ reference). */
  salt: string;
  createdAt: Date;
}

const requestSchema = new Schema<ErasureRequestRecord>(
  {
    commitment: { type: String, required: true, unique: true },
    patient: { type: String, required: true },
    admin: { type: String, required: true },
    reference: { type: String, required: true, maxlength: 120 },
    verification: { type: String, required: true, maxlength: 1000 },
    salt: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const RequestModel = mongoose.model<ErasureRequestRecord>('ErasureRequest', requestSchema, 'erasure_requests');

export async function saveErasureRequest(request: ErasureRequestRecord): Promise<void> {
  await new RequestModel(request).save({ w: 1, j: true });
}
