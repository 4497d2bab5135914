/**
 * A small TypeScript model of the appointment state machine, its escrow and the consent it drives,
 * for the property test. It decides from the rules alone whether an action must succeed, and what the
 * state is afterwards: balances, and until when each doctor may read each patient's records.
 */
import { UNTIL_REVOKED } from '@test-support/constants';

export type Status =
  'Requested' | 'Accepted' | 'Rejected' | 'Cancelled' | 'Completed' | 'NoShow' | 'Disputed' | 'Expired' | 'Refunded';
export const STATUS_CODES: Record<Status, bigint> = {
  Requested: 1n,
  Accepted: 2n,
  Rejected: 3n,
  Cancelled: 4n,
  Completed: 5n,
  NoShow: 6n,
  Disputed: 7n,
  Expired: 8n,
  Refunded: 9n,
};
const DAY = 24 * 3600;
/** Consent's default appointment window (7 days). */
export const WINDOW = 7n * BigInt(DAY);
/** Bounds the contract puts on slot lengths and settlement periods. */
const SLOT_BOUNDS = [5 * 60, 4 * 3600];
const PERIOD_BOUNDS = [DAY, 30 * DAY];
/** Actor index of the deployer admin, and of the stranger an admin may promote. */
const ADMIN = 5;
const STRANGER = 4;

export interface Terms {
  fee: bigint;
  slotLength: number;
}

export type Action =
  | { kind: 'setTerms'; actor: number; fee: bigint; slotLength: number }
  | { kind: 'setSettlementPeriods'; actor: number; grace: number; dispute: number }
  | { kind: 'request'; actor: number; doctor: number; slotOffset: number; overpay: bigint }
  | { kind: 'reschedule'; actor: number; id: number; slotOffset: number }
  | {
      kind:
        'accept' | 'reject' | 'cancel' | 'complete' | 'markNoShow' | 'reclaimFee' | 'disputeNoShow' | 'claimNoShowFee';
      actor: number;
      id: number;
    }
  | { kind: 'settleDispute'; actor: number; id: number; refundPatient: boolean }
  | { kind: 'withdraw'; actor: number }
  | { kind: 'grant'; actor: number; doctor: number; expiresIn: number | 'untilRevoked' }
  | { kind: 'revoke'; actor: number; doctor: number }
  /** The admin calls a Consent hook directly (must always fail). */
  | { kind: 'adminHook'; hook: 'accepted' | 'closed'; id: number }
  /** The admin calls an inherited grantRole: on Registry (admin role or another) or raw on Consent. */
  | { kind: 'adminGrantRole'; on: 'registry' | 'consent'; adminRole: boolean; account: 'zero' | 'stranger' }
  | { kind: 'advance'; seconds: number };

interface ModelAppointment {
  patient: number;
  doctor: number;
  slot: number;
  duration: number;
  fee: bigint;
  feeSettled: boolean;
  status: Status;
  /** Block time (model) of the no-show: the dispute period runs from it. */
  noShowAt: number;
  requestEpoch: number;
  acceptedEpoch: number;
}

interface Pair {
  grantedUntil: bigint;
  completedUntil: bigint;
  epoch: number;
}

export class AppointmentModel {
  readonly appointments: ModelAppointment[] = [];
  readonly withdrawable = new Map<number, bigint>();
  readonly admins = new Set<string>(['admin']);
  private readonly pairs = new Map<string, Pair>();
  escrowed = 0n;
  closingGracePeriod = 7 * DAY;
  disputePeriod = 7 * DAY;
  /** The custom error the last refused action must revert with, when the model knows it. */
  refusal: string | undefined;

  /** `patients` and `doctors` are actor indexes; every doctor is verified and starts with `terms`. */
  constructor(
    private readonly patients: number[],
    private readonly doctors: number[],
    readonly terms: Map<number, Terms>,
  ) {}

