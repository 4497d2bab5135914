/**
 * Erasure (components/erasure): the patient's CIDs, then every key that could open them destroyed: the
 * wrapped document keys of every reader, the recovery wraps and registration, the published public key.
 */
import { deletePatientDocuments, findPatientDocuments } from '../data-access/document-key-store';
import { deletePublishedKey } from '../data-access/published-key-store';
import { deleteRecoveryOf } from '../data-access/recovery-store';

/** The CIDs of every document bound to `patient`. */
export async function documentKeyCidsOf(patient: string): Promise<string[]> {
  return (await findPatientDocuments(patient)).map((document) => document.cid);
}

export async function eraseDocumentKeysData(patient: string): Promise<void> {
  await deletePatientDocuments(patient);
  await deleteRecoveryOf(patient);
  await deletePublishedKey(patient);
}
