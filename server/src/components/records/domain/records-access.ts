/**
 * Who may read a patient's record, decided by the chain on every request (never the read model, which
 * may lag a revocation): the patient, the clinic's admins, and doctors for whom Consent.hasAccess holds
 * right now (it counts only verified doctors and unexpired, unrevoked grants or appointments), or whose
 * break-glass window is open (EmergencyAccess). Every
 * read by someone other than the patient, allowed or refused, goes into the access log before the
 * answer leaves the API.
 */
import type { Consent, EmergencyAccess, Registry } from '@contracts/types';
import { forbidden } from '../../../libraries/errors';
import { recordAccess } from '../../audit';

export interface RecordsChain {
  registry: Registry;
  consent: Consent;
  emergency: EmergencyAccess;
}

export const sameAccount = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const recordsNoAccess = () =>
  forbidden(
    "Only the patient, an admin or a doctor with the patient's current consent may do this",
    'RECORDS_NO_ACCESS',
  );

/**
 * A doctor's break-glass window (EmergencyAccess.hasEmergencyAccess: unexpired, not ended, doctor still
 * verified) also opens the records list: the list, never the documents' keys (see the emergency component).
 */
const emergencyAccessIsLive = (chain: RecordsChain, reader: string, patient: string) =>
  chain.emergency.hasEmergencyAccess(patient, reader);

/**
 * Passes for the patient (not logged), logs and passes for an admin or a doctor with access, logs the
 * refusal and throws RECORDS_NO_ACCESS (or the caller's own `refusal`) for anyone else. `what` names the
 * data in the log (`records.list`).
 */
export async function assertMayReadRecords(
  chain: RecordsChain,
  reader: string,
  patient: string,
  what: string,
  refusal: () => Error = recordsNoAccess,
): Promise<void> {
  if (sameAccount(reader, patient)) return;
  const [isAdmin, doctorHasAccess] = await Promise.all([
    chain.registry.isAdmin(reader),
    chain.consent.hasAccess(patient, reader),
  ]);
  if (isAdmin || doctorHasAccess) {
    await recordAccess({ actor: reader, patient, what, outcome: 'allowed', why: isAdmin ? 'admin' : 'consent grant' });
    return;
  }
  if (await emergencyAccessIsLive(chain, reader, patient)) {
    await recordAccess({ actor: reader, patient, what, outcome: 'allowed', why: 'emergency access' });
    return;
  }
  const why = 'not an admin, no current consent grant and no emergency access';
  await recordAccess({ actor: reader, patient, what, outcome: 'denied', why });
  throw refusal();
}
