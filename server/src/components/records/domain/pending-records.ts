/**
 * Uploads pinned to IPFS but not anchored yet, kept so the author can retry the anchoring transaction
 * (or discard the upload) instead of leaving the pin silently orphaned. Only someone the Records
 * contract would let anchor the upload may note it, checked on the chain as the contract checks it:
 * the patient themselves (a registered patient, and only the kinds patients may add), or a doctor for
 * whom Consent.hasAccess(patient, doctor) holds right now.
 */
import {
  PATIENT_RECORD_KINDS,
  type PendingRecord,
  type PendingRecordBody,
  type PendingRecords,
  type RecordKind,
} from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import {
  deletePendingRecord,
  findPendingOfAuthor,
  savePendingRecord,
  type PendingRecordRecord,
} from '../data-access/pending-record-store';
import { recordsNoAccess, sameAccount, type RecordsChain } from './records-access';

const toView = (record: PendingRecordRecord): PendingRecord => ({
  patient: record.patient,
  author: record.author,
  kind: record.kind,
  cid: record.cid,
  contentHash: record.contentHash,
  amends: record.amends,
  pinnedAt: record.pinnedAt.toISOString(),
});

const isPatientKind = (kind: RecordKind) => (PATIENT_RECORD_KINDS as readonly RecordKind[]).includes(kind);

async function assertMayAnchor(chain: RecordsChain, author: string, body: PendingRecordBody): Promise<void> {
  if (sameAccount(author, body.patient)) {
    if (!isPatientKind(body.kind)) {
      throw forbidden(
        `Patients may add ${PATIENT_RECORD_KINDS.join(', ')}; a ${body.kind} comes from a doctor`,
        'RECORD_KIND_NOT_ALLOWED',
      );
    }
    if (!(await chain.registry.isPatient(author))) throw recordsNoAccess();
    return;
  }
  if (!(await chain.consent.hasAccess(body.patient, author))) throw recordsNoAccess();
}

/** POST /api/records/pending: the signed-in author notes an upload they are about to anchor. */
export async function notePendingRecord(
  chain: RecordsChain,
  author: string,
  body: PendingRecordBody,
): Promise<PendingRecord> {
  await assertMayAnchor(chain, author, body);
  const stored = await savePendingRecord({
    patient: body.patient,
    author,
    kind: body.kind,
    cid: body.cid,
    contentHash: body.contentHash,
    amends: body.amends ?? null,
    pinnedAt: new Date(),
  });
  return toView(stored);
}

/** GET /api/records/pending: the author's own, oldest first. */
export async function listPendingRecords(author: string): Promise<PendingRecords> {
  return { items: (await findPendingOfAuthor(author)).map(toView) };
}

/** DELETE /api/records/pending/:cid: only the author's own entry; anybody else's is as good as absent. */
export async function discardPendingRecord(author: string, cid: string): Promise<void> {
  if (!(await deletePendingRecord(cid, author))) {
    throw notFound(`You have no pending upload ${cid}`, 'PENDING_RECORD_NOT_FOUND');
  }
}