  /** The active (requested or accepted) appointment of `doctor` overlapping [slot, slot + duration), if any. */
  private conflict(doctor: number, slot: number, duration: number, except?: ModelAppointment) {
    return this.appointments.find(
      (a) =>
        a !== except &&
        a.doctor === doctor &&
        (a.status === 'Requested' || a.status === 'Accepted') &&
        a.slot < slot + duration &&
        slot < a.slot + a.duration,
    );
  }

  private isAdmin(actor: number): boolean {
    return actor === ADMIN || (actor === STRANGER && this.admins.has('stranger'));
  }

  /** Until when `doctor` may read `patient`'s records: explicit grant, open windows of this epoch, completed ones. */
  accessExpiry(patient: number, doctor: number): bigint {
    const pair = this.pair(patient, doctor);
    const open = this.appointments
      .filter(
        (a) =>
          a.patient === patient && a.doctor === doctor && a.status === 'Accepted' && a.acceptedEpoch === pair.epoch,
      )
      .map((a) => BigInt(a.slot) + WINDOW);
    return [pair.grantedUntil, pair.completedUntil, ...open].reduce((max, x) => (x > max ? x : max), 0n);
  }

  openBookings(patient: number, doctor: number): number {
    return this.appointments.filter((a) => a.patient === patient && a.doctor === doctor && a.status === 'Accepted')
      .length;
  }

  /** Applies `action` at block time `now` if the rules allow it; returns whether it must succeed. */
  apply(action: Action, now: number): boolean {
    this.refusal = undefined;
    switch (action.kind) {
      case 'advance':
        return true;
      case 'setTerms': {
        const [min, max] = SLOT_BOUNDS;
        if (!this.doctors.includes(action.actor) || action.slotLength < min || action.slotLength > max) return false;
        this.terms.set(action.actor, { fee: action.fee, slotLength: action.slotLength });
        return true;
      }
      case 'setSettlementPeriods': {
        const [min, max] = PERIOD_BOUNDS;
        const valid = (period: number) => period >= min && period <= max;
        if (!this.isAdmin(action.actor) || !valid(action.grace) || !valid(action.dispute)) return false;
        this.closingGracePeriod = action.grace;
        this.disputePeriod = action.dispute;
        return true;
      }
      case 'request': {
        const { fee, slotLength } = this.terms.get(action.doctor) ?? { fee: 0n, slotLength: 0 };
        const slot = now + action.slotOffset;
        if (
          action.actor === action.doctor ||
          !this.patients.includes(action.actor) ||
          !this.doctors.includes(action.doctor)
        )
          return false;
        if (action.slotOffset <= 0 || slotLength === 0 || action.overpay !== 0n) return false;
        if (this.conflict(action.doctor, slot, slotLength)) return this.refuse('AppointmentsSlotTaken');
        const requestEpoch = this.pair(action.actor, action.doctor).epoch;
        this.appointments.push({
          patient: action.actor,
          doctor: action.doctor,
          slot,
          duration: slotLength,
          fee,
          feeSettled: false,
          status: 'Requested',
          noShowAt: 0,
          requestEpoch,
          acceptedEpoch: -1,
        });
        this.escrowed += fee;
        return true;
      }
      case 'withdraw': {
        if ((this.withdrawable.get(action.actor) ?? 0n) === 0n) return false;
        this.withdrawable.set(action.actor, 0n);
        return true;
      }
      case 'grant': {
        const expiresAt = action.expiresIn === 'untilRevoked' ? UNTIL_REVOKED : BigInt(now + action.expiresIn);
        if (!this.patients.includes(action.actor) || !this.doctors.includes(action.doctor) || expiresAt <= BigInt(now))
          return false;
        this.pair(action.actor, action.doctor).grantedUntil = expiresAt;
        return true;
      }
      case 'revoke': {
        if (this.accessExpiry(action.actor, action.doctor) <= BigInt(now)) return false;
        const pair = this.pair(action.actor, action.doctor);
        Object.assign(pair, { grantedUntil: 0n, completedUntil: 0n, epoch: pair.epoch + 1 });
        return true;
      }
      case 'adminHook':
        return false;
      case 'adminGrantRole': {
        if (
          action.on === 'consent' ||
          !action.adminRole ||
          action.account === 'zero' ||
          this.admins.has(action.account)
        )
          return false;
        this.admins.add(action.account);
        return true;
      }
      default:
        return this.transition(action, now);
    }
  }

