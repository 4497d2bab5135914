/**
 * A doctor's name and speciality for someone who already knows the doctor, such as a patient who
 * granted them access: shown even when the doctor is no longer verified, unlike the directory
 * (doctor-access.ts), because the patient must recognise whom they are revoking. No access check
 * here: callers decide who has such a relationship (the consent component asks the chain's events).
 */
import { findDoctorsIn } from '../data-access/doctor-store';
import { findProfiles } from '../data-access/profile-store';

export interface DoctorSummary {
  address: string;
  displayName?: string;
  /** The on-chain speciality code, once the indexer has seen the registration. */
  speciality?: number;
  specialityLabel?: string;
}

/** "Dr. Ada Byron" as a profile names the doctor; an older profile's bare "Ada Byron" gets the title too. */
export const formalDoctorName = (displayName: string): string =>
  /^dr\b/i.test(displayName) ? displayName : `Dr ${displayName}`;

export async function doctorSummaries(addresses: string[]): Promise<Map<string, DoctorSummary>> {
  const [doctors, profiles] = await Promise.all([findDoctorsIn(addresses), findProfiles(addresses)]);
  const specialities = new Map(doctors.map((doctor) => [doctor.address, doctor.speciality]));
  return new Map(
    addresses.map((address) => {
      const profile = profiles.get(address);
      const speciality = specialities.get(address);
      return [
        address,
        {
          address,
          ...(profile && { displayName: profile.displayName }),
          ...(speciality !== undefined && { speciality }),
          ...(profile?.specialityLabel && { specialityLabel: profile.specialityLabel }),
        },
      ];
    }),
  );
}
