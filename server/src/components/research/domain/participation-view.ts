/**
 * A patient's own research opt-in, read from the chain (the truth; the read model may lag it). An erased
 * account is never exported again (erasedOnChain), so its opt-in is not live whatever the contract keeps.
 */
import type { Erasure, ResearchSharing } from '@contracts/types';
import { scopeNames, type ResearchParticipation } from '@api';

export async function readParticipation(
  researchSharing: ResearchSharing,
  erasure: Pick<Erasure, 'erasedAtBlock'>,
  patient: string,
): Promise<ResearchParticipation> {
  const [latest, live, erasedAtBlock] = await Promise.all([
    researchSharing.participation(patient),
    researchSharing.liveScope(patient),
    erasure.erasedAtBlock(patient),
  ]);
  const endedByErasure = erasedAtBlock > 0n;
  const scope = Number(latest.scope);
  return {
    patient,
    scope,
    scopes: scopeNames(scope),
    expiresAt: scope === 0 ? null : new Date(Number(latest.expiresAt) * 1000).toISOString(),
    live: Number(live) !== 0 && !endedByErasure,
    endedByErasure,
  };
}
