/** GET /api/records: a patient's entries, newest first, for those the chain lets read them. */
import type { RecordEntry, RecordsPage, RecordsQuery } from '@api';
import { findRecordsOfPatient, type RecordEntryRecord } from '../data-access/record-store';
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
