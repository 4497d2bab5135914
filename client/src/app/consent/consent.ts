/** A doctor's access to a patient's records, as GET /api/consent/:patient/:doctor reads it from the Consent contract. */
import { formatDate } from '@angular/common';
import type { ConsentView } from '@api';
// chain-values, not the @api index: plain values, so no zod enters the client bundle.
import { UNTIL_REVOKED } from '@api/chain-values';

/**
 * What the API reads for a verified doctor the patient never granted (the pair has no Consent event).
 * The pair list comes from the indexer, at most one poll (INDEXER_POLL_MS, 1 s) behind the chain; the
 * screen re-reads a pair live after each of its own transactions, so its own grants never lag.
 */
export function noConsent(patient: string, doctor: string): ConsentView {
  return {
    patient,
    doctor,
    hasAccess: false,
    expiresAt: null,
    untilRevoked: false,
    doctorStatus: 'verified',
    suspended: false,
  };
}

const DAY_SECONDS = 24n * 60n * 60n;

export interface AccessDuration {
  id: string;
  label: string;
  /** null: until the patient revokes it. */
  seconds: bigint | null;
}

/** The choices a patient has when granting access (labels are read by tests and screen readers). */
export const ACCESS_DURATIONS: readonly AccessDuration[] = [
  { id: '1d', label: '1 day', seconds: DAY_SECONDS },
  { id: '7d', label: '7 days', seconds: 7n * DAY_SECONDS },
  { id: '30d', label: '30 days', seconds: 30n * DAY_SECONDS },
  { id: 'until-revoked', label: 'Until revoked', seconds: null },
];

export const DEFAULT_ACCESS_DURATION = '30d';

/** The `expiresAt` argument of grantAccess: unix seconds from `now`, or the "until revoked" sentinel. */
export function expiryFor(durationId: string, now = new Date()): bigint {
  const duration = ACCESS_DURATIONS.find((candidate) => candidate.id === durationId);
  if (!duration) throw new Error(`Unknown access duration ${durationId}`);
  if (duration.seconds === null) return UNTIL_REVOKED;
  return BigInt(Math.floor(now.getTime() / 1000)) + duration.seconds;
}

/**
 * "No access", "Until revoked", "Until 27 Nov 2026 14:05" (local time), or, for a grant kept while the
 * doctor is not verified, "Suspended: … (resumes … if the doctor is verified again)".
 */
export function accessText(consent: ConsentView): string {
  const until = consent.expiresAt
    ? `until ${formatDate(consent.expiresAt, 'd MMM y HH:mm', 'en-US')}`
    : 'until revoked';
  if (consent.suspended)
    return `Suspended: the doctor is not verified. Your grant (${until}) applies again if they are verified again; revoke it to end it for good.`;
  if (!consent.hasAccess) return 'No access';
  return until.charAt(0).toUpperCase() + until.slice(1);
}
