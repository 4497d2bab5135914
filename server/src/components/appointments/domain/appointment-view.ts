/**
 * What the API returns for an appointment (api/appointments.ts AppointmentViewSchema): the read model's
 * chain facts, the parties' names from their profiles, the deadlines from the chain's current settlement
 * periods, the CID of the patient's encrypted reason note (public on chain) and, for the two parties only, the
 * doctor's rejection reason. Reading the reason itself means fetching and decrypting that note: its key is
 * served (and the read audited) by the document-keys component.
 */
import type { AppointmentView } from '@api';
import { doctorSummaries, formalDoctorName } from '../../doctors';
import { findPatientNames } from '../../patients';
import type { AppointmentRecord } from '../data-access/appointment-store';
import type { SettlementPeriods } from '../data-access/chain-appointments';
import { findNotes } from '../data-access/note-store';
import { isParty } from './appointment-parties';

const iso = (date: Date) => date.toISOString();
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

function deadlines(appointment: AppointmentRecord, periods: SettlementPeriods) {
  return {
    ...(appointment.status === 'accepted' && {
      closingDeadline: iso(plus(appointment.slotEnd, periods.closingGracePeriod)),
    }),
    ...(appointment.status === 'no-show' &&
      !appointment.feeSettled && { disputeDeadline: iso(plus(appointment.updatedAt, periods.disputePeriod)) }),
  };
}

/** The views of `appointments` as `reader` may see them (the rejection reason only to the two parties). */
export async function toAppointmentViews(
  appointments: AppointmentRecord[],
  reader: string,
  periods: SettlementPeriods,
): Promise<AppointmentView[]> {
  const patients = [...new Set(appointments.map((appointment) => appointment.patient))];
  const doctors = [...new Set(appointments.map((appointment) => appointment.doctor))];
  const readable = appointments.filter((appointment) => isParty(appointment, reader)).map(({ id }) => id);
  const [patientNames, doctorNames, notes] = await Promise.all([
    findPatientNames(patients),
    doctorSummaries(doctors),
    findNotes(readable),
  ]);
  return appointments.map((appointment) => {
    const patientName = patientNames.get(appointment.patient);
    const doctorName = doctorNames.get(appointment.doctor)?.displayName;
    const note = notes.get(appointment.id);
    return {
      id: appointment.id,
      patient: appointment.patient,
      doctor: appointment.doctor,
      ...(patientName && { patientName: `${patientName.firstName} ${patientName.lastName}` }),
      ...(doctorName && { doctorName: formalDoctorName(doctorName) }),
      status: appointment.status,
      slot: iso(appointment.slot),
      slotEnd: iso(appointment.slotEnd),
      duration: appointment.duration,
      feeWei: appointment.feeWei,
      feeSettled: appointment.feeSettled,
      requestedAt: iso(appointment.requestedAt),
      ...(appointment.acceptedAt && { acceptedAt: iso(appointment.acceptedAt) }),
      updatedAt: iso(appointment.updatedAt),
      ...deadlines(appointment, periods),
      ...(appointment.reasonCid && { reasonCid: appointment.reasonCid }),
      ...(note?.rejectionReason !== undefined && { rejectionReason: note.rejectionReason }),
      history: appointment.history.map((entry) => ({
        kind: entry.kind,
        status: entry.status,
        by: entry.by,
        at: iso(entry.at),
        txHash: entry.txHash,
        ...(entry.previousSlot && { previousSlot: iso(entry.previousSlot) }),
      })),
      payments: appointment.payments.map((payment) => ({
        kind: payment.kind,
        ...(payment.payee && { payee: payment.payee }),
        amountWei: payment.amountWei,
        at: iso(payment.at),
        txHash: payment.txHash,
      })),
    };
  });
}
