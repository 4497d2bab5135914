/**
 * Whether a doctor may read and write a patient's records right now, asked of the Consent contract
 * (the source of truth) on every call: a revocation or an expiry takes effect without any cache.
 * Also says when a grant is only suspended: Consent keeps a patient's grants while an admin has the
 * doctor revoked in the Registry, and they apply again if the doctor is verified again. The patient
 * must be able to see that, so they can revoke the grant for good.
 */
import type { Consent, Registry } from '@contracts/types';
import { UNTIL_REVOKED, type ConsentView } from '@api';
import { doctorStatusFromChain } from '../../../libraries/chain';

export async function readConsent(
  contracts: { consent: Consent; registry: Registry },
  patient: string,
  doctor: string,
): Promise<ConsentView> {
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
