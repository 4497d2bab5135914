/** Doctors as the API's read model describes them, plus the code lists the contract stores as numbers. */
import type { DoctorStatus } from '../auth/account';

export interface DoctorView {
  address: string;
  status: Exclude<DoctorStatus, 'none'>;
  licenceHash: string;
  speciality: number;
  /** The speciality as the doctor worded it in their profile, when they did. */
  specialityLabel?: string;
  displayName?: string;
  registeredAt: string;
  updatedAt: string;
  verifiedBy?: string;
  /** Admins only: the doctor renamed themselves after being verified under `previousDisplayName`. */
  nameChangedAfterVerification?: { previousDisplayName?: string; changedAt: string };
}

/** An admin's view of a doctor's stored licence, checked by the API against the Registry. */
export interface LicenceCheck {
  address: string;
  licenceNumber: string;
  salt: string;
  licenceHash: string;
  matchesChain: boolean;
}

export interface DoctorPage {
  items: DoctorView[];
  total: number;
}

/** Speciality codes stored on chain (uint16). */
export const SPECIALITIES: readonly { code: number; name: string }[] = [
  { code: 1, name: 'General practice' },
  { code: 2, name: 'Cardiology' },
  { code: 3, name: 'Dermatology' },
  { code: 4, name: 'Paediatrics' },
  { code: 5, name: 'Radiology' },
  { code: 6, name: 'Pathology' },
  { code: 7, name: 'Neurology' },
  { code: 8, name: 'Oncology' },
];

/** Revocation reason codes stored on chain (uint8). */
export const REVOCATION_REASONS: readonly { code: number; name: string }[] = [
  { code: 1, name: 'Licence expired' },
  { code: 2, name: 'Licence suspended' },
  { code: 3, name: 'Registration details incorrect' },
  { code: 4, name: 'Left the practice' },
  { code: 5, name: 'Other' },
];

export function specialityName(code: number): string {
  return SPECIALITIES.find((speciality) => speciality.code === code)?.name ?? `Speciality ${code}`;
}

/** The words the UI uses for each status (a test and a screen reader rely on them). */
export const DOCTOR_STATUS_LABELS: Record<DoctorStatus, string> = {
  none: 'not registered',
  pending: 'pending verification',
  verified: 'verified',
  revoked: 'revoked',
};
