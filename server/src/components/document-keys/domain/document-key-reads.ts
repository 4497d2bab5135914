/**
 * Serving wrapped keys. The patient always gets their own; anyone else gets theirs only while a ground of
 * access-grounds.ts holds (asked at request time, so a revocation stops the next read) and only if a key is
 * stored for them. Every read by someone other than the patient, served or refused, is written to the
 * patient's access log before anything is answered.
 */
import type { DocumentKey, PatientDocumentKeys } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { findDocumentKeys, findPatientDocuments } from '../data-access/document-key-store';
import { accessGround } from './access-grounds';
import { accountOf, type DocumentKeysContext } from './document-keys-context';

export const documentKeyNotFound = (cid: string) =>
  notFound(`No key of document ${cid} is stored for you`, 'DOCUMENT_KEY_NOT_FOUND');

/** GET /api/documents/:cid/key */
export async function serveDocumentKey(
  context: DocumentKeysContext,
  caller: string,
  cid: string,
): Promise<DocumentKey> {
  const reader = accountOf(caller);
  const document = await findDocumentKeys(cid);
  if (!document) throw documentKeyNotFound(cid);
  const wrappedKey = document.wrappedKeys[reader];
  const served = { cid, patient: document.patient, recipient: reader, wrappedKey };
  if (reader === document.patient) {
    if (!wrappedKey) throw documentKeyNotFound(cid);
    return served;
  }

  const report = { actor: reader, patient: document.patient, what: 'document.key' } as const;
  const ground = await accessGround({ context, document, reader });
  if (!ground) {
    await recordAccess({ ...report, outcome: 'denied', why: 'no access' });
    throw forbidden(`You have no current access to ${document.patient}'s documents`, 'DOCUMENT_NO_ACCESS');
  }
  if (!wrappedKey) {
    await recordAccess({ ...report, outcome: 'denied', why: 'not shared' });
    throw documentKeyNotFound(cid);
  }
  // A booking reason read on the appointment's ground is logged as what it is: the appointment's reason.
  const what = ground.startsWith('appointment #') ? 'appointment.reason' : report.what;
  await recordAccess({ ...report, what, outcome: 'allowed', why: ground });
  return served;
}

/** GET /api/documents/keys?patient: the patient's own documents, their own key, and who else holds one. */
export async function listPatientDocumentKeys(caller: string, patientAddress: string): Promise<PatientDocumentKeys> {
  const patient = accountOf(patientAddress);
  if (accountOf(caller) !== patient) throw forbidden("Only the patient may list their documents' keys", 'PATIENT_ONLY');
  const documents = await findPatientDocuments(patient);
  return {
    items: documents
      .filter((document) => document.wrappedKeys[patient] !== undefined)
      .map((document) => ({
        cid: document.cid,
        sharing: document.sharing,
        wrappedKey: document.wrappedKeys[patient],
        recipients: Object.keys(document.wrappedKeys).filter((reader) => reader !== patient),
        hasRecoveryWrap: document.recoveryWrappedKey !== undefined,
      })),
  };
}
