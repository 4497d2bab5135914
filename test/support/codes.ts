/**
 * The code lists the Registry stores as plain numbers, named as docs/specialities.md and the client's
 * SPECIALITIES / REVOCATION_REASONS name them (client/src/app/doctors/doctor.ts is the source).
 */

/** Speciality codes (Registry.registerDoctor, uint16). */
export const SPECIALITY = {
  generalPractice: 1,
  cardiology: 2,
  dermatology: 3,
  paediatrics: 4,
  radiology: 5,
  pathology: 6,
  neurology: 7,
  oncology: 8,
} as const;

/** Revocation reason codes (Registry.revokeDoctor, uint8); verifyDoctor resets the stored reason to 0. */
export const REVOCATION_REASON = {
  licenceExpired: 1,
  licenceSuspended: 2,
  registrationDetailsIncorrect: 3,
  leftThePractice: 4,
  other: 5,
} as const;
