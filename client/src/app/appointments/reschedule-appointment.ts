import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AppointmentView, FreeSlots } from '@api';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { AppointmentsApi } from './appointments-api';
import { AppointmentsContract } from './appointments-contract';
import { etherText } from './fee';
import { SlotPicker } from './slot-picker';
import { formatSlotTime } from './slot-days';

/**
 * Move a requested or accepted appointment to another free slot of the same doctor, in one transaction; the
 * fee stays in escrow and an accepted appointment stays accepted (its record access moves with it).
 */
@Component({
  selector: 'ehr-reschedule-appointment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, SlotPicker],
  template: `
    <header class="page-header">
      <div>
        <h1>Reschedule appointment #{{ id() }}</h1>
        @if (appointment(); as current) {
          <p class="subtitle">
            With {{ doctorName() }}, now {{ formatSlotTime(current.slot) }}. The fee ({{ fee() }}) stays in escrow.
          </p>
        }
      </div>
      <a class="btn btn--ghost" routerLink="/appointments">My appointments</a>
    </header>

    @if (error(); as message) {
      <p class="notice notice--error" role="alert">{{ message }}</p>
    }
    @if (slotGone(); as gone) {
      <p class="notice notice--warning" role="alert">{{ gone }}</p>
    }
    @if (moved(); as slot) {
      <p class="notice" role="status">Moved to {{ formatSlotTime(slot) }}.</p>
      <a class="btn btn--primary" routerLink="/appointments">Go to My appointments</a>
    } @else if (freeSlots(); as slots) {
      <section class="card" aria-labelledby="new-time-title">
        <h2 id="new-time-title">Choose the new time</h2>
        <ehr-slot-picker
          [slots]="slots.slots"
          [doctorTimeZone]="slots.timeZone"
          [doctorName]="doctorName()"
          [(selected)]="chosen"
        />
        <button type="button" class="btn btn--primary" [disabled]="!chosen() || busy()" (click)="move()">
          {{ chosen() ? 'Move to ' + formatSlotTime(chosen()!) : 'Move' }}
        </button>
      </section>
    }
  `,
})
export class RescheduleAppointment implements OnInit {
  private readonly api = inject(AppointmentsApi);
  private readonly contract = inject(AppointmentsContract);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The on-chain appointment id, from the route. */
  readonly id = input.required<string>();

  protected readonly formatSlotTime = formatSlotTime;
  protected readonly appointment = signal<AppointmentView | null>(null);
  protected readonly freeSlots = signal<FreeSlots | null>(null);
  protected readonly chosen = signal<string | null>(null);
  protected readonly moved = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly slotGone = signal<string | null>(null);
  protected readonly doctorName = computed(() => {
    const appointment = this.appointment();
    return appointment ? appointment.doctorName || shortAddress(appointment.doctor) : '';
  });
  protected readonly fee = computed(() => etherText(this.appointment()?.feeWei ?? '0'));

  ngOnInit(): void {
    void this.load();
  }

  protected async move(): Promise<void> {
    const slot = this.chosen();
    if (!slot) return;
    this.slotGone.set(null);
    if (await this.contract.reschedule(BigInt(this.id()), BigInt(Date.parse(slot) / 1000))) {
      this.moved.set(slot);
      return;
    }
    await this.loadSlots();
    if (!this.freeSlots()?.slots.some((free) => free.start === slot)) {
      this.chosen.set(null);
      this.slotGone.set(
        `Someone else booked ${formatSlotTime(slot)} a moment ago, so the chain refused the move. The free times below are current: please choose another.`,
      );
    }
  }

  private async load(): Promise<void> {
    try {
      this.appointment.set(await this.api.get(this.id()));
    } catch (error) {
      this.error.set(`This appointment could not be loaded: ${errorText(error)}`);
      return;
    }
    await this.loadSlots();
  }

  private async loadSlots(): Promise<void> {
    const appointment = this.appointment();
    if (!appointment) return;
    try {
      this.freeSlots.set(await this.api.freeSlots(appointment.doctor));
    } catch (error) {
      this.error.set(`The free slots could not be loaded: ${errorText(error)}`);
    }
  }
}
