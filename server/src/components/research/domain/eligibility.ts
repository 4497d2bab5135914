/**
 * Who an export may include: a patient whose opt-in is live (a scope, and an expiry after the chain's
 * latest block time) both in the read model and in the contract's own answer at export time, and who is
 * not erased. Pure: the caller reads the chain and passes the answers in.
 */

/** A participation as the read model holds it. */
export interface ParticipationState {
  patient: string;
  scope: number;
  /** Unix seconds; 0 without an opt-in. */
  expiresAt: number;
}

export const isLive = (participation: ParticipationState, blockTime: number): boolean =>
  participation.scope !== 0 && participation.expiresAt > blockTime;

/**
 * The participants an export includes, each with the scope the chain reports live now (the read model
 * may lag the chain: a patient who just opted out is already out). `erased` is the erasure component's
 * answer: nobody it names is exported, whatever the chain still says.
 */
export function selectParticipants(
  candidates: readonly ParticipationState[],
  liveScopeOnChain: ReadonlyMap<string, number>,
  blockTime: number,
  erased: ReadonlySet<string>,
): { patient: string; scope: number }[] {
  return candidates
    .filter((candidate) => isLive(candidate, blockTime) && !erased.has(candidate.patient))
    .map((candidate) => ({ patient: candidate.patient, scope: liveScopeOnChain.get(candidate.patient) ?? 0 }))
    .filter((participant) => participant.scope !== 0);
}
