/**
 * Recomputes the whole chain from entry 1: every seq must follow the previous one (a gap is a deleted
 * entry), every prevHash must be the previous entry's hash, every hash must match the entry's fields.
 * The first entry that fails is named. Deleting the newest entries cannot be seen from the log alone:
 * that needs the head anchored on chain (not built yet).
 */
import type { AuditVerification } from '@api';
import { streamChain } from '../data-access/audit-store';
import { entryHash, GENESIS_HASH } from './audit-hash';

export async function verifyChain(): Promise<AuditVerification> {
  let entries = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for await (const entry of streamChain()) {
    entries += 1;
    const { hash, ...unhashed } = entry;
    const broken = (reason: string, firstBrokenSeq = entry.seq) => ({ ok: false, entries, firstBrokenSeq, reason });
    if (entry.seq !== expectedSeq) {
      return broken(`entry ${expectedSeq} is missing (the next entry is ${entry.seq})`, expectedSeq);
    }
    if (entry.prevHash !== prevHash) return broken(`entry ${entry.seq} does not chain onto entry ${entry.seq - 1}`);
    if (entryHash(unhashed) !== hash)
      return broken(`entry ${entry.seq} was altered: its hash does not match its fields`);
    expectedSeq += 1;
    prevHash = hash;
  }
  return { ok: true, entries };
}
