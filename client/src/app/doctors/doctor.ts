/** The code lists the contract stores as numbers (kept in api/doctor-codes.ts), and the words the UI uses for them. */
import type { DoctorStatus } from '@api';
import { SPECIALITIES } from '@api/doctor-codes';

export { SPECIALITIES, REVOCATION_REASONS } from '@api/doctor-codes';

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
