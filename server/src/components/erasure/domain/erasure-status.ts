/**
 * GET /api/erasure/status/:address: the patient's latest erasure from the chain (the truth), whether the
 * server has finished shredding (the tombstone), and what remains (or, before an erasure, would remain):
 * the chain's events naming the patient and the access-log entries, which no erasure removes.
 */
import type { Erasure, Registry } from '@contracts/types';
import type { ErasureStatus } from '@api';
import { forbidden } from '../../../libraries/errors';
import { countAuditEntriesOf } from '../../audit';
import { latestErasureOnChain } from '../data-access/chain-erasure';
import { countChainEvents, type RemainsContracts } from '../data-access/chain-remains';
import { findTombstone } from '../data-access/tombstone-store';

export interface ErasureStatusContext extends RemainsContracts {
  registry: Registry;
  erasure: Erasure;
}

export async function readErasureStatus(
  context: ErasureStatusContext,
  reader: string,
  patient: string,
): Promise<ErasureStatus> {
  if (reader !== patient && !(await context.registry.isAdmin(reader))) {
    throw forbidden("Only the patient and admins may read a patient's erasure status", 'ERASURE_NOT_ALLOWED');
  }
  const [onChain, chainEvents, accessLogEntries] = await Promise.all([
    latestErasureOnChain(context.erasure, patient),
    countChainEvents(context, patient),
    countAuditEntriesOf(patient),
  ]);
  const remains = { ...chainEvents, accessLogEntries };
  if (!onChain) {
    return {
      patient,
      erased: false,
      erasedAt: null,
      erasedBy: null,
      byAdmin: false,
      blockNumber: null,
      transactionHash: null,
      shredded: false,
      shreddedAt: null,
      documentsRemoved: 0,
      remains,
    };
  }
  const tombstone = await findTombstone(patient, onChain.blockNumber);
  return {
    patient,
    erased: true,
    erasedAt: onChain.erasedAt.toISOString(),
    erasedBy: onChain.by,
    byAdmin: onChain.by !== patient,
    blockNumber: onChain.blockNumber,
    transactionHash: onChain.transactionHash,
    shredded: Boolean(tombstone?.shreddedAt),
    shreddedAt: tombstone?.shreddedAt?.toISOString() ?? null,
    documentsRemoved: tombstone?.cids.length ?? 0,
    remains,
  };
}
