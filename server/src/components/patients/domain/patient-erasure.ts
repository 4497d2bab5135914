/**
 * Erasure (components/erasure): the profile and the registration row go. The access log stays: it is
 * the legal record of who read what (docs/decisions/0020-erasure-by-crypto-shredding.md).
 */
import { deletePatient } from '../data-access/patient-store';
import { deleteProfile } from '../data-access/profile-store';

export async function erasePatientData(patient: string): Promise<void> {
  await deleteProfile(patient);
  await deletePatient(patient);
}
