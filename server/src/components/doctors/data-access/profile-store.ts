/**
 * Off-chain doctor profiles: the paper's form (names, date of joining, contact details, city, state,
 * bio). Names are not for the chain. Kept apart from the read model so rebuilding that from chain
 * events never loses what doctors typed in. Profiles saved before the paper's form have only
 * `displayName`; every save now derives it from the names.
 */
import mongoose, { Schema } from 'mongoose';

export interface DoctorProfile {
  address: string;
  /** "Dr. First Last" (derived on save), or the name an older profile was saved with. */
  displayName: string;
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD */
  dateOfJoining?: string;
  email?: string;
  /** E.164 */
  mobile?: string;
  city?: string;
  state?: string;
  specialityLabel?: string;
  bio?: string;
  updatedAt: Date;
  /** Who saved last: the doctor, or the admin who edited the profile. */
  updatedBy?: string;
  /**
   * Set when a verified doctor changed their name: admins verified the doctor under the earlier
   * one. Cleared by the next save made while not verified (a new review).
   */
  changedAfterVerification?: { previousDisplayName?: string; changedAt: Date };
}

/** The fields a person fills in (the API's DoctorProfileRequest), in the order the form shows them. */
export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfJoining',
  'email',
  'mobile',
  'city',
  'state',
  'specialityLabel',
  'bio',
] as const;

const OPTIONAL_FIELDS = ['specialityLabel', 'bio', 'updatedBy', 'changedAfterVerification'] as const;

const profileSchema = new Schema<DoctorProfile>(
  {
    address: { type: String, required: true, unique: true },
    displayName: { type: String, required: true, maxlength: 120 },
    firstName: { type: String, maxlength: 50 },
    lastName: { type: String, maxlength: 50 },
    dateOfJoining: { type: String, match: /^\d{4}-\d\d-\d\d$/ },
    email: { type: String, maxlength: 254 },
    mobile: { type: String, match: /^\+[1-9]\d{6,14}$/ },
    city: { type: String, maxlength: 80 },
    state: { type: String, maxlength: 80 },
    specialityLabel: { type: String, maxlength: 80 },
    bio: { type: String, maxlength: 500 },
    updatedAt: { type: Date, required: true },
    updatedBy: String,
    changedAfterVerification: {
      type: new Schema(
        { previousDisplayName: { type: String, maxlength: 120 }, changedAt: { type: Date, required: true } },
        { _id: false },
      ),
      required: false,
    },
  },
  { versionKey: false },
);
/** Case-insensitive comparison (strength 2: letters and accents count, case does not): city, state and name sorts. */
export const CASE_INSENSITIVE = { locale: 'en', strength: 2 };

// The doctor search joins profiles by address under CASE_INSENSITIVE; an index serves a query only under its
// own collation, so without this one every doctor searched would scan every profile.
profileSchema.index({ address: 1 }, { name: 'address_case_insensitive', collation: CASE_INSENSITIVE });
// Find a doctor by name: whole words, no stemming or stop words (names are not English prose).
profileSchema.index(
  { firstName: 'text', lastName: 'text', displayName: 'text' },
  { name: 'doctor_names_text', default_language: 'none' },
);

export const ProfileModel = mongoose.model<DoctorProfile>('DoctorProfile', profileSchema, 'doctor_profiles');

/**
 * Saves the profile and returns the one it replaced (for the record of who changed what); optional
 * fields left undefined are removed. Journaled (j: true): the chain cannot rebuild what people typed.
 */
export async function saveProfile(profile: DoctorProfile): Promise<DoctorProfile | null> {
  const { address, ...fields } = profile;
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const unset = Object.fromEntries(OPTIONAL_FIELDS.filter((key) => fields[key] === undefined).map((key) => [key, 1]));
  return ProfileModel.findOneAndUpdate(
    { address },
    { $set: set, $unset: unset },
    {
      upsert: true,
      runValidators: true,
      returnDocument: 'before',
      projection: { _id: 0 },
      writeConcern: { w: 1, j: true },
    },
  ).lean<DoctorProfile>();
}

export async function findProfiles(addresses: string[]): Promise<Map<string, DoctorProfile>> {
  if (addresses.length === 0) return new Map();
  const profiles = await ProfileModel.find({ address: mongoose.trusted({ $in: addresses }) }, { _id: 0 }).lean<
    DoctorProfile[]
  >();
  return new Map(profiles.map((p) => [p.address, p]));
}

/** The doctor's profile, whatever the case of the address it was saved under (as the search's join matches). */
export async function findProfileAnyCase(address: string): Promise<DoctorProfile | null> {
  return ProfileModel.findOne({ address }, { _id: 0 }).collation(CASE_INSENSITIVE).lean<DoctorProfile>();
}

/**
 * Addresses of the profiles whose names contain every word of `words` (whole words, any case). Each
 * word is quoted: $text alone would match any one of them.
 */
export async function addressesMatchingName(words: string): Promise<string[]> {
  const search = words
    .split(/\s+/)
    .map((word) => word.replaceAll('"', ''))
    .filter(Boolean)
    .map((word) => `"${word}"`)
    .join(' ');
  if (!search) return [];
  await ProfileModel.init(); // the text index must exist before the first $text query
  // An aggregate: sanitizeFilter refuses $text in queries; the search is a string value here, never an operator.
  const found = await ProfileModel.aggregate<{ address: string }>([
    { $match: { $text: { $search: search } } },
    { $project: { address: 1, _id: 0 } },
  ]);
  return found.map((profile) => profile.address);
}
