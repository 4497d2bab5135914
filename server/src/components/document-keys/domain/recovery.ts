/**
 * Recovery: a patient registers the public and signing keys of a printed recovery code (signed by their
 * wallet); every document key is then also wrapped for the recovery public key. A new wallet that proves it
 * holds the code (an Ed25519 signature over recoveryClaimMessage naming the patient, itself and this chain)
 * gets those recovery wraps and, from then on, may store and read its own wrapped keys of the patient's
 * documents (the 'recovery claim' serving ground). Every claim, proven or not, is in the patient's access log.
 */
import {
  recoveryClaimMessage,
  recoveryKeyMessage,
  type RecoveryClaim,
  type RecoveryKeyBody,
  type RecoveryKeyView,
} from '@api';
import { AppError, forbidden, notFound } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { findRecoveryWraps } from '../data-access/document-key-store';
import {
  findRecoveryKey,
  saveRecoveryClaim,
  saveRecoveryKey,
  type RecoveryKeyRecord,
} from '../data-access/recovery-store';
import { accountOf, type DocumentKeysContext } from './document-keys-context';
import { isEd25519Signature, isWalletSignature } from './signed-statements';

const toView = (record: RecoveryKeyRecord): RecoveryKeyView => ({
  address: record.address,
  publicKey: record.publicKey,
  signingKey: record.signingKey,
  chainId: record.chainId,
  signature: record.signature,
  registeredAt: record.registeredAt.toISOString(),
});

export const recoveryKeyNotSet = (patient: string) =>
  notFound(`${patient} has not registered a recovery key`, 'RECOVERY_KEY_NOT_SET');

async function requirePatient(context: DocumentKeysContext, account: string): Promise<void> {
  if (!(await context.roles.isPatient(account))) {
    throw forbidden('Only patients register a recovery key', 'PATIENT_ONLY');
  }
}

/** PUT /api/keys/me/recovery */
export async function registerRecoveryKey(
  context: DocumentKeysContext,
  caller: string,
  body: RecoveryKeyBody,
): Promise<RecoveryKeyView> {
  const address = accountOf(caller);
  await requirePatient(context, address);
  const message = recoveryKeyMessage(body.publicKey, body.signingKey, address, context.chainId);
  if (!isWalletSignature(message, body.signature, address)) {
    throw new AppError(
      400,
      'KEY_SIGNATURE_INVALID',
      `signature: not this account's wallet signature over the recovery-key statement for chain ${context.chainId}`,
    );
  }
  const record = { address, ...body, chainId: context.chainId, registeredAt: new Date() };
  await saveRecoveryKey(record);
  return toView(record);
}

/** GET /api/keys/me/recovery */
export async function readRecoveryKey(context: DocumentKeysContext, caller: string): Promise<RecoveryKeyView> {
  const address = accountOf(caller);
  await requirePatient(context, address);
  const record = await findRecoveryKey(address);
  if (!record) throw recoveryKeyNotSet(address);
  return toView(record);
}

/** POST /api/keys/recovery/:address/claim */
export async function claimRecovery(
  context: DocumentKeysContext,
  caller: string,
  patientAddress: string,
  proof: string,
): Promise<RecoveryClaim> {
  const [patient, claimant] = [accountOf(patientAddress), accountOf(caller)];
  const recoveryKey = await findRecoveryKey(patient);
  if (!recoveryKey) throw recoveryKeyNotSet(patient);

  const message = recoveryClaimMessage(patient, claimant, context.chainId);
  const report = { actor: claimant, patient, what: 'document.recovery' } as const;
  if (!isEd25519Signature(message, proof, recoveryKey.signingKey)) {
    await recordAccess({ ...report, outcome: 'denied', why: 'invalid recovery proof' });
    throw forbidden(
      'proof: not a signature of this recovery claim by the registered recovery code',
      'RECOVERY_PROOF_INVALID',
    );
  }
  await saveRecoveryClaim({ patient, claimant, claimedAt: new Date() });
  await recordAccess({ ...report, outcome: 'allowed', why: 'recovery code' });
  return { patient, items: await findRecoveryWraps(patient, recoveryKey.publicKey) };
}
