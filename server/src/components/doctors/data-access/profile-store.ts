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
}

const profileSchema = new Schema<DoctorProfile>(
  {
    address: { type: String, required: true, unique: true },
    displayName: { type: String, required: true, maxlength: 80 },
    specialityLabel: { type: String, maxlength: 80 },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const ProfileModel = mongoose.model<DoctorProfile>('DoctorProfile', profileSchema, 'doctor_profiles');

export async function saveProfile(profile: DoctorProfile): Promise<void> {
  const { address, specialityLabel, ...rest } = profile;
  const update = specialityLabel === undefined ? { $set: rest, $unset: { specialityLabel: 1 } } : { $set: { ...rest, specialityLabel } };
  await ProfileModel.updateOne({ address }, update, { upsert: true, runValidators: true });
}

export async function findProfiles(addresses: string[]): Promise<Map<string, DoctorProfile>> {
  if (addresses.length === 0) return new Map();
  const profiles = await ProfileModel.find({ address: mongoose.trusted({ $in: addresses }) }, { _id: 0 }).lean<DoctorProfile[]>();
  return new Map(profiles.map((p) => [p.address, p]));
}
