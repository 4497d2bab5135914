import { deleteAllPatients, insertPatientOnce } from '../data-access/patient-store';

/** PatientRegistered → the patient exists from that block on. */
export async function recordPatientRegistered(
  event: { patient: string },
  at: { blockNumber: number; timestamp: Date },
): Promise<void> {
  await insertPatientOnce({ address: event.patient, registeredAt: at.timestamp, blockNumber: at.blockNumber });
}

/** Forgets every patient (chain reset). */
export async function clearPatientReadModel(): Promise<void> {
  await deleteAllPatients();
}
