import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { EMPTY, catchError } from 'rxjs';
import type { AppointmentPage, AppointmentView } from '@api';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { DoctorsApi } from '../doctors/doctors-api';
import { errorText } from '../shared/error-text';
import { AppointmentStatusBadge } from './appointment-status-badge';
import { AppointmentsApi } from './appointments-api';
import { AppointmentsContract } from './appointments-contract';
import { etherText } from './fee';
import { PaymentsPanel } from './payments-panel';
import { isUpcoming, patientActions, type PatientAction } from './patient-actions';
import { ReasonNoteText } from './reason-note-text';
import { formatSlotTime, localTimeZone } from './slot-days';

/** The API's largest page: a patient's own bookings fit in one for a long time. */
const PAGE_LIMIT = 100;

export interface AppointmentRow {
  appointment: AppointmentView;
  doctorName: string;
  slot: string;
  fee: string;
  actions: PatientAction[];
  /** What this status means for the patient now, in a sentence. */
  note: string;
}

/**
 * My appointments (patients): upcoming and past bookings measured against the latest block's time, with the
 * actions the contract allows each now, the withdrawable balance, and live updates: every change the indexer
 * applies to one of them (a doctor's decision, say) makes the list read again without a reload.
 */
@Component({
  selector: 'ehr-my-appointments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AppointmentStatusBadge, PaymentsPanel, ReasonNoteText],
  templateUrl: './my-appointments.html',
  styleUrl: './my-appointments.css',
})
export class MyAppointments {
  private readonly api = inject(AppointmentsApi);
  private readonly contract = inject(AppointmentsContract);
  private readonly doctorsApi = inject(DoctorsApi);
  protected readonly busy = inject(TransactionRunner).busy;
  private readonly session = inject(Session);
  /** The signed-in patient, whose balance the payments panel reads. */
  protected readonly account = computed(() => this.session.account()?.address);
  private readonly payments = viewChild(PaymentsPanel);

  protected readonly timeZone = localTimeZone();
  protected readonly page = signal<AppointmentPage | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** Doctors found no longer verified (lets the patient cancel after the slot); asked only when it matters. */
  private readonly doctorVerified = signal<Record<string, boolean>>({});
  private loads = 0;

  /** Upcoming (soonest first) and past (latest first), split at the latest block's time. */
  protected readonly sections = computed(() => {
    const page = this.page();
    const verified = this.doctorVerified();
    const rows = (page?.items ?? []).map((appointment) =>
      this.rowOf(appointment, page!.chainTime, verified[appointment.doctor.toLowerCase()] ?? true),
    );
    const upcoming = (row: AppointmentRow) => isUpcoming(row.appointment, page!.chainTime);
    return [
      { id: 'upcoming', title: 'Upcoming', empty: 'No upcoming appointments.', rows: rows.filter(upcoming).reverse() },
      { id: 'past', title: 'Past', empty: 'No past appointments.', rows: rows.filter((row) => !upcoming(row)) },
    ];
  });

  constructor() {
    void this.load();
    this.api
      .changes()
      .pipe(
        catchError(() => EMPTY),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.load());
  }

  protected async cancel(row: AppointmentRow): Promise<void> {
    await this.afterWrite(this.contract.cancel(BigInt(row.appointment.id)));
  }

  protected async reclaim(row: AppointmentRow): Promise<void> {
    await this.afterWrite(this.contract.reclaimFee(BigInt(row.appointment.id)));
  }

  protected async dispute(row: AppointmentRow): Promise<void> {
    await this.afterWrite(this.contract.disputeNoShow(BigInt(row.appointment.id)));
  }

  /** Reads the list again (newest slot first); a slower, older answer never overwrites a newer one. */
  private async load(): Promise<void> {
    const load = ++this.loads;
    try {
      const page = await this.api.list({ order: 'desc', limit: PAGE_LIMIT });
      if (load !== this.loads) return;
      this.page.set(page);
      this.loadError.set(null);
      await this.checkDoctors(page);
    } catch (error) {
      if (load === this.loads) this.loadError.set(`Your appointments could not be loaded: ${errorText(error)}`);
    }
  }

  /**
   * An accepted appointment whose slot has passed may still be cancelled if its doctor is no longer verified:
   * only for those is the doctor's standing asked (non-admins find verified doctors only: not found = not verified).
   */
  private async checkDoctors(page: AppointmentPage): Promise<void> {
    const known = this.doctorVerified();
    const doctors = new Set(
      page.items
        .filter((item) => item.status === 'accepted' && !isUpcoming(item, page.chainTime))
        .map((item) => item.doctor.toLowerCase())
        .filter((doctor) => !(doctor in known)),
    );
    const answers = await Promise.all(
      [...doctors].map(async (doctor) => {
        const status = await this.doctorsApi.get(doctor).then(
          (view) => view.status,
          () => 'not found',
        );
        return [doctor, status === 'verified'] as const;
      }),
    );
    if (answers.length) this.doctorVerified.update((current) => ({ ...current, ...Object.fromEntries(answers) }));
  }

  private async afterWrite(write: Promise<boolean>): Promise<void> {
    if (!(await write)) return;
    await Promise.all([this.load(), this.payments()?.refresh()]);
  }

  private rowOf(appointment: AppointmentView, chainTime: string, doctorVerified: boolean): AppointmentRow {
    return {
      appointment,
      doctorName: appointment.doctorName || shortAddress(appointment.doctor),
      slot: formatSlotTime(appointment.slot, this.timeZone),
      fee: etherText(appointment.feeWei),
      actions: patientActions(appointment, chainTime, doctorVerified),
      note: statusNote(appointment, chainTime, doctorVerified),
    };
  }
}

function statusNote(appointment: AppointmentView, chainTime: string, doctorVerified: boolean): string {
  const deadline = (iso?: string) => (iso ? formatSlotTime(iso) : 'the end of the period');
  switch (appointment.status) {
    case 'requested':
      return 'Waiting for the doctor to accept or reject it.';
    case 'accepted':
      if (!doctorVerified) return 'The doctor is no longer verified: you may cancel and get the fee back.';
      if (isUpcoming(appointment, chainTime))
        return 'The doctor can read and add to your records until a while after the slot.';
      return appointment.closingDeadline && Date.parse(chainTime) >= Date.parse(appointment.closingDeadline)
        ? 'The doctor did not close it in time: you may reclaim the fee.'
        : `Waiting for the doctor to close it; if they have not by ${deadline(appointment.closingDeadline)}, you may reclaim the fee.`;
    case 'rejected':
      return 'The doctor rejected it; the fee is back in your balance.';
    case 'cancelled':
      return 'Cancelled; the fee is back in your balance.';
    case 'completed':
      return 'Completed; the doctor was paid the fee.';
    case 'no-show':
      return appointment.feeSettled
        ? 'Marked as a no-show; the fee went to the doctor.'
        : `Marked as a no-show; the fee is held until ${deadline(appointment.disputeDeadline)}. Dispute it if you attended.`;
    case 'disputed':
      return 'You disputed the no-show; an admin will settle who gets the fee.';
    case 'expired':
      return 'The doctor did not close it in time; the fee is back in your balance.';
    case 'refunded':
      return 'An admin settled the dispute in your favour; the fee is back in your balance.';
    default:
      return '';
  }
}
