/**
 * A booking reason is health data the patient wrote: each time one is served to the doctor, the audit
 * log records it on the patient's record. The patient reading their own reason is not a disclosure and
 * is not logged (the log is who *else* read your data). One entry per patient per read, naming every
 * appointment whose reason it served: a queue page of 100 appointments must not cost 100 journaled writes.
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
  const idsByPatient = new Map<string, string[]>();
  for (const { id, patient } of served) idsByPatient.set(patient, [...(idsByPatient.get(patient) ?? []), id]);
  for (const [patient, ids] of idsByPatient) {
    await recordAccess({
      actor: reader,
      patient,
      what: 'appointment.reason',
      outcome: 'allowed',
      why: whyOf(ids),
    });
  }
}

/** "appointment #7", or "appointments #7, #9 …" cut to the audit log's 200 characters. */
function whyOf(ids: string[]): string {
  if (ids.length === 1) return `appointment #${ids[0]}`;
  const listed = `appointments ${ids.map((id) => `#${id}`).join(', ')}`;
  return listed.length <= 200 ? listed : `${listed.slice(0, 190).replace(/, #?\d*$/, '')} and more`;
}
