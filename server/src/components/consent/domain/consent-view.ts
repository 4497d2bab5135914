/**
 * Whether a doctor may read and write a patient's records right now, asked of the Consent contract
 * (the source of truth) on every call: a revocation or an expiry takes effect without any cache.
 * Also says when a grant is only suspended: Consent keeps a patient's grants while an admin has the
 * doctor revoked in the Registry, and they apply again if the doctor is verified again. The patient
 * must be able to see that, so they can revoke the grant for good.
 */
import type { Consent, Registry } from '@contracts/types';
import { doctorStatusFromChain, type DoctorStatus } from '../../../libraries/chain';

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
  /** The doctor's status in the Registry: only a verified doctor's access counts. */
  doctorStatus: DoctorStatus;
  /** An unexpired grant exists but the doctor is not verified: no access now, access again on re-verification. */
  suspended: boolean;
}

export async function readConsent(contracts: { consent: Consent; registry: Registry }, patient: string, doctor: string): Promise<ConsentView> {
  const { consent, registry } = contracts;
  const [hasAccess, expiry, status, latest] = await Promise.all([
    consent.hasAccess(patient, doctor),
    consent.accessExpiry(patient, doctor),
    registry.doctorStatus(doctor),
    consent.runner!.provider!.getBlock('latest'),
  ]);
  const untilRevoked = expiry === UNTIL_REVOKED;
  const doctorStatus = doctorStatusFromChain(status);
  const unexpired = latest !== null && expiry > BigInt(latest.timestamp);
  return {
    patient,
    doctor,
    hasAccess,
    expiresAt: expiry === 0n || untilRevoked ? null : new Date(Number(expiry) * 1000).toISOString(),
    untilRevoked,
    doctorStatus,
    suspended: unexpired && doctorStatus !== 'verified',
  };
}
