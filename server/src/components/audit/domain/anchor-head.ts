/**
 * One anchoring step: put the access log's current head on chain when it moved past the head
 * anchored last. The chain, not this process, remembers the last anchored seq, so a restart (or a
 * second server) never re-sends a head the chain already has.
 */
import type { Anchoring } from '@contracts/types';
import { findHead } from '../data-access/audit-store';
import { readAnchoredHead, readAuditAnchorer, writeAnchoredHead } from '../data-access/anchored-head';

export type AnchorOutcome =
  | { status: 'anchored'; seq: number; hash: string; txHash: string }
  /** Nothing new since the head on chain (or the log is empty): no transaction. */
  | { status: 'unchanged'; seq: number }
  /** The configured key is not the chain's audit anchorer: an admin must call setAuditAnchorer. */
  | { status: 'not-anchorer'; anchorer: string | null };

/** `anchoring` is connected to the anchorer's wallet, whose address is `signer`. */
export async function anchorHeadIfMoved(anchoring: Anchoring, signer: string): Promise<AnchorOutcome> {
  const [head, anchored] = await Promise.all([findHead(), readAnchoredHead(anchoring)]);
  const anchoredSeq = anchored?.seq ?? 0;
  if (!head || head.seq <= anchoredSeq) return { status: 'unchanged', seq: anchoredSeq };
  const anchorer = await readAuditAnchorer(anchoring);
  if (anchorer !== signer) return { status: 'not-anchorer', anchorer };
  const txHash = await writeAnchoredHead(anchoring, head.seq, head.hash);
  return { status: 'anchored', seq: head.seq, hash: head.hash, txHash };
}
