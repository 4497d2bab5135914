/**
 * The code lists the Registry stores as numbers (speciality uint16, revocation reason uint8), and their
 * names. Plain data, no zod: the server validates against them and the client imports them as values
 * (docs/specialities.md copies this list; change it here first).
 */

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

export const isKnownSpeciality = (code: number): boolean => SPECIALITIES.some((speciality) => speciality.code === code);

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/**
 * The latest date (YYYY-MM-DD) that is not in the future anywhere on Earth: today in UTC+14. A date
 * a person enters as "today" where they live is then never refused as future, and tomorrow is.
 */
export function latestPastDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** The sort orders of GET /api/doctors. */
export const DOCTOR_SORTS = ['name', 'joined', 'registered'] as const;
export type DoctorSort = (typeof DOCTOR_SORTS)[number];
