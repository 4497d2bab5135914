/**
 * Who may see a consent relationship: who a patient lets read their records is itself health
 * information, so only the two parties and the clinic's admins may ask.
 */
import type { Registry } from '@contracts/types';
import { forbidden } from '../../../libraries/errors';

export async function assertMayReadConsent(
  registry: Registry,
  caller: string,
  patient: string,
  doctor: string,
): Promise<void> {
  const isParty = [patient, doctor].some((party) => party.toLowerCase() === caller.toLowerCase());
  if (isParty || (await registry.isAdmin(caller))) return;
  throw forbidden('Only the patient, the doctor or an admin may see this consent', 'CONSENT_NOT_A_PARTY');
}

/**
 * Who may list a patient's doctors: the patient and the clinic's admins. A doctor is a party to their
 * own pair only, not to the patient's other relationships.
 */
export async function assertMayListConsents(registry: Registry, caller: string, patient: string): Promise<void> {
  if (caller.toLowerCase() === patient.toLowerCase() || (await registry.isAdmin(caller))) return;
  throw forbidden("Only the patient or an admin may list the patient's doctors", 'CONSENT_NOT_THE_PATIENT');
}
