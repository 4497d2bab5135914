/**
 * Off-chain patient profiles: contact details and health data in one document, so a save is never
 * half-written. Kept apart from the read model (patient-store.ts), which a chain replay rebuilds:
 * what patients typed in cannot be rebuilt from the chain, so every write is journaled.
 */
import mongoose, { Schema } from 'mongoose';
import { PATIENT_SEXES, type PatientSex } from '@api';

export interface PatientProfileRecord {
  address: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD: a calendar date, not an instant. */
  dateOfBirth: string;
  sex: PatientSex;
  email: string;
  mobile: string;
  city: string;
  state: string;
  emergencyContact: { name: string; phone: string };
  /** Health data: only domain/patient-reading.ts hands it out, and logs who it gave it to. currentMedications
   * is absent from profiles saved before it existed (lean reads apply no defaults). */
  health: { allergies: string[]; chronicConditions: string[]; currentMedications?: string[] };
  updatedAt: Date;
}

const profileSchema = new Schema<PatientProfileRecord>(
  {
    address: { type: String, required: true, unique: true },
    firstName: { type: String, required: true, maxlength: 60 },
    lastName: { type: String, required: true, maxlength: 60 },
    dateOfBirth: { type: String, required: true, match: /^\d{4}-\d\d-\d\d$/ },
    sex: { type: String, required: true, enum: PATIENT_SEXES },
    email: { type: String, required: true, maxlength: 254 },
    mobile: { type: String, required: true, match: /^\+[1-9]\d{6,14}$/ },
    city: { type: String, required: true, maxlength: 80 },
    state: { type: String, required: true, maxlength: 80 },
    emergencyContact: {
      type: new Schema(
        {
          name: { type: String, required: true, maxlength: 120 },
          phone: { type: String, required: true, match: /^\+[1-9]\d{6,14}$/ },
        },
        { _id: false },
      ),
      required: true,
    },
    health: {
      type: new Schema(
        // Profiles saved before currentMedications existed read as [] (mongoose fills array paths).
        { allergies: [String], chronicConditions: [String], currentMedications: [String] },
        { _id: false },
      ),
      required: true,
    },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const ProfileModel = mongoose.model<PatientProfileRecord>('PatientProfile', profileSchema, 'patient_profiles');

/** Replaces the profile. Journaled (j: true): once the patient is told "saved", it survives a crash. */
export async function saveProfile(profile: PatientProfileRecord): Promise<void> {
  const { address, ...fields } = profile;
  await ProfileModel.replaceOne(
    { address },
    { address, ...fields },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

export async function findProfile(address: string): Promise<PatientProfileRecord | null> {
  return ProfileModel.findOne({ address }, { _id: 0 }).lean<PatientProfileRecord>();
}

/** Names only (no contact details, no health data): what the admins' patient list shows. */
export async function findNames(
  addresses: string[],
): Promise<Map<string, Pick<PatientProfileRecord, 'firstName' | 'lastName'>>> {
  if (addresses.length === 0) return new Map();
  const names = await ProfileModel.find(
    { address: mongoose.trusted({ $in: addresses }) },
    { _id: 0, address: 1, firstName: 1, lastName: 1 },
  ).lean<Pick<PatientProfileRecord, 'address' | 'firstName' | 'lastName'>[]>();
  return new Map(names.map(({ address, ...name }) => [address, name]));
}

/** Erasure: deletes the profile (contact details and health data). Journaled, as the writes are. */
export async function deleteProfile(address: string): Promise<void> {
  await ProfileModel.deleteOne({ address }, { writeConcern: { w: 1, j: true } });
}
