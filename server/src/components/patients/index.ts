/** Patients read model (minimal for now: registrations from chain events). */
export { recordPatientRegistered, clearPatientReadModel } from './domain/patient-events';
export { findPatient, type PatientRecord } from './data-access/patient-store';
