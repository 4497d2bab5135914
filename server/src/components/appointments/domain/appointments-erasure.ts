/**
 * Erasure (components/erasure): the patient's appointments with the doctors' rejection reasons, and the
 * CIDs of the patient's encrypted reason notes. Notes go first: their appointment ids are found through
 * the appointments, so a crash in between leaves nothing unreachable (the next run finds them again).
 */
import { deleteAppointmentsOfPatient, findAppointmentsOfPatient } from '../data-access/appointment-store';
import { deleteNotes } from '../data-access/note-store';

export async function appointmentNoteCidsOf(patient: string): Promise<string[]> {
  const appointments = await findAppointmentsOfPatient(patient);
  return appointments.flatMap((appointment) => (appointment.reasonCid ? [appointment.reasonCid] : []));
}

export async function eraseAppointmentsData(patient: string): Promise<void> {
  await deleteNotes((await findAppointmentsOfPatient(patient)).map((appointment) => appointment.id));
  await deleteAppointmentsOfPatient(patient);
}
