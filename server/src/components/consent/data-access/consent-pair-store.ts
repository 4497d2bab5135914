/**
 * The consent read model: one document per (patient, doctor) pair that ever had a Consent event,
 * rebuilt from those events. It says which pairs exist, so a patient can list their doctors without
 * anyone listing doctors by status; whether access holds is always read from the contract.
 * Each write carries the event's position (block, log index) and only applies over an older position,
 * so replaying a log, or a whole range, leaves the document unchanged (as in doctor-store.ts).
 */
import mongoose, { Schema } from 'mongoose';

export interface ConsentPairRecord {
  patient: string;
  doctor: string;
  /** The patient's explicit grant: unix seconds, 0 when none (or revoked). */
  grantExpiresAt: number;
  grantUntilRevoked: boolean;
  /** The last explicit event was the patient's revocation. */
  revoked: boolean;
  /** The effective expiry the last AppointmentAccessUpdated reported: unix seconds, 0 when none. */
  appointmentAccessUntil: number;
  /** Position of the pair's first event; sorts a patient's doctors in the order they came. */
  firstPosition: number;
  /** Position of the last applied event: block * 1e5 + log index. */
  eventPosition: number;
  /** The transaction of the last applied event, to find it on chain. */
  lastTransactionHash: string;
  updatedAt: Date;
}

const pairSchema = new Schema<ConsentPairRecord>(
  {
    patient: { type: String, required: true },
    doctor: { type: String, required: true },
    grantExpiresAt: { type: Number, required: true },
    grantUntilRevoked: { type: Boolean, required: true },
    revoked: { type: Boolean, required: true },
    appointmentAccessUntil: { type: Number, required: true },
    firstPosition: { type: Number, required: true },
    eventPosition: { type: Number, required: true },
    lastTransactionHash: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
pairSchema.index({ patient: 1, doctor: 1 }, { unique: true });
pairSchema.index({ patient: 1, firstPosition: 1 });

const ConsentPairModel = mongoose.model<ConsentPairRecord>('ConsentPair', pairSchema, 'consent_pairs');

const DUPLICATE_KEY = 11000;

/** Every field an event may set; a pair's first event fills in the rest with these. */
const EMPTY_PAIR = { grantExpiresAt: 0, grantUntilRevoked: false, revoked: false, appointmentAccessUntil: 0 };

/**
 * Sets `changes` on the pair if `position` is newer than its last applied event, creating the pair
 * on its first event. An existing newer document makes the upsert hit the unique (patient, doctor)
 * index, which simply means "already applied".
 */
export async function applyConsentChange(
  pair: { patient: string; doctor: string },
  at: { position: number; transactionHash: string; timestamp: Date },
  changes: Partial<Pick<ConsentPairRecord, keyof typeof EMPTY_PAIR>>,
): Promise<void> {
  const defaults = Object.fromEntries(Object.entries(EMPTY_PAIR).filter(([key]) => !(key in changes)));
  try {
    await ConsentPairModel.updateOne(
      { patient: pair.patient, doctor: pair.doctor, eventPosition: mongoose.trusted({ $lt: at.position }) },
      {
        $set: {
          ...changes,
          eventPosition: at.position,
          lastTransactionHash: at.transactionHash,
          updatedAt: at.timestamp,
        },
        $setOnInsert: { ...defaults, firstPosition: at.position },
      },
      { upsert: true },
    );
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

export async function findPairsOfPatient(query: {
  patient: string;
  offset: number;
  limit: number;
}): Promise<{ items: ConsentPairRecord[]; total: number }> {
  const filter = { patient: query.patient };
  const [items, total] = await Promise.all([
    ConsentPairModel.find(filter, { _id: 0 })
      .sort({ firstPosition: 1 })
      .skip(query.offset)
      .limit(query.limit)
      .lean<ConsentPairRecord[]>(),
    ConsentPairModel.countDocuments(filter),
  ]);
  return { items, total };
}

export async function deleteAllConsentPairs(): Promise<void> {
  await ConsentPairModel.deleteMany({});
}

/** Erasure: forgets the patient's pairs (rebuilds skip them: the tombstone filter; the grants stay live on chain). */
export async function deleteConsentPairsOf(patient: string): Promise<void> {
  await ConsentPairModel.deleteMany({ patient });
}
