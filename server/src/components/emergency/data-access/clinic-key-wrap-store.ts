/**
 * emergency_clinic_key_wraps: the clinic emergency key's private key wrapped for each admin's published
 * document key, by the admin browser that generated the key pair. One document per (clinic public key,
 * admin); journaled (nothing else holds them: lose every wrap and the clinic key is lost).
 */
import mongoose, { Schema } from 'mongoose';

export interface ClinicKeyWrapRecord {
  publicKey: string;
  admin: string;
  wrappedKey: string;
  wrappedBy: string;
  wrappedAt: Date;
}

const wrapSchema = new Schema<ClinicKeyWrapRecord>(
  {
    publicKey: { type: String, required: true },
    admin: { type: String, required: true },
    wrappedKey: { type: String, required: true },
    wrappedBy: { type: String, required: true },
    wrappedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
wrapSchema.index({ publicKey: 1, admin: 1 }, { unique: true });

const WrapModel = mongoose.model<ClinicKeyWrapRecord>(
  'EmergencyClinicKeyWrap',
  wrapSchema,
  'emergency_clinic_key_wraps',
);

const journaled = { writeConcern: { w: 1, j: true } } as const;

/** Adds or replaces the wraps of `publicKey`; wraps of any older clinic key are dropped (nobody may use them). */
export async function saveClinicKeyWraps(wraps: ClinicKeyWrapRecord[]): Promise<void> {
  const [first] = wraps;
  if (!first) return;
  await WrapModel.bulkWrite(
    wraps.map((wrap) => ({
      replaceOne: { filter: { publicKey: wrap.publicKey, admin: wrap.admin }, replacement: wrap, upsert: true },
    })),
    journaled,
  );
  await WrapModel.deleteMany({ publicKey: mongoose.trusted({ $ne: first.publicKey }) }, journaled);
}

export async function findClinicKeyWrap(publicKey: string, admin: string): Promise<ClinicKeyWrapRecord | null> {
  return WrapModel.findOne({ publicKey, admin }, { _id: 0 }).lean<ClinicKeyWrapRecord>();
}

export async function findClinicKeyHolders(publicKey: string): Promise<string[]> {
  const wraps = await WrapModel.find({ publicKey }, { _id: 0, admin: 1 })
    .sort({ admin: 1 })
    .lean<{ admin: string }[]>();
  return wraps.map((wrap) => wrap.admin);
}
