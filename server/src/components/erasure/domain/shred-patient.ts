/**
 * The shredding an erasure triggers, run by the indexer when it applies PatientErased: every holder's
 * CIDs are saved on the tombstone, every holder erases, then the CIDs are unpinned and the node's garbage
 * collected so their blocks are gone. Resumable: until the tombstone says shredded, a replay of the event
 * (after a crash) redoes every step; after that, a replay (a rebuild) does nothing, so what the patient
 * adds after the erasure is never erased by it.
 */
import type { KuboClient } from '../../ipfs';
import type { LogPosition } from '../../../libraries/chain';
import { markShredded, openTombstone, recordCids } from '../data-access/tombstone-store';
import { PERSONAL_DATA_HOLDERS, type PersonalDataHolder } from './personal-data-holders';

export interface PatientErasedEvent {
  patient: string;
  by: string;
  requestCommitment: string;
}

export async function shredPatient(
  event: PatientErasedEvent,
  at: LogPosition,
  ipfs: KuboClient | undefined,
  holders: readonly PersonalDataHolder[] = PERSONAL_DATA_HOLDERS,
): Promise<void> {
  const key = { transactionHash: at.transactionHash, logIndex: at.logIndex };
  const tombstone = await openTombstone({ ...key, ...event, blockNumber: at.blockNumber, erasedAt: at.timestamp });
  if (tombstone.shreddedAt) return;
  if (!ipfs) throw new Error('An erasure needs the IPFS client to remove the documents: none was given');

  const found = await Promise.all(holders.map((holder) => holder.documentsOf?.(event.patient) ?? Promise.resolve([])));
  const cids = await recordCids(key, found.flat());
  for (const holder of holders) await holder.erase(event.patient);
  for (const cid of cids) await ipfs.unpin(cid);
  if (cids.length > 0) await ipfs.collectGarbage();
  await markShredded(key, new Date());
}
