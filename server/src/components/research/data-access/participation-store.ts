/**
 * The participation read model: one document per patient who ever opted in, rebuilt from
 * ResearchOptedIn / ResearchOptedOut. Each write carries its event's position (block * 1e5 + log index,
 * unique per txHash + logIndex) and only applies over an older one, so replaying a log, or a whole
 * range, changes nothing (as in doctor-store.ts). It says whom an export should ask the chain about;
 * the chain's liveScope has the last word.
 */
import mongoose, { Schema } from 'mongoose';

export interface ParticipationRecord {
  patient: string;
  /** SCOPE_* bits; 0 after an opt-out. */
  scope: number;
  /** Unix seconds; 0 after an opt-out. */
  expiresAt: number;
  eventPosition: number;
  transactionHash: string;
  updatedAt: Date;
}

const participationSchema = new Schema<ParticipationRecord>(
  {
    patient: { type: String, required: true, unique: true },
    scope: { type: Number, required: true },
    expiresAt: { type: Number, required: true },
    eventPosition: { type: Number, required: true },
    transactionHash: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
participationSchema.index({ scope: 1, expiresAt: 1 });

const ParticipationModel = mongoose.model<ParticipationRecord>(
  'ResearchParticipation',
  participationSchema,
  'research_participation',
);

const DUPLICATE_KEY = 11000;

/** Sets the patient's participation if `at.position` is newer than the last applied event. */
export async function applyParticipation(
  patient: string,
  at: { position: number; transactionHash: string; timestamp: Date },
  state: { scope: number; expiresAt: number },
): Promise<void> {
  try {
    await ParticipationModel.updateOne(
      { patient, eventPosition: mongoose.trusted({ $lt: at.position }) },
      { $set: { ...state, eventPosition: at.position, transactionHash: at.transactionHash, updatedAt: at.timestamp } },
      { upsert: true },
    );
  } catch (error) {
    // A newer event is applied already: the upsert hit the unique patient index.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

/** Every patient whose latest event is an opt-in expiring after `blockTime`. */
export async function findLiveParticipations(blockTime: number): Promise<ParticipationRecord[]> {
  return ParticipationModel.find(
    { scope: mongoose.trusted({ $gt: 0 }), expiresAt: mongoose.trusted({ $gt: blockTime }) },
    { _id: 0 },
  )
    .sort({ patient: 1 })
    .lean<ParticipationRecord[]>();
}

export async function deleteParticipationOf(patient: string): Promise<void> {
  await ParticipationModel.deleteOne({ patient });
}

export async function deleteAllParticipations(): Promise<void> {
  await ParticipationModel.deleteMany({});
}
