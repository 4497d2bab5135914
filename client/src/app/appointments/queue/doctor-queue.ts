import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal, viewChild } from '@angular/core';
import type { AppointmentView } from '@api';
import { Session } from '../../auth/session';
import { TransactionRunner } from '../../chain/transaction-runner';
import { errorText } from '../../shared/error-text';
import { AppointmentsApi } from '../appointments-api';
import { AppointmentsContract } from '../appointments-contract';
import { PaymentsPanel } from '../payments-panel';
import { localTime, patientLabel, statusLabel } from './appointment-text';
import { DoctorQueueStore, HISTORY_PAGE } from './doctor-queue-store';
import { QueueItem } from './queue-item';
import { mayAccept, mayCancel, mayClaim, mayClose } from './queue-sections';

/**
 * The doctor's queue: requests to accept or reject (with a reason for the patient), accepted appointments
 * to cancel before their slot or close after it, held no-show fees to claim, and the history; with the
 * fees earned to withdraw. What is offered follows the contract's rules at the latest block's time.
 */
@Component({
  selector: 'ehr-doctor-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [QueueItem, PaymentsPanel],
  providers: [DoctorQueueStore],
  templateUrl: './doctor-queue.html',
  styleUrl: './doctor-queue.css',
})
export class DoctorQueue implements OnInit {
  private readonly api = inject(AppointmentsApi);
  private readonly contract = inject(AppointmentsContract);
  private readonly session = inject(Session);
  protected readonly store = inject(DoctorQueueStore);
  protected readonly busy = inject(TransactionRunner).busy;
  private readonly payments = viewChild(PaymentsPanel);

  protected readonly me = computed(() => this.session.account()?.address ?? '');
  protected readonly verified = computed(() => this.session.account()?.doctorStatus === 'verified');
  protected readonly sections = this.store.sections;
  protected readonly chainTimeText = computed(() => {
    const now = this.store.chainTime();
    return now ? ` (${localTime(now.toISOString())})` : '';
  });
  protected readonly historyPage = HISTORY_PAGE;
  /** The doctor's reason per requested appointment id, as typed. */
  protected readonly reasons = signal<Record<string, string>>({});
  protected readonly actionError = signal<string | null>(null);

  protected readonly patientLabel = patientLabel;
  protected readonly localTime = localTime;
  protected readonly statusLabel = statusLabel;

  ngOnInit(): void {
    void this.store.load();
  }

  private now(): Date {
    return this.store.chainTime() ?? new Date(0);
  }

  protected mayAccept(appointment: AppointmentView): boolean {
    return mayAccept(appointment, this.now());
  }

  protected mayCancel(appointment: AppointmentView): boolean {
    return mayCancel(appointment, this.now());
  }

  protected mayClose(appointment: AppointmentView): boolean {
    return mayClose(appointment, this.now());
  }

  protected mayClaim(appointment: AppointmentView): boolean {
    return mayClaim(appointment, this.now());
  }

  protected reasonFor(id: string): string {
    return this.reasons()[id] ?? '';
  }

  protected typeReason(id: string, text: string): void {
    this.reasons.update((reasons) => ({ ...reasons, [id]: text }));
  }

  protected accept(appointment: AppointmentView): Promise<void> {
    return this.afterWrite(this.contract.accept(BigInt(appointment.id)));
  }

  /** The reject transaction first; the reason is stored once the chain says it is rejected. */
  protected async reject(appointment: AppointmentView): Promise<void> {
    this.actionError.set(null);
    const reason = this.reasonFor(appointment.id).trim();
    if (!reason) {
      this.actionError.set(`Write a reason for ${patientLabel(appointment)} before rejecting.`);
      return;
    }
    if (!(await this.contract.reject(BigInt(appointment.id)))) return;
    try {
      await this.api.saveRejectionReason(appointment.id, reason);
      this.typeReason(appointment.id, '');
    } catch (error) {
      this.actionError.set(`Rejected on the chain, but your reason was not saved: ${errorText(error)}`);
    }
    await this.store.load();
  }

  protected cancel(appointment: AppointmentView): Promise<void> {
    return this.afterWrite(this.contract.cancel(BigInt(appointment.id)));
  }

  protected complete(appointment: AppointmentView): Promise<void> {
    return this.afterWrite(this.contract.complete(BigInt(appointment.id)));
  }

  protected markNoShow(appointment: AppointmentView): Promise<void> {
    return this.afterWrite(this.contract.markNoShow(BigInt(appointment.id)));
  }

  protected claim(appointment: AppointmentView): Promise<void> {
    return this.afterWrite(this.contract.claimNoShowFee(BigInt(appointment.id)));
  }

  protected refresh(): Promise<void> {
    return this.store.load();
  }

  /** Once mined: the list again (the live stream refetches too once indexed) and the balance from the chain. */
  private async afterWrite(write: Promise<boolean>): Promise<void> {
    this.actionError.set(null);
    if (!(await write)) return;
    await Promise.all([this.store.load(), this.payments()?.refresh()]);
  }
}
