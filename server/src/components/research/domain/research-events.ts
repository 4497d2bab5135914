/**
 * How ResearchSharing events change the research read models. Called by the indexer in log order,
 * possibly more than once for the same log (harmless: see applyParticipation and saveAnchor).
 */
import { deleteAllAnchors, saveAnchor } from '../data-access/anchor-store';
import { applyParticipation, deleteAllParticipations, deleteParticipationOf } from '../data-access/participation-store';

export interface ResearchEventPosition {
  blockNumber: number;
  logIndex: number;
  transactionHash: string;
  timestamp: Date;
}

const at = (position: ResearchEventPosition) => ({
  position: position.blockNumber * 100_000 + position.logIndex,
  transactionHash: position.transactionHash,
  timestamp: position.timestamp,
});

export async function recordOptedIn(
  event: { patient: string; scope: number; expiresAt: number },
  position: ResearchEventPosition,
): Promise<void> {
  await applyParticipation(event.patient, at(position), { scope: event.scope, expiresAt: event.expiresAt });
}

export async function recordOptedOut(event: { patient: string }, position: ResearchEventPosition): Promise<void> {
  await applyParticipation(event.patient, at(position), { scope: 0, expiresAt: 0 });
}

export async function recordExportAnchored(
  event: { exportId: number; exportHash: string; admin: string; patientCount: number; k: number; epsilonMilli: number },
  position: ResearchEventPosition,
): Promise<void> {
  await saveAnchor({
    ...event,
    transactionHash: position.transactionHash,
    logIndex: position.logIndex,
    blockNumber: position.blockNumber,
    anchoredAt: position.timestamp,
  });
}

/** Forgets both read models (chain reset or rebuild); the chain holds every event again. */
export async function clearResearchReadModels(): Promise<void> {
  await Promise.all([deleteAllParticipations(), deleteAllAnchors()]);
}

/**
 * For the erasure component: forgets what the research read models hold about `patient` (their
 * participation). Exports hold no link to a patient, and the access log stays (the legal record).
 */
export async function eraseResearchData(patient: string): Promise<void> {
  await deleteParticipationOf(patient);
}
