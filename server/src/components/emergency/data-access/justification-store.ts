/**
 * emergency_justifications: the doctor's words for each break-glass use, stored before the transaction
 * (the chain holds only their salted commitment, so the text never goes on chain). Written once, never
 * changed, journaled (the chain cannot rebuild it) and never logged: it may describe the patient's condition.
 */
import mongoose, { Schema } from 'mongoose';

export interface JustificationRecord {
  /** keccak256(salt ‖ justification) as breakGlass receives it. */
  commitment: string;
  doctor: string;
  patient: string;
  justification: string;
  salt: string;
  createdAt: Date;
}

const justificationSchema = new Schema<JustificationRecord>(
  {
    commitment: { type: String, required: true, unique: true },
    doctor: { type: String, required: true },
    patient: { type: String, required: true },
    justification: { type: String, required: true, maxlength: 1000 },
    salt: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const JustificationModel = mongoose.model<JustificationRecord>(
  'EmergencyJustification',
  justificationSchema,
  'emergency_justifications',
);

export async function saveJustification(record: JustificationRecord): Promise<void> {
  await new JustificationModel(record).save({ w: 1, j: true });
}

/** The justifications behind `commitments` (keyed by commitment). */
export async function findJustifications(commitments: string[]): Promise<Map<string, JustificationRecord>> {
  if (commitments.length === 0) return new Map();
  const found = await JustificationModel.find({ commitment: mongoose.trusted({ $in: commitments }) }, { _id: 0 }).lean<
    JustificationRecord[]
  >();
  return new Map(found.map((record) => [record.commitment, record]));
}
