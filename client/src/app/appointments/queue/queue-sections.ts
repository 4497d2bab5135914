/**
 * Where each of a doctor's appointments belongs in their queue and what they may do with it now. "Now" is
 * the latest block's time the API answers (chainTime), never the browser's clock: the contract judges
 * every deadline by block time, and tests move it.
 */
import type { AppointmentView } from '@api';
import type { AppointmentStatus } from '@api/chain-values';

/** What the queue asks for: everything still open (settled no-shows are dropped from the sections). */
export const OPEN_STATUSES: readonly AppointmentStatus[] = ['requested', 'accepted', 'no-show', 'disputed'];
/** The history: everything closed (unsettled no-shows are dropped: they are still open). */
export const CLOSED_STATUSES: readonly AppointmentStatus[] = [
  'rejected',
  'cancelled',
  'completed',
  'no-show',
  'expired',
  'refunded',
];

export interface QueueSections {
  requested: AppointmentView[];
  upcoming: AppointmentView[];
  /** Accepted, their slot has begun: to complete or mark as a no-show. */
  toClose: AppointmentView[];
  /** No-shows whose fee is still held (disputed ones included, waiting for an admin). */
  noShows: AppointmentView[];
}

const at = (iso: string) => new Date(iso).getTime();

/** A no-show whose fee the contract still holds: open until claimed or settled. */
export const isHeldNoShow = (appointment: AppointmentView) =>
  appointment.status === 'disputed' || (appointment.status === 'no-show' && !appointment.feeSettled);

export function queueSections(open: readonly AppointmentView[], now: Date): QueueSections {
  const started = (appointment: AppointmentView) => at(appointment.slot) <= now.getTime();
  return {
    requested: open.filter((appointment) => appointment.status === 'requested'),
    upcoming: open.filter((appointment) => appointment.status === 'accepted' && !started(appointment)),
    toClose: open.filter((appointment) => appointment.status === 'accepted' && started(appointment)),
    noShows: open.filter(isHeldNoShow),
  };
}

/** The contract accepts a request only before its slot. */
export const mayAccept = (appointment: AppointmentView, now: Date) =>
  appointment.status === 'requested' && now.getTime() < at(appointment.slot);

/** The doctor may cancel an accepted appointment only before its slot. */
export const mayCancel = (appointment: AppointmentView, now: Date) =>
  appointment.status === 'accepted' && now.getTime() < at(appointment.slot);

/** Complete or no-show: from the slot's start until the closing deadline (slot + duration + grace period). */
export const mayClose = (appointment: AppointmentView, now: Date) =>
  appointment.status === 'accepted' &&
  at(appointment.slot) <= now.getTime() &&
  (appointment.closingDeadline === undefined || now.getTime() < at(appointment.closingDeadline));

/** A held, undisputed no-show's fee is the doctor's once the dispute period is over. */
export const mayClaim = (appointment: AppointmentView, now: Date) =>
  appointment.status === 'no-show' &&
  !appointment.feeSettled &&
  appointment.disputeDeadline !== undefined &&
  now.getTime() >= at(appointment.disputeDeadline);
