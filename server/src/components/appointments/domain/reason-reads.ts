/**
 * A booking reason is health data the patient wrote: each time one is served to the doctor, the audit
 * log records it on the patient's record. The patient reading their own reason is not a disclosure and
 * is not logged (the log is who *else* read your data).
 */
import { recordAccess } from '../../audit';
import type { AppointmentRecord } from '../data-access/appointment-store';
import type { AppointmentNotes } from '../data-access/note-store';
import { sameAccount } from './appointment-parties';

export async function auditReasonReads(
  appointments: AppointmentRecord[],
  reader: string,
  notes: Map<string, AppointmentNotes>,
): Promise<void> {
  const served = appointments.filter(
    (appointment) => sameAccount(appointment.doctor, reader) && notes.get(appointment.id)?.reason !== undefined,
  );
  for (const { id, patient } of served) {
    await recordAccess({
      actor: reader,
      patient,
      what: 'appointment.reason',
      outcome: 'allowed',
      why: `appointment #${id}`,
    });
  }
}
