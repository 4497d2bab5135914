/** A patient's own research opt-in, read from the chain (the truth; the read model may lag it). */
import type { ResearchSharing } from '@contracts/types';
import { scopeNames, type ResearchParticipation } from '@api';

export async function readParticipation(
  researchSharing: ResearchSharing,
  patient: string,
): Promise<ResearchParticipation> {
  const [latest, live] = await Promise.all([
    researchSharing.participation(patient),
    researchSharing.liveScope(patient),
  ]);
  const scope = Number(latest.scope);
  return {
    patient,
    scope,
    scopes: scopeNames(scope),
    expiresAt: scope === 0 ? null : new Date(Number(latest.expiresAt) * 1000).toISOString(),
    live: Number(live) !== 0,
  };
}
