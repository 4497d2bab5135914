/** What the API returns for a doctor (api/doctors.ts): chain facts from the read model plus the off-chain profile. */
import type { DoctorProfileView, DoctorView } from '@api';
import type { DoctorRecord } from '../data-access/doctor-store';
import type { DoctorProfile } from '../data-access/profile-store';
import { maySeeContact, type DoctorReader } from './doctor-access';

export type DoctorChainFacts = Pick<
  DoctorRecord,
  | 'address'
  | 'status'
  | 'licenceHash'
  | 'speciality'
  | 'registeredAt'
  | 'updatedAt'
  | 'verifiedBy'
  | 'feeWei'
  | 'slotLength'
>;

/** The profile fields a reader may see, without the bookkeeping (who saved, when). */
export function profileFields(profile: DoctorProfile | undefined, withContact: boolean): DoctorProfileView {
  if (!profile) return {};
  const { displayName, firstName, lastName, dateOfJoining, email, mobile, city, state, specialityLabel, bio } = profile;
  const fields = {
    displayName,
    firstName,
    lastName,
    dateOfJoining,
    ...(withContact && { email, mobile }),
    city,
    state,
    specialityLabel,
    bio,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}

export function toDoctorView(
  doctor: DoctorChainFacts,
  profile: DoctorProfile | undefined,
  reader: DoctorReader,
): DoctorView {
  const nameChange = reader.isAdmin ? profile?.changedAfterVerification : undefined;
  return {
    address: doctor.address,
    status: doctor.status,
    licenceHash: doctor.licenceHash,
    speciality: doctor.speciality,
    ...profileFields(profile, maySeeContact(reader, doctor)),
    registeredAt: doctor.registeredAt.toISOString(),
    updatedAt: doctor.updatedAt.toISOString(),
    ...(doctor.verifiedBy && doctor.status === 'verified' && { verifiedBy: doctor.verifiedBy }),
    ...(doctor.feeWei !== undefined && { feeWei: doctor.feeWei }),
    ...(doctor.slotLength !== undefined && { slotLength: doctor.slotLength }),
    ...(nameChange && {
      nameChangedAfterVerification: {
        ...(nameChange.previousDisplayName !== undefined && { previousDisplayName: nameChange.previousDisplayName }),
        changedAt: nameChange.changedAt.toISOString(),
      },
    }),
  };
}
