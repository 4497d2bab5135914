/**
 * GET /api/emergency/patients/:address: what a break-glass window opens, always: the emergency profile and
 * the records list (the documents stay encrypted; their keys need the patient's emergency sharing and an
 * admin's re-wrap). The chain decides at request time (EmergencyAccess.hasEmergencyAccess: unexpired, not
 * ended, doctor still verified). Every read and every refusal is in the patient's access log before the
 * answer leaves; the log names the window, never the justification (its text may hold health data).
 */
import type { EmergencyPatientView } from '@api';
import { forbidden } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { emergencyProfileOf } from '../../patients';
import { recordEntriesOf } from '../../records';
import { accountOf, windowWords, type EmergencyChain } from './emergency-context';

export const emergencyNoAccess = (patient: string) =>
  forbidden(`You have no open emergency access to ${patient}'s record`, 'EMERGENCY_NO_ACCESS');

export async function readEmergencyPatient(
  chain: EmergencyChain,
  caller: string,
  patient: string,
): Promise<EmergencyPatientView> {
  const reader = accountOf(caller);
  const [live, expiresAt, documentsShared] = await Promise.all([
    chain.emergency.hasEmergencyAccess(patient, reader),
    chain.emergency.emergencyAccessExpiry(patient, reader),
    chain.emergency.emergencySharing(patient),
  ]);
  const report = { actor: reader, patient, what: 'patient.emergency-profile' } as const;
  if (!live) {
    await recordAccess({ ...report, outcome: 'denied', why: 'no open emergency access' });
    throw emergencyNoAccess(patient);
  }
  const why = windowWords(expiresAt);
  await recordAccess({ ...report, outcome: 'allowed', why });
  await recordAccess({ ...report, what: 'records.list', outcome: 'allowed', why });
  const [profile, records] = await Promise.all([emergencyProfileOf(patient), recordEntriesOf(patient)]);
  return {
    patient,
    expiresAt: new Date(Number(expiresAt) * 1000).toISOString(),
    profile,
    records,
    documentsShared,
  };
}
