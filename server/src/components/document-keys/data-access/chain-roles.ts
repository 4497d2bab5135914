/**
 * What this component asks the chain, live on every request (no cache: a revoked grant or an admin's
 * revocation of a doctor takes effect on the next read). Consent.hasAccess is false for a doctor who is
 * not verified, so it answers "verified doctor with current access" in one call.
 */
import type { Consent, EmergencyAccess, Registry } from '@contracts/types';

export interface ChainRoles {
  isPatient(account: string): Promise<boolean>;
  hasAccess(patient: string, doctor: string): Promise<boolean>;
  /** A live break-glass window (unexpired, not ended, doctor still verified) and the patient's emergency sharing on. */
  hasEmergencyDocumentAccess(patient: string, doctor: string): Promise<boolean>;
}

export function chainRoles(contracts: {
  registry: Registry;
  consent: Consent;
  emergency: EmergencyAccess;
}): ChainRoles {
  return {
    isPatient: (account) => contracts.registry.isPatient(account),
    hasAccess: (patient, doctor) => contracts.consent.hasAccess(patient, doctor),
    hasEmergencyDocumentAccess: async (patient, doctor) => {
      const [live, sharing] = await Promise.all([
        contracts.emergency.hasEmergencyAccess(patient, doctor),
        contracts.emergency.emergencySharing(patient),
      ]);
      return live && sharing;
    },
  };
}
