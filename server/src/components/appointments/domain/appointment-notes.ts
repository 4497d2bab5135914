/**
 * The two parties' notes: the patient's reason for the visit (while the appointment is requested or
 * accepted) and the doctor's reason for rejecting it (once rejected). Authorized from the chain, not the
 * read model, so the patient can save the reason right after the request is mined, before it is indexed.
 * Anybody but the right party gets the same 404 as for an unknown id.
 */
import type { Appointments } from '@contracts/types';
import { AppError } from '../../../libraries/errors';
import { readChainAppointment } from '../data-access/chain-appointments';
import { saveNote } from '../data-access/note-store';
import { appointmentNotFound, sameAccount } from './appointment-parties';

export async function saveReason(appointments: Appointments, caller: string, id: string, text: string): Promise<void> {
  const appointment = await readChainAppointment(appointments, BigInt(id));
  if (!appointment || !sameAccount(appointment.patient, caller)) throw appointmentNotFound(id);
  if (appointment.status !== 'requested' && appointment.status !== 'accepted') {
    throw new AppError(409, 'APPOINTMENT_NOT_OPEN', `Appointment ${id} is ${appointment.status}: its reason is final`);
  }
  await saveNote(id, 'reason', text, new Date());
}

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
  await saveNote(id, 'rejectionReason', text, new Date());
}
