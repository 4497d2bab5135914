/**
 * Values the contracts define that server and client spell the same way. Plain data, no zod: the
 * client may import values from here without pulling a schema library into its bundle.
 */

/** IRegistry.DoctorStatus as the API spells it; the array order is the contract's enum order. */
export const DOCTOR_STATUSES = ['none', 'pending', 'verified', 'revoked'] as const;
export type DoctorStatus = (typeof DOCTOR_STATUSES)[number];

/** The statuses a registered doctor can have: what the doctors read model holds and lists. */
export const REGISTERED_DOCTOR_STATUSES = ['pending', 'verified', 'revoked'] as const;
export type RegisteredDoctorStatus = (typeof REGISTERED_DOCTOR_STATUSES)[number];

/** Consent's expiry for access "until revoked" (`type(uint64).max`). */
export const UNTIL_REVOKED = 2n ** 64n - 1n;
