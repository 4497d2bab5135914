/**
 * Whether a doctor may read and write a patient's records right now, asked of the Consent contract
 * (the source of truth) on every call: a revocation or an expiry takes effect without any cache.
 */
import type { Consent } from '@contracts/types';

/** Consent's "until revoked" expiry. */
const UNTIL_REVOKED = 2n ** 64n - 1n;

export interface ConsentView {
  patient: string;
  doctor: string;
  /** True only while the access is unexpired and the doctor is still verified. */
  hasAccess: boolean;
  /** When the access ends (ISO); null when there is none, or when it lasts until revoked. */
  expiresAt: string | null;
  untilRevoked: boolean;
}

export async function readConsent(consent: Consent, patient: string, doctor: string): Promise<ConsentView> {
  const [hasAccess, expiry] = await Promise.all([consent.hasAccess(patient, doctor), consent.accessExpiry(patient, doctor)]);
  const untilRevoked = expiry === UNTIL_REVOKED;
  return {
    patient,
    doctor,
    hasAccess,
    expiresAt: expiry === 0n || untilRevoked ? null : new Date(Number(expiry) * 1000).toISOString(),
    untilRevoked,
  };
}
