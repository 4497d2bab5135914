/**
 * The doctor's reason for rejecting an appointment (once rejected). Authorized from the chain, not the read
 * model, so the doctor can save it right after the rejection is mined, before it is indexed. Anybody but the
 * doctor gets the same 404 as for an unknown id. A saved note is announced on the appointments stream like a
 * chain change, so the patient's open page shows it without a reload. (The patient's booking reason is an
 * encrypted note whose CID is on chain: nothing to save here.)
 */
import type { Appointments } from '@contracts/types';
import type { AppointmentStatus } from '@api';
import { AppError } from '../../../libraries/errors';
import { readChainAppointment } from '../data-access/chain-appointments';
import { saveRejectionNote } from '../data-access/note-store';
import { publishAppointmentChange } from './appointment-changes';
import { appointmentNotFound, sameAccount } from './appointment-parties';

export async function saveRejectionReason(
  appointments: Appointments,
  caller: string,
  id: string,
  text: string,
): Promise<void> {
  const appointment = await readChainAppointment(appointments, BigInt(id));
  if (!appointment || !sameAccount(appointment.doctor, caller)) throw appointmentNotFound(id);
  if (appointment.status !== 'rejected') {
    throw new AppError(
      409,
      'APPOINTMENT_NOT_REJECTED',
      `Appointment ${id} is ${appointment.status}: reject it on chain before giving the reason`,
    );
  }
  await saveRejectionNote(id, text, new Date());
  announce(id, appointment);
}

/**
 * Listeners refetch the read model. Should the rejection not be indexed yet, the indexer announces it again when
 * it applies it, and by then the note is saved.
 */
function announce(id: string, appointment: { patient: string; doctor: string; status: AppointmentStatus }): void {
  if (appointment.status === 'none') return; // never for an existing appointment; the stream's schema has no 'none'
  publishAppointmentChange({
    id,
    status: appointment.status,
    patient: appointment.patient,
    doctor: appointment.doctor,
  });
}
