/**
 * What erasure (crypto-shredding) removes here: the patient's document keys wrapped for the clinic key, so
 * no admin can re-wrap them again. The keys re-wrapped for doctors live in the document-keys store and go
 * with it. Kept, on purpose: the justifications and reviews of emergency accesses. They are the legal record
 * of who opened the record without consent and why (the same reason the access log stays: GDPR Art.
 * 17(3)(b) and (e), HIPAA's six-year retention of access records); they are the doctor's and admins' words,
 * not the patient's profile. The read model of openings is rebuilt from the chain anyway.
 */
import { deleteEmergencyDocumentKeys } from '../data-access/emergency-document-key-store';

export interface EmergencyErasure {
  clinicWrappedKeysDeleted: number;
}

export async function eraseEmergencyData(patient: string): Promise<EmergencyErasure> {
  return { clinicWrappedKeysDeleted: await deleteEmergencyDocumentKeys(patient) };
}
