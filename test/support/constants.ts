/** Values the contracts give a meaning to, and time units, as tests use them. */

/** Consent.grantAccess's expiry meaning "until the patient revokes it": type(uint64).max. */
export const UNTIL_REVOKED = 2n ** 64n - 1n;

export const HOUR = 3600;
export const DAY = 24 * HOUR;
