/**
 * Puts the bench's doctor directory into the running API's read model through the doctors component's own
 * data access (its Mongoose models, so every document passes the schemas the indexer and profile saves use).
 * The read model is normally built from Registry events: registering, verifying and profiling 10,000 doctors
 * on chain would take many minutes and measure the chain, not the search. The API that answers is the real one.
 */
import {
  DIRECTORY_FIELDS,
  DoctorModel,
  type DoctorRecord,
} from '../../server/src/components/doctors/data-access/doctor-store';
import { ProfileModel, type DoctorProfile } from '../../server/src/components/doctors/data-access/profile-store';
import type { DirectoryDoctor } from './doctor-directory';

/** An admin's address as the verifier and revoker of the seeded doctors. */
export async function seedDoctorDirectory(doctors: readonly DirectoryDoctor[], admin: string): Promise<void> {
  const records: DoctorRecord[] = doctors.map(({ profile, ...doctor }) => ({
    ...doctor,
    // The directory fields a profile save copies into the read model (copyDirectoryFields).
    ...Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, profile[field]])),
    profileSavedAt: doctor.registeredAt,
    registeredBy: doctor.address,
    updatedAt: doctor.registeredAt,
    eventPosition: doctor.registeredPosition + (doctor.status === 'pending' ? 0 : 1),
    ...(doctor.status !== 'pending' && { verifiedBy: admin }),
    ...(doctor.status === 'revoked' && { revokedBy: admin, revocationReason: 4 }),
  }));
  const profiles: DoctorProfile[] = doctors.map(({ address, profile, registeredAt }) => ({
    address,
    ...profile,
    updatedAt: registeredAt,
    updatedBy: address,
  }));
  await Promise.all([DoctorModel.init(), ProfileModel.init()]);
  // Ordered (the default): a document the schema refuses stops the seeding with its error.
  await DoctorModel.insertMany(records);
  await ProfileModel.insertMany(profiles);
}
