/**
 * How Records events change the records read model and the pending uploads. Called by the indexer
 * (records-events.ts), in log order, possibly more than once for the same log: saveRecordEntry keeps
 * one document per entry id, and a pending upload already removed stays removed.
 */
import { RECORD_KINDS, type RecordKind } from '@api';
import type { LogPosition } from '../../../libraries/chain';
import { deletePendingRecord } from '../data-access/pending-record-store';
import { deleteAllRecordEntries, saveRecordEntry } from '../data-access/record-store';

export interface RecordAdded {
  id: bigint;
  patient: string;
  author: string;
  /** Records.Kind as the chain numbers it. */
  kind: bigint;
  cid: string;
  contentHash: string;
  /** 0 = an original. */
  amends: bigint;
}

export function recordKindFromChain(value: bigint | number): RecordKind {
  const kind = RECORD_KINDS[Number(value)];
  if (!kind) throw new Error(`Unknown Records.Kind ${value} from the Records contract`);
  return kind;
}

/** RecordAdded: the entry joins the patient's record, and its author's pending upload of that CID is done. */
export async function recordAdded(event: RecordAdded, at: LogPosition): Promise<void> {
  await saveRecordEntry({
    id: Number(event.id),
    patient: event.patient,
    author: event.author,
    kind: recordKindFromChain(event.kind),
    cid: event.cid,
    contentHash: event.contentHash.toLowerCase(),
    amends: event.amends === 0n ? null : Number(event.amends),
    createdAt: at.timestamp,
    txHash: at.transactionHash,
    logIndex: at.logIndex,
    blockNumber: at.blockNumber,
  });
  await deletePendingRecord(event.cid, event.author);
}

/**
 * Forgets every entry before a rebuild from the deployment block. Pending uploads are kept: they are
 * what people pinned, not an index of the chain, and the rebuild removes again those that were anchored.
 */
export async function clearRecordsReadModel(): Promise<void> {
  await deleteAllRecordEntries();
}
