/**
 * Who may see a consent relationship: who a patient lets read their records is itself health
 * information, so only the two parties and the clinic's admins may ask.
 */
import type { Registry } from '@contracts/types';
import { forbidden } from '../../../libraries/errors';

export async function assertMayReadConsent(registry: Registry, caller: string, patient: string, doctor: string): Promise<void> {
  const isParty = [patient, doctor].some((party) => party.toLowerCase() === caller.toLowerCase());
  if (isParty || (await registry.isAdmin(caller))) return;
  throw forbidden('Only the patient, the doctor or an admin may see this consent', 'CONSENT_NOT_A_PARTY');
}
