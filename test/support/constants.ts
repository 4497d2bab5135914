/** Values the contracts give a meaning to, and time units, as tests use them. */

/** Consent.grantAccess's expiry meaning "until the patient revokes it": type(uint64).max, as the app spells it. */
export { UNTIL_REVOKED } from '../../api/chain-values';

export const HOUR = 3600;
export const DAY = 24 * HOUR;

/** The slot length (seconds) test doctors publish with their fee unless a test says otherwise. */
export const SLOT_LENGTH = 30 * 60;
