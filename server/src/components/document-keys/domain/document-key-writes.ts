/**
 * Storing wrapped keys and the patient's sharing choices. Who may write what:
 * - the patient (a registered one): keys for anyone, the sharing, the recovery wrap;
 * - a doctor with current access (Consent.hasAccess, live): their own key, and the patient's key only
 *   where none is stored yet (their note's first write), so a doctor can never replace the patient's key;
 * - a wallet with a recovery claim on the patient: its own key only.
 * The first write binds the cid to its patient; a later write naming another patient is refused.
 */
import type { DocumentSharing, StoreDocumentKeysBody } from '@api';
import { AppError, forbidden } from '../../../libraries/errors';
import {
  addDocumentKeyIfAbsent,
  bindDocument,
  findDocumentKeys,
  removeDocumentKey,
  saveDocumentKeys,
  saveSharing,
} from '../data-access/document-key-store';
import { findRecoveryKey, hasRecoveryClaim } from '../data-access/recovery-store';
import { documentKeyNotFound } from './document-key-reads';
import { accountOf, type DocumentKeysContext } from './document-keys-context';

type Writer = 'patient' | 'doctor' | 'recovered wallet';

const notAllowed = (message: string) => forbidden(message, 'DOCUMENT_KEYS_NOT_ALLOWED');

async function writerOf(context: DocumentKeysContext, writer: string, patient: string): Promise<Writer> {
  if (writer === patient) {
    if (await context.roles.isPatient(writer)) return 'patient';
    throw notAllowed('Only a registered patient stores keys of their documents');
  }
  if (await context.roles.hasAccess(patient, writer)) return 'doctor';
  if (await hasRecoveryClaim(patient, writer)) return 'recovered wallet';
  throw notAllowed(`You have no current access to ${patient}'s documents`);
}

/** PUT /api/documents/:cid/keys */
export async function storeDocumentKeys(
  context: DocumentKeysContext,
  caller: string,
  cid: string,
  body: StoreDocumentKeysBody,
): Promise<void> {
  const [writer, patient] = [accountOf(caller), body.patient];
  const role = await writerOf(context, writer, patient);
  const wrappedKeys = Object.fromEntries(body.keys.map(({ recipient, wrappedKey }) => [recipient, wrappedKey]));
  if (role !== 'patient') {
    const foreign = Object.keys(wrappedKeys).filter(
      (recipient) => recipient !== writer && !(role === 'doctor' && recipient === patient),
    );
    if (foreign.length > 0) {
      throw notAllowed(`keys: a ${role} stores keys for ${role === 'doctor' ? 'the patient and ' : ''}itself only`);
    }
    if (body.recoveryWrappedKey) throw notAllowed('recoveryWrappedKey: only the patient stores the recovery wrap');
  }
  const recoveryKey = body.recoveryWrappedKey ? await findRecoveryKey(patient) : null;
  if (body.recoveryWrappedKey && !recoveryKey) {
    throw new AppError(409, 'RECOVERY_KEY_NOT_SET', 'recoveryWrappedKey: register a recovery key first');
  }

  const at = new Date();
  const boundTo = await bindDocument(cid, patient, at);
  if (boundTo !== patient) {
    throw new AppError(409, 'DOCUMENT_PATIENT_MISMATCH', `Document ${cid} belongs to another patient`);
  }
  if (role === 'patient') {
    await saveDocumentKeys(
      cid,
      {
        wrappedKeys,
        sharing: body.sharing,
        recovery: recoveryKey ? { wrappedKey: body.recoveryWrappedKey!, publicKey: recoveryKey.publicKey } : undefined,
      },
      at,
    );
    return;
  }
  // A doctor's or recovered wallet's write leaves the sharing as the patient set it.
  const { [patient]: patientKey, ...own } = wrappedKeys;
  if (Object.keys(own).length > 0) await saveDocumentKeys(cid, { wrappedKeys: own }, at);
  if (patientKey) await addDocumentKeyIfAbsent(cid, patient, patientKey, at);
}

/** The patient's own document, for PATCH sharing and DELETE a key; 404 for anyone else's or an unknown cid. */
async function requireOwnDocument(context: DocumentKeysContext, caller: string, cid: string): Promise<string> {
  const patient = accountOf(caller);
  if (!(await context.roles.isPatient(patient))) {
    throw forbidden('Only the patient manages who reads their documents', 'PATIENT_ONLY');
  }
  const document = await findDocumentKeys(cid);
  if (!document || document.patient !== patient) throw documentKeyNotFound(cid);
  return patient;
}

/** PATCH /api/documents/:cid/sharing */
export async function setDocumentSharing(
  context: DocumentKeysContext,
  caller: string,
  cid: string,
  sharing: DocumentSharing,
): Promise<void> {
  await requireOwnDocument(context, caller, cid);
  await saveSharing(cid, sharing, new Date());
}

/** DELETE /api/documents/:cid/keys/:recipient: the reader's next GET is refused (their key is gone). */
export async function removeReader(
  context: DocumentKeysContext,
  caller: string,
  cid: string,
  recipient: string,
): Promise<void> {
  const patient = await requireOwnDocument(context, caller, cid);
  if (recipient === patient) {
    throw new AppError(400, 'DOCUMENT_OWN_KEY', "recipient: the patient's own key cannot be removed");
  }
  if (!(await removeDocumentKey(cid, recipient, new Date()))) throw documentKeyNotFound(cid);
}
