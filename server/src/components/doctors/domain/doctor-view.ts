import type { DoctorRecord } from '../data-access/doctor-store';
import type { DoctorProfile } from '../data-access/profile-store';
import type { DoctorView } from '@api';

/** What the API returns for a doctor (api/doctors.ts): chain facts from the read model plus the off-chain profile. */

export function toDoctorView(
  doctor: Pick<
    DoctorRecord,
    'address' | 'status' | 'licenceHash' | 'speciality' | 'registeredAt' | 'updatedAt' | 'verifiedBy'
  >,
  profile?: DoctorProfile,
  viewer: { isAdmin: boolean } = { isAdmin: false },
): DoctorView {
  const nameChange = viewer.isAdmin ? profile?.changedAfterVerification : undefined;
  return {
    address: doctor.address,
    status: doctor.status,
    licenceHash: doctor.licenceHash,
    speciality: doctor.speciality,
    ...(profile && { displayName: profile.displayName }),
    ...(profile?.specialityLabel && { specialityLabel: profile.specialityLabel }),
    registeredAt: doctor.registeredAt.toISOString(),
    updatedAt: doctor.updatedAt.toISOString(),
    ...(doctor.verifiedBy && doctor.status === 'verified' && { verifiedBy: doctor.verifiedBy }),
    ...(nameChange && {
      nameChangedAfterVerification: {
        ...(nameChange.previousDisplayName !== undefined && { previousDisplayName: nameChange.previousDisplayName }),
        changedAt: nameChange.changedAt.toISOString(),
      },
    }),
  };
}
