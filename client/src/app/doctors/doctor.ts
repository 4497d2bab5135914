/** The code lists the contract stores as numbers, and the words the UI uses for them (the API's types are in api/doctors.ts). */
import type { DoctorStatus } from '@api';

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
