/**
 * A patient's access log for other components: the activity tracker shows it on the patient's
 * timeline ("an admin read your allergies"). No access check here: the caller shows a patient only
 * their own log.
 */
import { findAccessOf, type PatientAccessEntry } from '../data-access/access-log-store';

export function patientAccessLog(query: {
  patient: string;
  offset: number;
  limit: number;
  since?: Date;
}): Promise<{ items: PatientAccessEntry[]; total: number }> {
  return findAccessOf(query);
}
