/** GET /api/records: a patient's entries, newest first, for those the chain lets read them. */
import type { RecordEntry, RecordsPage, RecordsQuery } from '@api';
import { findCidsInRecord, findRecordsOfPatient, type RecordEntryRecord } from '../data-access/record-store';
import { assertMayReadRecords, type RecordsChain } from './records-access';

const toEntry = (record: RecordEntryRecord): RecordEntry => ({
  id: record.id,
  patient: record.patient,
  author: record.author,
  kind: record.kind,
  cid: record.cid,
  contentHash: record.contentHash,
  amends: record.amends,
  amendedBy: record.amendedBy,
  createdAt: record.createdAt.toISOString(),
  txHash: record.txHash,
});

export async function listRecords(chain: RecordsChain, reader: string, query: RecordsQuery): Promise<RecordsPage> {
  await assertMayReadRecords(chain, reader, query.patient, 'records.list');
  const { items, total } = await findRecordsOfPatient(query);
  return { items: items.map(toEntry), total };
}

/**
 * The patient's whole record list, newest first (at most `limit` entries), WITHOUT an access check: for
 * another component that has decided and logged the read itself (emergency access).
 */
export async function recordEntriesOf(patient: string, limit = 500): Promise<RecordEntry[]> {
  const { items } = await findRecordsOfPatient({ patient, offset: 0, limit });
  return items.map(toEntry);
}

/** The CIDs among `cids` that are NOT in `patient`'s record. */
export async function cidsOutsideRecord(patient: string, cids: string[]): Promise<string[]> {
  const inRecord = await findCidsInRecord(patient, cids);
  return cids.filter((cid) => !inRecord.has(cid));
}
