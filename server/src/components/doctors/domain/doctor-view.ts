import type { DoctorRecord } from '../data-access/doctor-store';
import type { DoctorProfile } from '../data-access/profile-store';
import type { DoctorStatus } from '../../../libraries/chain';

/** What the API returns for a doctor: chain facts from the read model plus the off-chain profile. */
export interface DoctorView {
  address: string;
  status: DoctorStatus;
  licenceHash: string;
  speciality: number;
  displayName?: string;
  specialityLabel?: string;
  registeredAt: string;
  updatedAt: string;
  verifiedBy?: string;
  /** Admins only: the doctor renamed themselves after being verified under `previousDisplayName`. */
  nameChangedAfterVerification?: { previousDisplayName?: string; changedAt: string };
}

export function toDoctorView(
  doctor: Pick<DoctorRecord, 'address' | 'licenceHash' | 'speciality' | 'registeredAt' | 'updatedAt' | 'verifiedBy'> & { status: DoctorStatus },
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
