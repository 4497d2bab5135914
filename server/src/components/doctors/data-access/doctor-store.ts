/**
 * The doctors read model: one document per doctor, rebuilt from Registry events (and the terms doctors
 * publish in Appointments).
 * Each write carries the event's position (block, log index) and only applies over an older
 * position, so replaying a log, or a whole range, leaves the document unchanged.
 */
import mongoose, { Schema } from 'mongoose';
import { REGISTERED_DOCTOR_STATUSES, type RegisteredDoctorStatus } from '@api';

export interface DoctorRecord extends DirectoryFields {
  address: string;
  status: RegisteredDoctorStatus;
  licenceHash: string;
  speciality: number;
  registeredBy: string;
  registeredAt: Date;
  /** Position of the DoctorRegistered event; sorts doctors in registration order. */
  registeredPosition: number;
  updatedAt: Date;
  verifiedBy?: string;
  revokedBy?: string;
  revocationReason?: number;
  /** The doctor's last published terms (Appointments DoctorTermsSet): fee in wei (decimal) and slot length in seconds. */
  feeWei?: string;
  slotLength?: number;
  /** Position of the last applied event: block * 1e5 + log index. */
  eventPosition: number;
}

/**
 * Copies of the profile fields Find a doctor sorts and filters on, so a page is cut on this collection's
 * indexes and only its doctors are joined with their profiles (doctor-search.ts). The profile stays the
 * source: profile saves write these, and the registration handler copies them, so a rebuild keeps them.
 */
export interface DirectoryFields {
  lastName?: string;
  firstName?: string;
  /** YYYY-MM-DD */
  dateOfJoining?: string;
  city?: string;
  state?: string;
  /** The copied profile's updatedAt: an older copy never overwrites a newer one. */
  profileSavedAt?: Date;
}

export const DIRECTORY_FIELDS = ['lastName', 'firstName', 'dateOfJoining', 'city', 'state'] as const;

const doctorSchema = new Schema<DoctorRecord>(
  {
    address: { type: String, required: true, unique: true },
    status: { type: String, required: true, enum: REGISTERED_DOCTOR_STATUSES },
    licenceHash: { type: String, required: true },
    speciality: { type: Number, required: true },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    registeredPosition: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    verifiedBy: String,
    revokedBy: String,
    revocationReason: Number,
    feeWei: String,
    slotLength: Number,
    eventPosition: { type: Number, required: true },
    lastName: String,
    firstName: String,
    dateOfJoining: String,
    city: String,
    state: String,
    profileSavedAt: Date,
  },
  { versionKey: false, timestamps: false },
);
doctorSchema.index({ status: 1, registeredPosition: 1 });
doctorSchema.index({ registeredPosition: 1 });

/** Case-insensitive, as profile-store's CASE_INSENSITIVE (the search's collation): indexes serve only their own. */
const DIRECTORY_COLLATION = { locale: 'en', strength: 2 };
// Find a doctor's pages, each cut on an index in its sort order (missing names sort first, as nulls).
const NAME_ORDER = { lastName: 1, firstName: 1, registeredPosition: 1 } as const;
const DIRECTORY_INDEXES: Record<string, Record<string, 1>> = {
  directory_by_name: { status: 1, ...NAME_ORDER },
  directory_any_status_by_name: NAME_ORDER, // admins listing every status
  directory_speciality_by_name: { status: 1, speciality: 1, ...NAME_ORDER },
  directory_city_by_name: { status: 1, city: 1, ...NAME_ORDER },
  directory_state_by_joining: { status: 1, state: 1, dateOfJoining: 1, registeredPosition: 1 },
  directory_by_joining: { status: 1, dateOfJoining: 1, registeredPosition: 1 },
  // A name search filters on addresses: a handful of doctors, found on this index and sorted in memory.
  directory_address: { address: 1 },
};
for (const [name, keys] of Object.entries(DIRECTORY_INDEXES)) {
  doctorSchema.index(keys, { name, collation: DIRECTORY_COLLATION });
}

export const DoctorModel = mongoose.model<DoctorRecord>('Doctor', doctorSchema, 'doctors');

const DUPLICATE_KEY = 11000;

/**
 * Sets `changes` on the doctor if `position` is newer than the last applied event.
 * With `create`, a missing doctor is inserted; an existing newer document makes the upsert hit the
 * unique address index, which simply means "already applied".
 */
export async function applyDoctorChange(
  address: string,
  position: number,
  changes: Partial<DoctorRecord>,
  options: { create: boolean },
): Promise<void> {
  try {
    await DoctorModel.updateOne(
      { address, eventPosition: mongoose.trusted({ $lt: position }) },
      { $set: { ...changes, eventPosition: position } },
      { upsert: options.create },
    );
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

/**
 * Copies a saved profile's directory fields into its doctor's document, if the doctor is in the read model
 * and holds no newer copy (a profile save and the indexer's registration copy may cross).
 */
export async function copyDirectoryFields(
  profile: Pick<DirectoryFields, (typeof DIRECTORY_FIELDS)[number]> & { address: string; updatedAt: Date },
): Promise<void> {
  const set: DirectoryFields = { profileSavedAt: profile.updatedAt };
  const unset: Record<string, 1> = {};
  for (const field of DIRECTORY_FIELDS) {
    if (profile[field] === undefined) unset[field] = 1;
    else set[field] = profile[field];
  }
  await DoctorModel.updateOne(
    {
      address: profile.address,
      $or: [
        { profileSavedAt: mongoose.trusted({ $exists: false }) },
        { profileSavedAt: mongoose.trusted({ $lte: profile.updatedAt }) },
      ],
    },
    { $set: set, ...(Object.keys(unset).length && { $unset: unset }) },
    // Addresses as the search's profile join matches them: in any case.
    { collation: DIRECTORY_COLLATION },
  );
}

export async function findDoctor(address: string): Promise<DoctorRecord | null> {
  return DoctorModel.findOne({ address }, { _id: 0 }).lean<DoctorRecord>();
}

export async function findDoctorsIn(addresses: string[]): Promise<DoctorRecord[]> {
  if (addresses.length === 0) return [];
  return DoctorModel.find({ address: mongoose.trusted({ $in: addresses }) }, { _id: 0 }).lean<DoctorRecord[]>();
}

export async function deleteAllDoctors(): Promise<void> {
  await DoctorModel.deleteMany({});
}
