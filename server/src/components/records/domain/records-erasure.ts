/** Erasure (components/erasure): the patient's entries and pending uploads, and the CIDs they point to. */
import { deletePendingOf, findPendingCidsOf } from '../data-access/pending-record-store';
import { deleteRecordsOf, findRecordCidsOf } from '../data-access/record-store';

export async function recordCidsOf(patient: string): Promise<string[]> {
  return [...(await findRecordCidsOf(patient)), ...(await findPendingCidsOf(patient))];
}

export async function eraseRecordsData(patient: string): Promise<void> {
  await deletePendingOf(patient);
  await deleteRecordsOf(patient);
}
