/** Erasure (components/erasure): the patient's reports and every transaction record that names them. */
import { deleteSubmissionsFrom } from '../data-access/submission-store';
import { deleteTransactionsNaming } from '../data-access/transaction-store';

export async function eraseTransactionsData(patient: string): Promise<void> {
  await deleteSubmissionsFrom(patient);
  await deleteTransactionsNaming(patient);
}
