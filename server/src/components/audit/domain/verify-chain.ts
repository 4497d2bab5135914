/**
 * Recomputes the whole chain from entry 1: every seq must follow the previous one (a gap is a deleted
 * entry), every prevHash must be the previous entry's hash, every hash must match the entry's fields.
 * The first entry that fails is named. A log rewritten consistently (each hash recomputed after the
 * change) or cut at its newest entries passes those checks; the head anchored on chain catches it up
 * to the anchored seq: the stored entry there must still hash to what was anchored.
 */
import type { AuditVerification } from '@api';
import type { AnchoredHead } from '../data-access/anchored-head';
import { streamChain } from '../data-access/audit-store';
import { entryHash, GENESIS_HASH } from './audit-hash';

type ChainCheck = Omit<AuditVerification, 'anchoring'>;

export async function verifyChain(anchored: AnchoredHead | null): Promise<ChainCheck> {
  let entries = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let firstBreak: { firstBrokenSeq?: number; reason: string } | undefined;
  let anchoredEntryHash: string | undefined;
  // After a break the log is read on only as far as the anchored entry, to compare it too.
  for await (const entry of streamChain()) {
    entries += 1;
    const { hash, ...unhashed } = entry;
    const recomputed = entryHash(unhashed);
    const broken = (reason: string, firstBrokenSeq = entry.seq) => (firstBreak ??= { firstBrokenSeq, reason });
    if (entry.seq !== expectedSeq)
      broken(`entry ${expectedSeq} is missing (the next entry is ${entry.seq})`, expectedSeq);
    else if (entry.prevHash !== prevHash) broken(`entry ${entry.seq} does not chain onto entry ${entry.seq - 1}`);
    else if (recomputed !== hash) broken(`entry ${entry.seq} was altered: its hash does not match its fields`);
    if (entry.seq === anchored?.seq) anchoredEntryHash = recomputed;
    if (firstBreak && entry.seq >= (anchored?.seq ?? 0)) break;
    expectedSeq = entry.seq + 1;
    prevHash = hash;
  }
  if (!anchored) return { ok: !firstBreak, entries, ...firstBreak, anchored: null };

  const matches = anchoredEntryHash === anchored.hash;
  const anchoredView = { seq: anchored.seq, hash: anchored.hash, at: anchored.at.toISOString(), matches };
  if (!firstBreak && !matches) {
    // A consistent rewrite does not show which entry changed, only that one at or before the anchored seq did.
    firstBreak =
      anchoredEntryHash === undefined
        ? {
            firstBrokenSeq: anchored.seq,
            reason: `entry ${anchored.seq}, anchored on chain at ${anchoredView.at}, is missing: the newest entries were deleted`,
          }
        : {
            reason: `entry ${anchored.seq} no longer hashes to the head anchored on chain at ${anchoredView.at}: the log up to it was rewritten`,
          };
  }
  return { ok: !firstBreak, entries, ...firstBreak, anchored: anchoredView };
}
