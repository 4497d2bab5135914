/** What the chain keeps of a patient after an erasure: the events naming them, counted (never erasable). */
import type { Appointments, Consent, Records } from '@contracts/types';

export interface RemainsContracts {
  records: Records;
  appointments: Appointments;
  consent: Consent;
}

export async function countChainEvents(
  contracts: RemainsContracts,
  patient: string,
): Promise<{ recordPointers: number; appointmentEvents: number; consentEvents: number }> {
  const { records, appointments, consent } = contracts;
  const counts = await Promise.all([
    records.queryFilter(records.filters.RecordAdded(undefined, patient)),
    appointments.queryFilter(appointments.filters.AppointmentRequested(undefined, patient)),
    appointments.queryFilter(appointments.filters.AppointmentStatusChanged(undefined, patient)),
    appointments.queryFilter(appointments.filters.AppointmentRescheduled(undefined, patient)),
    consent.queryFilter(consent.filters.AccessGranted(patient)),
    consent.queryFilter(consent.filters.AccessRevoked(patient)),
    consent.queryFilter(consent.filters.AppointmentAccessUpdated(patient)),
  ]).then((results) => results.map((logs) => logs.length));
  const [recordPointers, requested, statuses, rescheduled, granted, revoked, appointmentAccess] = counts;
  return {
    recordPointers,
    appointmentEvents: requested + statuses + rescheduled,
    consentEvents: granted + revoked + appointmentAccess,
  };
}