  private refuse(error: string): false {
    this.refusal = error;
    return false;
  }

  private transition(action: Extract<Action, { actor: number; id: number }>, now: number): boolean {
    const a = this.appointments[action.id - 1];
    if (!a) return false;
    const byDoctor = action.actor === a.doctor;
    const byPatient = action.actor === a.patient;
    const pair = this.pair(a.patient, a.doctor);
    switch (action.kind) {
      case 'accept':
        // A revoke wins over every request filed before it.
        if (!byDoctor || a.status !== 'Requested' || now >= a.slot || pair.epoch !== a.requestEpoch) return false;
        a.acceptedEpoch = pair.epoch;
        return this.settle(a, 'Accepted', undefined);
      case 'reject':
        return byDoctor && a.status === 'Requested' && this.settle(a, 'Rejected', a.patient);
      case 'cancel': {
        const allowed =
          a.status === 'Requested' ? byPatient : a.status === 'Accepted' && (byPatient || byDoctor) && now < a.slot;
        return allowed && this.settle(a, 'Cancelled', a.patient);
      }
      case 'reschedule': {
        const newSlot = now + action.slotOffset;
        const movable = a.status === 'Requested' || a.status === 'Accepted';
        if (!byPatient || !movable || now >= a.slot || newSlot <= now || pair.epoch !== a.requestEpoch) return false;
        if (this.conflict(a.doctor, newSlot, a.duration, a)) return this.refuse('AppointmentsSlotTaken');
        a.slot = newSlot;
        return true;
      }
      case 'complete':
      case 'markNoShow': {
        if (!byDoctor || a.status !== 'Accepted' || now < a.slot || now >= this.closingDeadline(a)) return false;
        if (action.kind === 'markNoShow') {
          // The fee stays held for the dispute period; a free appointment has nothing to hold.
          a.noShowAt = now;
          a.feeSettled = a.fee === 0n;
          return this.settle(a, 'NoShow', undefined);
        }
        const until = BigInt(a.slot) + WINDOW;
        if (a.acceptedEpoch === pair.epoch && until > pair.completedUntil) pair.completedUntil = until;
        return this.settle(a, 'Completed', a.doctor);
      }
      case 'reclaimFee':
        if (!byPatient || a.status !== 'Accepted' || now < this.closingDeadline(a)) return false;
        return this.settle(a, 'Expired', a.patient);
      case 'disputeNoShow':
        if (!byPatient || a.status !== 'NoShow' || a.feeSettled || now >= a.noShowAt + this.disputePeriod) return false;
        return this.settle(a, 'Disputed', undefined);
      case 'claimNoShowFee':
        if (!byDoctor || a.status !== 'NoShow' || a.feeSettled || now < a.noShowAt + this.disputePeriod) return false;
        return this.settle(a, 'NoShow', a.doctor);
      case 'settleDispute': {
        if (!this.isAdmin(action.actor) || a.status !== 'Disputed') return false;
        const refund = action.refundPatient;
        return this.settle(a, refund ? 'Refunded' : 'NoShow', refund ? a.patient : a.doctor);
      }
    }
  }

  private closingDeadline(a: ModelAppointment): number {
    return a.slot + a.duration + this.closingGracePeriod;
  }

  private settle(a: ModelAppointment, status: Status, payee: number | undefined): true {
    a.status = status;
    if (payee !== undefined) {
      a.feeSettled = true;
      this.escrowed -= a.fee;
      this.withdrawable.set(payee, (this.withdrawable.get(payee) ?? 0n) + a.fee);
    }
    return true;
  }

  private pair(patient: number, doctor: number): Pair {
    const key = `${patient}:${doctor}`;
    let pair = this.pairs.get(key);
    if (!pair) this.pairs.set(key, (pair = { grantedUntil: 0n, completedUntil: 0n, epoch: 0 }));
    return pair;
  }
}
