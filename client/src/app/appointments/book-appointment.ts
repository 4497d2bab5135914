import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { DoctorView, FreeSlots } from '@api';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { specialityName } from '../doctors/doctor';
import { DoctorsApi } from '../doctors/doctors-api';
import { PublishedKeyError } from '../documents/document-keys.service';
import { NOTE_LIMITS } from '../notes/note-format';
import { errorText } from '../shared/error-text';
import { AppointmentBooking, BOOKING_STEPS } from './appointment-booking';
import { AppointmentsApi } from './appointments-api';
import { ReasonNotes } from './reason-notes';
import { TEST_ETHER_NOTE, etherText } from './fee';
import { SlotPicker } from './slot-picker';
import { formatSlotTime, localTimeZone } from './slot-days';

/** The reason note's limit (notes/note-format.ts). */
export const REASON_MAX_LENGTH = NOTE_LIMITS.reason;

/**
 * Book an appointment (patients): the doctor's fee and next free slots, a reason encrypted in the browser for
 * the patient and the doctor only, a confirmation showing the fee, then the signature and its progress up to
 * the patient's records being shared with the doctor. A doctor who has not set up document encryption cannot
 * receive an encrypted reason: the page says so and books without one. Should someone take the chosen time
 * meanwhile, the chain refuses the request and the free slots are read again.
 */
@Component({
  selector: 'ehr-book-appointment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, SlotPicker],
  providers: [AppointmentBooking],
  templateUrl: './book-appointment.html',
  styleUrl: './book-appointment.css',
})
export class BookAppointment implements OnInit {
  private readonly api = inject(AppointmentsApi);
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly reasonNotes = inject(ReasonNotes);
  protected readonly booking = inject(AppointmentBooking);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The doctor's address, from the route. */
  readonly doctor = input.required<string>();

  protected readonly steps = BOOKING_STEPS;
  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly testEther = TEST_ETHER_NOTE;
  protected readonly timeZone = localTimeZone();
  protected readonly formatSlotTime = formatSlotTime;

  protected readonly profile = signal<DoctorView | null>(null);
  protected readonly freeSlots = signal<FreeSlots | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly slotGone = signal<string | null>(null);
  protected readonly phase = signal<'choose' | 'confirm' | 'booking'>('choose');
  protected readonly chosen = signal<string | null>(null);
  /** Whether a reason can be encrypted for this doctor: null while checking their published key. */
  protected readonly reasonBlocked = signal<string | null>(null);
  protected readonly reasonChecked = signal(false);
  protected reason = '';

  protected readonly doctorName = computed(() => {
    const profile = this.profile();
    return profile?.displayName || shortAddress(this.doctor());
  });
  protected readonly speciality = computed(() => {
    const profile = this.profile();
    if (!profile) return '';
    return profile.specialityLabel || specialityName(profile.speciality);
  });
  protected readonly fee = computed(() => {
    const feeWei = this.freeSlots()?.feeWei;
    return feeWei === null || feeWei === undefined ? null : etherText(feeWei);
  });
  protected readonly stepIndex = computed(() => this.steps.findIndex((entry) => entry.step === this.booking.step()));

  ngOnInit(): void {
    void this.load();
  }

  /** A reason is required unless the doctor cannot receive an encrypted one. */
  protected mayReview(): boolean {
    return !!this.chosen() && this.reasonChecked() && (!!this.reasonBlocked() || !!this.reason.trim());
  }

  protected review(): void {
    if (!this.mayReview()) return;
    this.slotGone.set(null);
    this.phase.set('confirm');
  }

  protected back(): void {
    this.phase.set('choose');
  }

  protected async confirm(): Promise<void> {
    const slots = this.freeSlots();
    const slot = this.chosen();
    if (!slots?.feeWei || !slot) return;
    this.phase.set('booking');
    const outcome = await this.booking.book({
      doctor: { address: this.doctor(), name: this.doctorName() },
      slot,
      feeWei: BigInt(slots.feeWei),
      reason: this.reasonBlocked() ? '' : this.reason.trim(),
    });
    if (outcome !== 'unsent') return;
    // The reason could not be encrypted: nothing was signed; the error shows on the confirmation.
    if (this.booking.error()) this.phase.set('confirm');
    else await this.offerAgain(slot);
  }

  protected stepState(index: number): 'done' | 'current' | 'todo' {
    const current = this.stepIndex();
    if (this.booking.step() === 'shared' || index < current) return 'done';
    return index === current ? 'current' : 'todo';
  }

  /** The request did not go through: read the free slots again and say so if the chosen one was taken. */
  private async offerAgain(slot: string): Promise<void> {
    await this.loadSlots();
    const stillFree = this.freeSlots()?.slots.some((free) => free.start === slot);
    if (!stillFree) {
      this.slotGone.set(
        `Someone else booked ${formatSlotTime(slot)} a moment ago, so the chain refused it and took no fee. The free times below are current: please choose another.`,
      );
      this.chosen.set(null);
    }
    this.phase.set('choose');
  }

  private async load(): Promise<void> {
    try {
      this.profile.set(await this.doctorsApi.get(this.doctor()));
    } catch (error) {
      this.loadError.set(`This doctor could not be found: ${errorText(error)}`);
      return;
    }
    await Promise.all([this.loadSlots(), this.checkReasonKey()]);
  }

  /** The doctor's published key, verified: without one the reason cannot be encrypted for them. */
  private async checkReasonKey(): Promise<void> {
    try {
      await this.reasonNotes.doctorKey(this.doctor());
      this.reasonBlocked.set(null);
    } catch (error) {
      const why =
        error instanceof PublishedKeyError ? error.message : `their key could not be read (${errorText(error)})`;
      this.reasonBlocked.set(
        `${this.doctorName()} cannot receive an encrypted reason: ${why}. You can book without one and tell them at the appointment.`,
      );
    } finally {
      this.reasonChecked.set(true);
    }
  }

  private async loadSlots(): Promise<void> {
    try {
      this.freeSlots.set(await this.api.freeSlots(this.doctor()));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(`The free slots could not be loaded: ${errorText(error)}`);
    }
  }
}
