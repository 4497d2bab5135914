/**
 * A small TypeScript model of the appointment state machine and its escrow, for the property test.
 * It decides from the rules alone whether an action must succeed, and what the state is afterwards.
 */
export type Status = 'Requested' | 'Accepted' | 'Rejected' | 'Cancelled' | 'Completed' | 'NoShow';
export const STATUS_CODES: Record<Status, bigint> = { Requested: 1n, Accepted: 2n, Rejected: 3n, Cancelled: 4n, Completed: 5n, NoShow: 6n };

export type Action =
  | { kind: 'setFee'; actor: number; fee: bigint }
  | { kind: 'request'; actor: number; doctor: number; slotOffset: number; overpay: bigint }
  | { kind: 'accept' | 'reject' | 'cancel' | 'complete' | 'markNoShow'; actor: number; id: number }
  | { kind: 'withdraw'; actor: number }
  | { kind: 'advance'; seconds: number };

interface ModelAppointment {
  patient: number;
  doctor: number;
  slot: number;
  fee: bigint;
  status: Status;
}

export class AppointmentModel {
  readonly appointments: ModelAppointment[] = [];
  readonly withdrawable = new Map<number, bigint>();
  readonly fees = new Map<number, bigint>();
  escrowed = 0n;

  /** `patients` and `doctors` are actor indexes; every doctor is verified. */
  constructor(private readonly patients: number[], private readonly doctors: number[]) {}

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
        if (action.actor === action.doctor || !this.patients.includes(action.actor) || !this.doctors.includes(action.doctor)) return false;
        if (action.slotOffset <= 0 || action.overpay !== 0n) return false;
        this.appointments.push({ patient: action.actor, doctor: action.doctor, slot, fee, status: 'Requested' });
        this.escrowed += fee;
        return true;
      }
      case 'withdraw': {
        if ((this.withdrawable.get(action.actor) ?? 0n) === 0n) return false;
        this.withdrawable.set(action.actor, 0n);
        return true;
      }
      default:
        return this.transition(action, now);
    }
  }

  private transition(action: Extract<Action, { id: number }>, now: number): boolean {
    const a = this.appointments[action.id - 1];
    if (!a) return false;
    const byDoctor = action.actor === a.doctor;
    const byPatient = action.actor === a.patient;
    switch (action.kind) {
      case 'accept':
        return byDoctor && a.status === 'Requested' && now < a.slot && this.settle(a, 'Accepted', undefined);
      case 'reject':
        return byDoctor && a.status === 'Requested' && this.settle(a, 'Rejected', a.patient);
      case 'cancel': {
        const allowed = a.status === 'Requested' ? byPatient : a.status === 'Accepted' && (byPatient || byDoctor) && now < a.slot;
        return allowed && this.settle(a, 'Cancelled', a.patient);
      }
      case 'complete':
      case 'markNoShow':
        return byDoctor && a.status === 'Accepted' && now >= a.slot && this.settle(a, action.kind === 'complete' ? 'Completed' : 'NoShow', a.doctor);
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
}
