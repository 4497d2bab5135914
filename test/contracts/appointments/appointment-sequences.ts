/** The values the appointments property test draws from, and the fixed sequences it always runs first. */
import { DAY, HOUR, SLOT_LENGTH } from '@test-support/constants';
import { FEE } from '../helpers/scenarios';
import type { Action, Terms } from './appointment-model';

// Slot offsets and time steps never line up: slot lengths and settlement periods are multiples of 1800 s,
// slot offsets are 1200, 1234 or 777 s past a multiple and the long step (past slots and deadlines) 900 s,
// so every deadline is at least 300 s away from where the steps land, and the seconds the wall clock
// adds between steps cannot flip a "before the slot" or "within the period" decision.
export const SLOT_OFFSETS = [-600, HOUR + 1234, DAY + 777];
export const RESCHEDULE_OFFSETS = [...SLOT_OFFSETS, 3 * DAY + 777];
export const TIME_STEPS = [1800, 2 * 1800, 30 * 1800, 4 * DAY + 900];
/** Terms the two doctors start with: one paid with the test slot length, one free with two-hour slots. */
export const INITIAL_TERMS: [number, Terms][] = [
  [2, { fee: FEE, slotLength: SLOT_LENGTH }],
  [3, { fee: 0n, slotLength: 2 * HOUR }],
];

/**
 * The findings of the security review and the settlement paths of issue 9, as fixed sequences that always run
 * before the random ones (random actors rarely reach a settled dispute on their own).
 */
export const FINDINGS: Action[][] = [
  // 5: cancelling the later of two open bookings shrinks access to the earlier one.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'accept', actor: 2, id: 2 },
    { kind: 'cancel', actor: 0, id: 2 },
  ],
  // 4: a request filed before a revoke cannot be accepted; the patient can still cancel it.
  [
    { kind: 'setTerms', actor: 2, fee: 2n * FEE, slotLength: SLOT_LENGTH },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'grant', actor: 0, doctor: 2, expiresIn: 'untilRevoked' },
    { kind: 'revoke', actor: 0, doctor: 2 },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'cancel', actor: 0, id: 1 },
  ],
  // 2 and 3: an admin grants itself the hook role / the zero address adminship, then pokes the hooks.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'adminGrantRole', on: 'consent', adminRole: false, account: 'stranger' },
    { kind: 'adminGrantRole', on: 'registry', adminRole: true, account: 'zero' },
    { kind: 'adminGrantRole', on: 'registry', adminRole: false, account: 'stranger' },
    { kind: 'adminHook', hook: 'closed', id: 1 },
    { kind: 'adminHook', hook: 'accepted', id: 2 },
    { kind: 'cancel', actor: 2, id: 1 },
  ],
  // Issue 9: overlapping requests and reschedules are refused; an accepted appointment moves with its access.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'request', actor: 1, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'request', actor: 1, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'reschedule', actor: 1, id: 2, slotOffset: DAY + 777 },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'reschedule', actor: 0, id: 1, slotOffset: HOUR + 1234 },
    { kind: 'reschedule', actor: 0, id: 1, slotOffset: 3 * DAY + 777 },
    { kind: 'request', actor: 1, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'setTerms', actor: 2, fee: FEE, slotLength: 60 },
  ],
  // Issue 9: a disputed no-show settled for the doctor; the fee cannot be claimed again.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'advance', seconds: 30 * 1800 },
    { kind: 'markNoShow', actor: 2, id: 1 },
    { kind: 'disputeNoShow', actor: 0, id: 1 },
    { kind: 'claimNoShowFee', actor: 2, id: 1 },
    { kind: 'settleDispute', actor: 2, id: 1, refundPatient: true },
    { kind: 'settleDispute', actor: 5, id: 1, refundPatient: false },
    { kind: 'disputeNoShow', actor: 0, id: 1 },
    { kind: 'claimNoShowFee', actor: 2, id: 1 },
    { kind: 'withdraw', actor: 2 },
  ],
  // Issue 9: undisputed no-shows (a paid one claimed after the period, a free one settled at once) and a refund.
  [
    { kind: 'request', actor: 1, doctor: 3, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'request', actor: 1, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'accept', actor: 3, id: 1 },
    { kind: 'accept', actor: 2, id: 2 },
    { kind: 'accept', actor: 2, id: 3 },
    { kind: 'advance', seconds: 30 * 1800 },
    { kind: 'markNoShow', actor: 3, id: 1 },
    { kind: 'markNoShow', actor: 2, id: 2 },
    { kind: 'disputeNoShow', actor: 1, id: 1 },
    { kind: 'advance', seconds: 30 * 1800 },
    { kind: 'markNoShow', actor: 2, id: 3 },
    { kind: 'disputeNoShow', actor: 1, id: 3 },
    { kind: 'settleDispute', actor: 5, id: 3, refundPatient: true },
    { kind: 'advance', seconds: 4 * DAY + 900 },
    { kind: 'claimNoShowFee', actor: 2, id: 2 },
    { kind: 'advance', seconds: 4 * DAY + 900 },
    { kind: 'disputeNoShow', actor: 0, id: 2 },
    { kind: 'claimNoShowFee', actor: 2, id: 2 },
    { kind: 'claimNoShowFee', actor: 3, id: 1 },
  ],
  // Issue 9: shorter periods apply to open appointments; the patient reclaims what the doctor did not close.
  [
    { kind: 'setSettlementPeriods', actor: 2, grace: DAY, dispute: DAY },
    { kind: 'setSettlementPeriods', actor: 5, grace: 0, dispute: DAY },
    { kind: 'setSettlementPeriods', actor: 5, grace: DAY, dispute: 31 * DAY },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'setSettlementPeriods', actor: 5, grace: DAY, dispute: DAY },
    { kind: 'advance', seconds: 30 * 1800 },
    { kind: 'reclaimFee', actor: 0, id: 1 },
    { kind: 'advance', seconds: 30 * 1800 },
    { kind: 'complete', actor: 2, id: 1 },
    { kind: 'reclaimFee', actor: 1, id: 1 },
    { kind: 'reclaimFee', actor: 0, id: 1 },
    { kind: 'withdraw', actor: 0 },
  ],
];
