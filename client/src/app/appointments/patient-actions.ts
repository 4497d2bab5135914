/**
 * What the patient may do with one of their appointments now, as the Appointments contract allows it. Times are
 * measured against the latest block's time (the list's `chainTime`), never the browser's clock: the contract
 * decides by block time. This is UX only; the contract enforces every rule.
 */
import type { AppointmentView } from '@api';

export type PatientAction = 'cancel' | 'reschedule' | 'reclaim' | 'dispute';

/**
 * `doctorVerified`: whether the doctor is still verified (false after an admin revoked them, which lets the
 * patient cancel an accepted appointment even after its slot, and stops rescheduling).
 */
export function patientActions(
  appointment: AppointmentView,
  chainTime: string,
  doctorVerified = true,
): PatientAction[] {
  const now = Date.parse(chainTime);
  const beforeSlot = now < Date.parse(appointment.slot);
  const actions: PatientAction[] = [];
  switch (appointment.status) {
    case 'requested':
      if (beforeSlot && doctorVerified) actions.push('reschedule');
      actions.push('cancel');
      break;
    case 'accepted':
      if (beforeSlot && doctorVerified) actions.push('reschedule');
      if (beforeSlot || !doctorVerified) actions.push('cancel');
      if (appointment.closingDeadline && now >= Date.parse(appointment.closingDeadline)) actions.push('reclaim');
      break;
    case 'no-show':
      if (!appointment.feeSettled && appointment.disputeDeadline && now < Date.parse(appointment.disputeDeadline)) {
        actions.push('dispute');
      }
      break;
    default:
      break;
  }
  return actions;
}

/** Upcoming: the slot has not started by the latest block's time. */
export function isUpcoming(appointment: AppointmentView, chainTime: string): boolean {
  return Date.parse(appointment.slot) > Date.parse(chainTime);
}
