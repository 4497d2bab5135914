/**
 * Who an appointment belongs to: its patient and its doctor read its notes; anybody who may not see it
 * gets the same 404 as for an id that does not exist, so the answer does not reveal that it exists.
 */
import { notFound } from '../../../libraries/errors';

export const sameAccount = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether `reader` is the appointment's patient or doctor. */
export const isParty = (appointment: { patient: string; doctor: string }, reader: string): boolean =>
  sameAccount(appointment.patient, reader) || sameAccount(appointment.doctor, reader);

export const appointmentNotFound = (id: string) =>
  notFound(`No appointment ${id} that you may see`, 'APPOINTMENT_NOT_FOUND');
