/**
 * How EmergencyAccess events change this component's read models. Called by the indexer in log order,
 * possibly more than once for the same log: every write is keyed or guarded by the event's position.
 * A rebuild forgets the read models only; justifications, reviews and wrapped keys are not the chain's.
 */
import type { LogPosition } from '../../../libraries/chain';
import { deleteAllAccesses, saveEndedAccess, saveOpenedAccess } from '../data-access/emergency-access-store';
import { applyState, CLINIC_KEY_STATE, deleteAllState, sharingStateKey } from '../data-access/emergency-state-store';

/** block * 1e5 + log index: orders events (as the consent and doctors read models do). */
const positionOf = (at: LogPosition) => at.blockNumber * 100_000 + at.logIndex;

/** The id an access keeps across rebuilds and that reviews refer to. */
export const accessIdOf = (at: LogPosition) => `${at.transactionHash.toLowerCase()}-${at.logIndex}`;

export async function recordEmergencyAccessOpened(
  event: { patient: string; doctor: string; commitment: string; expiresAt: bigint; doctorUseCount: bigint },
  at: LogPosition,
): Promise<void> {
  await saveOpenedAccess({
    id: accessIdOf(at),
    patient: event.patient,
    doctor: event.doctor,
    commitment: event.commitment.toLowerCase(),
    openedAt: at.timestamp,
    expiresAt: new Date(Number(event.expiresAt) * 1000),
    doctorUseCount: Number(event.doctorUseCount),
    position: positionOf(at),
    txHash: at.transactionHash,
  });
}

export async function recordEmergencyAccessEnded(
  event: { patient: string; doctor: string; by: string },
  at: LogPosition,
): Promise<void> {
  await saveEndedAccess(
    { patient: event.patient, doctor: event.doctor },
    { position: positionOf(at), at: at.timestamp, by: event.by },
  );
}

export async function recordEmergencySharingChanged(
  event: { patient: string; enabled: boolean },
  at: LogPosition,
): Promise<void> {
  await applyState(sharingStateKey(event.patient), positionOf(at), at.timestamp, { enabled: event.enabled });
}

export async function recordEmergencyKeyChanged(
  event: { admin: string; publicKey: string },
  at: LogPosition,
): Promise<void> {
  await applyState(CLINIC_KEY_STATE, positionOf(at), at.timestamp, {
    publicKey: event.publicKey.toLowerCase(),
    setBy: event.admin,
  });
}

export async function clearEmergencyReadModel(): Promise<void> {
  await Promise.all([deleteAllAccesses(), deleteAllState()]);
}
