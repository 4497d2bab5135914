/**
 * Keys stored for one reader by another component that decided the write itself (emergency access: an
 * admin's browser re-wrapped a patient's document keys for the doctor whose break-glass window is open).
 * The document is bound to `patient` on its first write, as every write here binds it; a CID bound to
 * another patient is refused. Serving the keys still goes through the grounds of access-grounds.ts.
 */
import { AppError } from '../../../libraries/errors';
import { bindDocument, saveDocumentKeys } from '../data-access/document-key-store';
import { accountOf } from './document-keys-context';

export async function storeKeysForReader(
  patient: string,
  reader: string,
  keys: readonly { cid: string; wrappedKey: string }[],
): Promise<void> {
  const at = new Date();
  const owner = accountOf(patient);
  for (const { cid } of keys) {
    if ((await bindDocument(cid, owner, at)) !== owner) {
      throw new AppError(409, 'DOCUMENT_PATIENT_MISMATCH', `keys: document ${cid} belongs to another patient`);
    }
  }
  for (const { cid, wrappedKey } of keys) {
    await saveDocumentKeys(cid, { wrappedKeys: { [accountOf(reader)]: wrappedKey } }, at);
  }
}
