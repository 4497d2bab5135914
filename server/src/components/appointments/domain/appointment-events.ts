/**
 * How Appointments events change the appointments read model. Called by the indexer in log order, possibly
 * more than once for the same log (see appointment-store.ts for why that is harmless); each change that
 * was applied is then published to the open streams. Withdrawn concerns an account, not an appointment:
 * not handled here.
 */
import type { LogPosition } from '../../../libraries/chain';
import {
  applyAppointmentChange,
  deleteAllAppointments,
  findAppointment,
  insertRequestedAppointment,
  type AppointmentChangeSet,
  type ListedStatus,
} from '../data-access/appointment-store';
import { publishAppointmentChange } from './appointment-changes';

const positionOf = (at: LogPosition) => at.blockNumber * 100_000 + at.logIndex;
const instant = (seconds: bigint) => new Date(Number(seconds) * 1000);

/** Statuses the contract enters while releasing the fee (`_release`), even when there was none to release. */
const SETTLING_STATUSES = new Set<ListedStatus>(['rejected', 'cancelled', 'completed', 'expired', 'refunded']);

export async function recordAppointmentRequested(
  event: {
    id: bigint;
    patient: string;
    doctor: string;
    slot: bigint;
    fee: bigint;
    duration: number;
    reasonCid: string;
  },
  at: LogPosition,
): Promise<void> {
  const position = positionOf(at);
  const slot = instant(event.slot);
  const inserted = await insertRequestedAppointment({
    id: event.id.toString(),
    patient: event.patient,
    doctor: event.doctor,
    status: 'requested',
    slot,
    slotEnd: new Date(slot.getTime() + event.duration * 1000),
    duration: event.duration,
    feeWei: event.fee.toString(),
    feeSettled: false,
    requestedAt: at.timestamp,
    ...(event.reasonCid !== '' && { reasonCid: event.reasonCid }),
    updatedAt: at.timestamp,
    history: [
      { kind: 'requested', status: 'requested', by: event.patient, at: at.timestamp, txHash: at.transactionHash },
    ],
    payments:
      event.fee > 0n
        ? [{ kind: 'escrowed', amountWei: event.fee.toString(), at: at.timestamp, txHash: at.transactionHash }]
        : [],
    requestedPosition: position,
    eventPosition: position,
  });
  if (inserted) {
    publishAppointmentChange({
      id: event.id.toString(),
      status: 'requested',
      patient: event.patient,
      doctor: event.doctor,
    });
  }
}

/**
 * Applies `change` and publishes the result. A change may depend on the document as it was (its fee, its
 * status, its duration): the indexer applies one log at a time, so nothing else writes in between, and a
 * replayed log finds a newer document and applies nothing.
 */
async function applyAndPublish(id: bigint, at: LogPosition, change: AppointmentChangeSet): Promise<void> {
  const updated = await applyAppointmentChange(id.toString(), positionOf(at), change);
  if (updated) {
    const { patient, doctor, status } = updated;
    publishAppointmentChange({ id: updated.id, status, patient, doctor });
  }
}

export async function recordAppointmentStatusChanged(
  event: { id: bigint; doctor: string; status: ListedStatus; by: string },
  at: LogPosition,
): Promise<void> {
  const current = await findAppointment(event.id.toString());
  if (!current) return;
  // A free appointment's fee is settled without a PaymentReleased event: the status says when. A free
  // no-show has nothing to hold, so it settles at once (the contract sets feeSettled then), whoever set it.
  const settlesFee = SETTLING_STATUSES.has(event.status) || event.status === 'no-show';
  await applyAndPublish(event.id, at, {
    set: {
      status: event.status,
      updatedAt: at.timestamp,
      ...(event.status === 'accepted' && { acceptedAt: at.timestamp }),
      ...(settlesFee && current.feeWei === '0' && { feeSettled: true }),
    },
    history: { kind: 'status', status: event.status, by: event.by, at: at.timestamp, txHash: at.transactionHash },
  });
}

export async function recordAppointmentRescheduled(
  event: { id: bigint; patient: string; previousSlot: bigint; slot: bigint },
  at: LogPosition,
): Promise<void> {
  const current = await findAppointment(event.id.toString());
  if (!current) return;
  const slot = instant(event.slot);
  await applyAndPublish(event.id, at, {
    set: { slot, slotEnd: new Date(slot.getTime() + current.duration * 1000), updatedAt: at.timestamp },
    history: {
      kind: 'rescheduled',
      // Rescheduling keeps the status (an accepted appointment stays accepted).
      status: current.status,
      by: event.patient,
      at: at.timestamp,
      txHash: at.transactionHash,
      previousSlot: instant(event.previousSlot),
    },
  });
}

export async function recordPaymentReleased(
  event: { id: bigint; payee: string; amount: bigint },
  at: LogPosition,
): Promise<void> {
  await applyAndPublish(event.id, at, {
    set: { feeSettled: true },
    payment: {
      kind: 'released',
      payee: event.payee,
      amountWei: event.amount.toString(),
      at: at.timestamp,
      txHash: at.transactionHash,
    },
  });
}

/** Forgets every appointment (chain reset); the rejection reasons are kept: the chain cannot give them back. */
export async function clearAppointmentReadModel(): Promise<void> {
  await deleteAllAppointments();
}
