/**
 * Off-chain doctor profiles (names are not for the chain). Kept apart from the read model so
 * rebuilding that from chain events never loses what doctors typed in.
 */
import mongoose, { Schema } from 'mongoose';

export interface DoctorProfile {
  address: string;
  displayName: string;
  specialityLabel?: string;
  updatedAt: Date;
  /**
   * Set when a verified doctor changed their name: admins verified the doctor under the earlier
   * one. Cleared by the next save made while not verified (a new review).
   */
  changedAfterVerification?: { previousDisplayName?: string; changedAt: Date };
}

const profileSchema = new Schema<DoctorProfile>(
  {
    address: { type: String, required: true, unique: true },
    displayName: { type: String, required: true, maxlength: 80 },
    specialityLabel: { type: String, maxlength: 80 },
    updatedAt: { type: Date, required: true },
    changedAfterVerification: {
      type: new Schema(
        { previousDisplayName: { type: String, maxlength: 80 }, changedAt: { type: Date, required: true } },
        { _id: false },
      ),
      required: false,
    },
  },
  { versionKey: false },
);

const ProfileModel = mongoose.model<DoctorProfile>('DoctorProfile', profileSchema, 'doctor_profiles');

/** Saves the profile; optional fields left undefined are removed. */
export async function saveProfile(profile: DoctorProfile): Promise<void> {
  const { address, ...fields } = profile;
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const unset = Object.fromEntries(
    (['specialityLabel', 'changedAfterVerification'] as const)
      .filter((key) => fields[key] === undefined)
      .map((key) => [key, 1]),
  );
  await ProfileModel.updateOne({ address }, { $set: set, $unset: unset }, { upsert: true, runValidators: true });
}

export async function findProfiles(addresses: string[]): Promise<Map<string, DoctorProfile>> {
  if (addresses.length === 0) return new Map();
  const profiles = await ProfileModel.find({ address: mongoose.trusted({ $in: addresses }) }, { _id: 0 }).lean<
    DoctorProfile[]
  >();
  return new Map(profiles.map((p) => [p.address, p]));
}
