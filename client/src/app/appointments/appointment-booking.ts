/**
 * One booking, step by step: the patient signs requestAppointment paying the fee (the wallet, then pending with
 * the transaction's hash, then mined), waits until the indexer has the appointment (the API answers it: the
 * appointment stream says so at once, a slow poll covers a dropped stream), then saves the reason off chain.
 * Provided per booking page, so each page follows its own booking.
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import { EMPTY, catchError, exhaustMap, filter, firstValueFrom, from, merge, take, timeout, timer } from 'rxjs';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { AppointmentsApi } from './appointments-api';
import { AppointmentsContract } from './appointments-contract';

/** How often the API is asked whether the indexer has the appointment yet, should the stream stay silent. */
const INDEX_POLL_MS = 1_000;
/** After this the reason is saved anyway: the server checks the appointment on chain, not in the read model. */
const INDEX_WAIT_MS = 30_000;

export type BookingStep = 'idle' | 'wallet' | 'pending' | 'mined' | 'indexed' | 'saved' | 'failed';

/** The steps a booking goes through, in order, as the progress list names them. */
export const BOOKING_STEPS = [
  { step: 'wallet', label: 'Waiting for wallet…' },
  { step: 'pending', label: 'Pending' },
  { step: 'mined', label: 'Mined' },
  { step: 'indexed', label: 'Indexed' },
  { step: 'saved', label: 'Reason saved' },
] as const satisfies readonly { step: BookingStep; label: string }[];

type Stage = 'idle' | 'signing' | 'indexing' | 'saving' | 'saved' | 'failed';

export interface BookingRequest {
  doctor: { address: string; name: string };
  /** The slot's start (ISO). */
  slot: string;
  feeWei: bigint;
  reason: string;
}

@Injectable()
export class AppointmentBooking {
  private readonly api = inject(AppointmentsApi);
  private readonly contract = inject(AppointmentsContract);
  private readonly runner = inject(TransactionRunner);

  private readonly stage = signal<Stage>('idle');
  private readonly reachedMined = signal(false);
  private readonly bookedIdSignal = signal<bigint | null>(null);
  private readonly errorSignal = signal<string | null>(null);
  private reason = '';

  /** The new appointment's id once mined. */
  readonly bookedId = this.bookedIdSignal.asReadonly();
  /** Why the reason could not be saved (the booking itself stands). */
  readonly error = this.errorSignal.asReadonly();
  /** The booking transaction's hash once the wallet has sent it. */
  readonly txHash = computed(() => (this.stage() === 'idle' ? undefined : this.runner.status().hash));
  readonly step = computed<BookingStep>(() => {
    switch (this.stage()) {
      case 'idle':
        return 'idle';
      case 'signing':
        return { waiting: 'wallet', sent: 'pending', confirmed: 'mined', failed: 'failed', idle: 'wallet' }[
          this.runner.status().phase
        ] as BookingStep;
      case 'indexing':
        return 'mined';
      case 'saving':
        return 'indexed';
      case 'saved':
        return 'saved';
      case 'failed':
        return this.reachedMined() ? 'indexed' : 'failed';
    }
  });

  /**
   * Books and then saves the reason. 'unsent' when the transaction did not happen (the status region says
   * why), 'reason-failed' when the appointment is booked but its reason is not saved yet (`saveReason` retries).
   */
  async book(request: BookingRequest): Promise<'booked' | 'unsent' | 'reason-failed'> {
    this.errorSignal.set(null);
    this.bookedIdSignal.set(null);
    this.reachedMined.set(false);
    this.reason = request.reason;
    this.stage.set('signing');
    const slot = BigInt(Date.parse(request.slot) / 1000);
    const id = await this.contract.request(request.doctor, slot, request.feeWei);
    if (id === null) {
      this.stage.set('failed');
      return 'unsent';
    }
    this.bookedIdSignal.set(id);
    this.reachedMined.set(true);
    this.stage.set('indexing');
    await this.whenIndexed(id);
    return (await this.saveReason()) ? 'booked' : 'reason-failed';
  }

  /** Saves the reason of the booked appointment (again, after a failure). */
  async saveReason(): Promise<boolean> {
    const id = this.bookedIdSignal();
    if (id === null) return false;
    this.stage.set('saving');
    this.errorSignal.set(null);
    try {
      await this.api.saveReason(id, this.reason);
      this.stage.set('saved');
      return true;
    } catch (error) {
      this.errorSignal.set(`Your appointment is booked, but its reason was not saved: ${errorText(error)}`);
      this.stage.set('failed');
      return false;
    }
  }

  /** Resolves once the API answers the appointment (or after INDEX_WAIT_MS: the booking stands either way). */
  private async whenIndexed(id: bigint): Promise<void> {
    const announced = this.api.changes().pipe(
      filter((change) => change.id === String(id)),
      catchError(() => EMPTY),
    );
    const asked = merge(announced, timer(0, INDEX_POLL_MS)).pipe(
      exhaustMap(() => from(this.api.get(id)).pipe(catchError(() => EMPTY))),
      take(1),
      timeout(INDEX_WAIT_MS),
    );
    await firstValueFrom(asked).catch(() => undefined);
  }
}
