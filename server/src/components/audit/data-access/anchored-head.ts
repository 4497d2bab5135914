/**
 * The access log's head on chain (Anchoring's audit head): reading the latest one anchored, and
 * anchoring a new one with the audit anchorer's key. Hashes are plain hex here, as the log stores them.
 */
import { ZeroAddress, getAddress } from 'ethers';
import type { Anchoring } from '@contracts/types';

export interface AnchoredHead {
  seq: number;
  /** sha256 hex of entry `seq`, without 0x. */
  hash: string;
  at: Date;
}

/** Ganache 7.9 can hang on eth_estimateGas: the anchoring transaction names its gas (~70,000 used at most). */
const ANCHOR_GAS = { gasLimit: 150_000 };

/** The latest head anchored, or null before the first. */
export async function readAnchoredHead(anchoring: Anchoring): Promise<AnchoredHead | null> {
  const [seq, head, anchoredAt] = await anchoring.latestAuditHead();
  if (seq === 0n) return null;
  return { seq: Number(seq), hash: head.slice(2), at: new Date(Number(anchoredAt) * 1000) };
}

/** The account allowed to anchor, or null when the admins named nobody. */
export async function readAuditAnchorer(anchoring: Anchoring): Promise<string | null> {
  const anchorer = await anchoring.auditAnchorer();
  return anchorer === ZeroAddress ? null : getAddress(anchorer);
}

/** Anchors entry `seq`'s hash; `anchoring` must be connected to the anchorer's wallet. Resolves once mined. */
export async function writeAnchoredHead(anchoring: Anchoring, seq: number, hash: string): Promise<string> {
  const tx = await anchoring.anchorAuditHead(seq, `0x${hash}`, ANCHOR_GAS);
  await tx.wait();
  return tx.hash;
}
