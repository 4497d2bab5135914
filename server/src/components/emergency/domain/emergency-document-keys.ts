/**
 * Documents in an emergency, honest about the encryption. The server can open nothing: a patient who
 * opted in on chain (EmergencyAccess.emergencySharing) has their browser wrap their document keys for the
 * clinic's emergency key; during a doctor's live window an admin's browser fetches those wraps, opens them
 * with the clinic key (its own wrap of it) and re-wraps each document key for the doctor, which the
 * document-keys component then serves to the doctor only inside the window (its 'emergency access' ground).
 */
import type { z } from 'zod';
import type {
  ClinicWrappedDocumentKeys,
  EmergencyDocumentKeysBodySchema,
  EmergencyDocumentKeyStatus,
  RewrappedDocumentKeysBodySchema,
} from '@api';
import { AppError, forbidden } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { storeKeysForReader } from '../../document-keys';
import { cidsOutsideRecord } from '../../records';
import { findAccess, type EmergencyAccessRecord } from '../data-access/emergency-access-store';
import { findEmergencyDocumentKeys, saveEmergencyDocumentKeys } from '../data-access/emergency-document-key-store';
import { assertCurrentClinicKey, clinicKeyNotSet } from './clinic-key';
import { accountOf, assertAdmin, clinicKeyOnChain, type EmergencyChain } from './emergency-context';
import { accessNotFound } from './emergency-accesses';

const sharingOff = (patient: string) =>
  new AppError(409, 'EMERGENCY_SHARING_OFF', `${patient} has not opted in to emergency sharing of documents`);

async function assertOwnRecords(patient: string, cids: string[]): Promise<void> {
  const foreign = await cidsOutsideRecord(patient, cids);
  if (foreign.length > 0) {
    throw forbidden(`keys: not in ${patient}'s record: ${foreign.join(', ')}`, 'EMERGENCY_NOT_OWN_RECORD');
  }
}

/** PUT /api/emergency/documents/keys: the patient, sharing on, for the chain's clinic key. */
export async function storePatientEmergencyKeys(
  chain: EmergencyChain,
  caller: string,
  body: z.output<typeof EmergencyDocumentKeysBodySchema>,
): Promise<void> {
  const patient = accountOf(caller);
  if (!(await chain.registry.isPatient(patient))) {
    throw forbidden('Only a registered patient stores emergency wraps of their documents', 'PATIENT_ONLY');
  }
  if (!(await chain.emergency.emergencySharing(patient))) throw sharingOff(patient);
  const publicKey = await assertCurrentClinicKey(chain, body.publicKey);
  await assertOwnRecords(
    patient,
    body.keys.map((key) => key.cid),
  );
  const storedAt = new Date();
  await saveEmergencyDocumentKeys(
    body.keys.map(({ cid, wrappedKey }) => ({ patient, cid, publicKey, wrappedKey, storedAt })),
  );
}

/** GET /api/emergency/documents/keys?patient: the patient's own status. */
export async function patientEmergencyKeyStatus(
  chain: EmergencyChain,
  caller: string,
  patient: string,
): Promise<EmergencyDocumentKeyStatus> {
  if (accountOf(caller) !== patient) {
    throw forbidden('Only the patient may see their emergency sharing status', 'PATIENT_ONLY');
  }
  const [clinicKey, sharing, keys] = await Promise.all([
    clinicKeyOnChain(chain),
    chain.emergency.emergencySharing(patient),
    findEmergencyDocumentKeys(patient),
  ]);
  return { clinicKey, sharing, items: keys.map(({ cid, publicKey }) => ({ cid, publicKey })) };
}

/**
 * The access `id`, if it is the pair's open window right now (the chain's expiry is this opening's: a
 * later breakGlass or an early end makes it stale) and the patient's sharing is on; logs a refusal.
 */
async function liveSharedAccess(chain: EmergencyChain, admin: string, id: string): Promise<EmergencyAccessRecord> {
  const access = await findAccess(id);
  if (!access) throw accessNotFound(id);
  const [live, expiry, sharing] = await Promise.all([
    chain.emergency.hasEmergencyAccess(access.patient, access.doctor),
    chain.emergency.emergencyAccessExpiry(access.patient, access.doctor),
    chain.emergency.emergencySharing(access.patient),
  ]);
  const report = { actor: admin, patient: access.patient, what: 'document.emergency-keys' } as const;
  if (!live || Number(expiry) * 1000 !== access.expiresAt.getTime()) {
    await recordAccess({ ...report, outcome: 'denied', why: 'emergency access not open' });
    throw new AppError(409, 'EMERGENCY_NOT_LIVE', `Emergency access ${id} is not open now`);
  }
  if (!sharing) {
    await recordAccess({ ...report, outcome: 'denied', why: 'emergency sharing off' });
    throw sharingOff(access.patient);
  }
  return access;
}

/** GET /api/emergency/accesses/:id/document-keys (admins) */
export async function clinicWrappedKeysFor(
  chain: EmergencyChain,
  caller: string,
  id: string,
): Promise<ClinicWrappedDocumentKeys> {
  const admin = accountOf(caller);
  await assertAdmin(chain, admin, 're-wrap documents for an emergency access');
  const access = await liveSharedAccess(chain, admin, id);
  const publicKey = await clinicKeyOnChain(chain);
  if (!publicKey) throw clinicKeyNotSet();
  const keys = await findEmergencyDocumentKeys(access.patient, publicKey);
  await recordAccess({
    actor: admin,
    patient: access.patient,
    what: 'document.emergency-keys',
    outcome: 'allowed',
    why: `re-wrap for emergency access of ${access.doctor}`,
  });
  return {
    accessId: access.id,
    patient: access.patient,
    doctor: access.doctor,
    expiresAt: access.expiresAt.toISOString(),
    publicKey,
    items: keys.map(({ cid, wrappedKey }) => ({ cid, wrappedKey })),
  };
}

/** POST /api/emergency/accesses/:id/document-keys (admins): keys re-wrapped for the access's doctor. */
export async function storeRewrappedKeys(
  chain: EmergencyChain,
  caller: string,
  id: string,
  body: z.output<typeof RewrappedDocumentKeysBodySchema>,
): Promise<void> {
  const admin = accountOf(caller);
  await assertAdmin(chain, admin, 're-wrap documents for an emergency access');
  const access = await liveSharedAccess(chain, admin, id);
  await assertOwnRecords(
    access.patient,
    body.keys.map((key) => key.cid),
  );
  await storeKeysForReader(access.patient, access.doctor, body.keys);
}
