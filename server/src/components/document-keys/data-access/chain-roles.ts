/**
 * What this component asks the chain, live on every request (no cache: a revoked grant or an admin's
 * revocation of a doctor takes effect on the next read). Consent.hasAccess is false for a doctor who is
 * not verified, so it answers "verified doctor with current access" in one call.
 */
import type { Consent, Registry } from '@contracts/types';

export interface ChainRoles {
  isPatient(account: string): Promise<boolean>;
  hasAccess(patient: string, doctor: string): Promise<boolean>;
}

export function chainRoles(contracts: { registry: Registry; consent: Consent }): ChainRoles {
  return {
    isPatient: (account) => contracts.registry.isPatient(account),
    hasAccess: (patient, doctor) => contracts.consent.hasAccess(patient, doctor),
  };
}
