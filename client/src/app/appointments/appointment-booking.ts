/**
 * One booking, step by step: the patient's reason is encrypted in the browser as a reason note (pinned, its key
 * wrapped for the patient and the doctor: ReasonNotes), then the patient signs requestAppointment with the
 * note's CID paying the fee (the wallet, then pending with the transaction's hash, then mined), waits until
 * the indexer has the appointment (the appointment stream says so at once, a slow poll covers a dropped
 * stream), and finally wraps their shared documents for the doctor (DocumentSharing), who can open them once
 * the chain gives them access. Provided per booking page, so each page follows its own booking.
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import { EMPTY, catchError, exhaustMap, filter, firstValueFrom, from, merge, take, timeout, timer } from 'rxjs';
import { TransactionRunner } from '../chain/transaction-runner';
import { DocumentSharing } from '../documents/document-sharing';
import { errorText } from '../shared/error-text';
import { AppointmentsApi } from './appointments-api';
import { AppointmentsContract } from './appointments-contract';
import { ReasonNotes } from './reason-notes';

/** How often the API is asked whether the indexer has the appointment yet, should the stream stay silent. */
const INDEX_POLL_MS = 1_000;
/** After this the documents are shared anyway: the booking stands on chain whether indexed or not. */
const INDEX_WAIT_MS = 30_000;

export type BookingStep = 'idle' | 'encrypt' | 'wallet' | 'pending' | 'mined' | 'indexed' | 'shared' | 'failed';

/** The steps a booking goes through, in order, as the progress list names them. */
export const BOOKING_STEPS = [
  { step: 'encrypt', label: 'Reason encrypted' },
  { step: 'wallet', label: 'Waiting for wallet…' },
  { step: 'pending', label: 'Pending' },
  { step: 'mined', label: 'Mined' },
  { step: 'indexed', label: 'Indexed' },
  { step: 'shared', label: 'Records shared with the doctor' },
] as const satisfies readonly { step: BookingStep; label: string }[];

type Stage = 'idle' | 'sealing' | 'signing' | 'indexing' | 'sharing' | 'shared' | 'failed';

export interface BookingRequest {
  doctor: { address: string; name: string };
  /** The slot's start (ISO). */
  slot: string;
  feeWei: bigint;
  /** The reason for the visit, '' for none (only when the doctor cannot receive an encrypted one). */
  reason: string;
}

/** 'unsent': nothing was booked (the status region or `error` says why); 'share-failed': booked, `share` retries. */
export type BookingOutcome = 'booked' | 'unsent' | 'share-failed';

@Injectable()
export class AppointmentBooking {
  private readonly api = inject(AppointmentsApi);
  private readonly contract = inject(AppointmentsContract);
  private readonly runner = inject(TransactionRunner);
  private readonly reasons = inject(ReasonNotes);
  private readonly sharing = inject(DocumentSharing);

  private readonly stage = signal<Stage>('idle');
  private readonly reachedMined = signal(false);
  private readonly bookedIdSignal = signal<bigint | null>(null);
  private readonly reasonCidSignal = signal<string | null>(null);
  private readonly errorSignal = signal<string | null>(null);
  private doctor: BookingRequest['doctor'] | null = null;

  /** The new appointment's id once mined. */
  readonly bookedId = this.bookedIdSignal.asReadonly();
  /** The CID of the encrypted reason note sent with the booking (null before it is pinned, or without a reason). */
  readonly reasonCid = this.reasonCidSignal.asReadonly();
  /** Why the booking stopped, or why the documents were not shared (the booking itself stands then). */
  readonly error = this.errorSignal.asReadonly();
  /** The booking is on chain but sharing the documents with the doctor failed: `share` tries again. */
  readonly shareFailed = computed(() => this.stage() === 'failed' && this.reachedMined());
  /** The booking transaction's hash once the wallet has sent it. */
  readonly txHash = computed(() =>
    this.stage() === 'idle' || this.stage() === 'sealing' ? undefined : this.runner.status().hash,
  );
  readonly step = computed<BookingStep>(() => {
    switch (this.stage()) {
      case 'idle':
        return 'idle';
      case 'sealing':
        return 'encrypt';
      case 'signing':
        return { waiting: 'wallet', sent: 'pending', confirmed: 'mined', failed: 'failed', idle: 'wallet' }[
          this.runner.status().phase
        ] as BookingStep;
      case 'indexing':
        return 'mined';
      case 'sharing':
        return 'indexed';
      case 'shared':
        return 'shared';
      case 'failed':
        return this.reachedMined() ? 'indexed' : 'failed';
    }
  });

  async book(request: BookingRequest): Promise<BookingOutcome> {
    this.errorSignal.set(null);
    this.bookedIdSignal.set(null);
    this.reasonCidSignal.set(null);
    this.reachedMined.set(false);
    this.doctor = request.doctor;
    let reasonCid = '';
    if (request.reason) {
      this.stage.set('sealing');
      try {
        reasonCid = await this.reasons.seal(request.reason, request.doctor.address);
      } catch (error) {
        this.errorSignal.set(`Your reason could not be encrypted, so nothing was booked: ${errorText(error)}`);
        this.stage.set('failed');
        return 'unsent';
      }
      this.reasonCidSignal.set(reasonCid);
    }
    this.stage.set('signing');
    const slot = BigInt(Date.parse(request.slot) / 1000);
    const id = await this.contract.request(request.doctor, slot, request.feeWei, reasonCid);
    if (id === null) {
      this.stage.set('failed');
      return 'unsent';
    }
    this.bookedIdSignal.set(id);
    this.reachedMined.set(true);
    this.stage.set('indexing');
    await this.whenIndexed(id);
    return (await this.share()) ? 'booked' : 'share-failed';
  }

  /** Wraps the patient's shared documents for the booked doctor (again, after a failure). */
  async share(): Promise<boolean> {
    const doctor = this.doctor;
    if (this.bookedIdSignal() === null || !doctor) return false;
    this.stage.set('sharing');
    this.errorSignal.set(null);
    try {
      await this.sharing.shareWithDoctor(doctor.address);
      this.stage.set('shared');
      return true;
    } catch (error) {
      this.errorSignal.set(
        `Your appointment is booked, but your records were not shared with ${doctor.name} yet: ${errorText(error)}`,
      );
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
