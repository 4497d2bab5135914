/**
 * emergency_state: the read model of EmergencySharingChanged (one document per patient) and
 * EmergencyKeyChanged (one document for the clinic), each write applied only over an older event
 * position so replays change nothing. Authorization still asks the chain live; this is what the
 * server can show without a call per patient, and the history of who set the clinic key.
 */
import mongoose, { Schema } from 'mongoose';

export interface EmergencyStateRecord {
  /** `sharing:<patient>` or `clinic-key`. */
  key: string;
  enabled?: boolean;
  publicKey?: string;
  setBy?: string;
  position: number;
  updatedAt: Date;
}

const stateSchema = new Schema<EmergencyStateRecord>(
  {
    key: { type: String, required: true, unique: true },
    enabled: Boolean,
    publicKey: String,
    setBy: String,
    position: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const StateModel = mongoose.model<EmergencyStateRecord>('EmergencyState', stateSchema, 'emergency_state');

const DUPLICATE_KEY = 11000;

export async function applyState(
  key: string,
  position: number,
  at: Date,
  changes: Pick<EmergencyStateRecord, 'enabled' | 'publicKey' | 'setBy'>,
): Promise<void> {
  try {
    await StateModel.updateOne(
      { key, position: mongoose.trusted({ $lt: position }) },
      { $set: { ...changes, position, updatedAt: at } },
      { upsert: true },
    );
  } catch (error) {
    // A newer position is stored: the upsert hit the unique key, i.e. "already applied".
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

export const sharingStateKey = (patient: string) => `sharing:${patient}`;
export const CLINIC_KEY_STATE = 'clinic-key';

export async function findState(key: string): Promise<EmergencyStateRecord | null> {
  return StateModel.findOne({ key }, { _id: 0 }).lean<EmergencyStateRecord>();
}

export async function deleteAllState(): Promise<void> {
  await StateModel.deleteMany({});
}
