/**
 * A small TypeScript model of the appointment state machine, its escrow and the consent it drives,
 * for the property test. It decides from the rules alone whether an action must succeed, and what the
 * state is afterwards: balances, and until when each doctor may read each patient's records.
 */
import { UNTIL_REVOKED } from '@test-support/constants';

export type Status = 'Requested' | 'Accepted' | 'Rejected' | 'Cancelled' | 'Completed' | 'NoShow';
export const STATUS_CODES: Record<Status, bigint> = {
  Requested: 1n,
  Accepted: 2n,
  Rejected: 3n,
  Cancelled: 4n,
  Completed: 5n,
  NoShow: 6n,
};
/** Consent's default appointment window (7 days). */
export const WINDOW = 7n * 24n * 3600n;

export type Action =
  | { kind: 'setFee'; actor: number; fee: bigint }
  | { kind: 'request'; actor: number; doctor: number; slotOffset: number; overpay: bigint }
  | { kind: 'accept' | 'reject' | 'cancel' | 'complete' | 'markNoShow'; actor: number; id: number }
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
  fee: bigint;
  status: Status;
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
  readonly fees = new Map<number, bigint>();
  readonly admins = new Set<string>(['admin']);
  private readonly pairs = new Map<string, Pair>();
  escrowed = 0n;

  /** `patients` and `doctors` are actor indexes; every doctor is verified. */
  constructor(
    private readonly patients: number[],
    private readonly doctors: number[],
  ) {}

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
    switch (action.kind) {
      case 'advance':
        return true;
      case 'setFee':
        if (!this.doctors.includes(action.actor)) return false;
        this.fees.set(action.actor, action.fee);
        return true;
      case 'request': {
        const fee = this.fees.get(action.doctor) ?? 0n;
        const slot = now + action.slotOffset;
        if (
          action.actor === action.doctor ||
          !this.patients.includes(action.actor) ||
          !this.doctors.includes(action.doctor)
        )
          return false;
        if (action.slotOffset <= 0 || action.overpay !== 0n) return false;
        const requestEpoch = this.pair(action.actor, action.doctor).epoch;
        this.appointments.push({
          patient: action.actor,
          doctor: action.doctor,
          slot,
          fee,
          status: 'Requested',
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
      case 'complete':
      case 'markNoShow': {
        if (!byDoctor || a.status !== 'Accepted' || now < a.slot) return false;
        const until = BigInt(a.slot) + WINDOW;
        if (action.kind === 'complete' && a.acceptedEpoch === pair.epoch && until > pair.completedUntil)
          pair.completedUntil = until;
        return this.settle(a, action.kind === 'complete' ? 'Completed' : 'NoShow', a.doctor);
      }
    }
  }

  private settle(a: ModelAppointment, status: Status, payee: number | undefined): true {
    a.status = status;
    if (payee !== undefined) {
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
