import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { PracticeView } from '@api';
import { AppointmentsContract } from '../appointments/appointments-contract';
import { TransactionRunner } from '../chain/transaction-runner';
import { SLOT_MINUTES, fillTermsForm, termsForm, termsOf } from './practice-form';

/**
 * The doctor's terms on chain: the fee a patient pays into escrow when booking, and the slot length their
 * consulting hours are cut into. One transaction (Appointments.setTerms) publishes both.
 */
@Component({
  selector: 'ehr-practice-terms',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './practice-terms.html',
})
export class PracticeTerms {
  private readonly contract = inject(AppointmentsContract);
  protected readonly busy = inject(TransactionRunner).busy;

  /** What is published now (null while loading). */
  readonly practice = input<PracticeView | null>(null);
  /** The terms are mined: the parent reads the practice again. */
  readonly published = output<void>();

  protected readonly bounds = SLOT_MINUTES;
  protected readonly form = termsForm(inject(NonNullableFormBuilder));
  protected readonly done = signal(false);

  constructor() {
    effect(() => {
      const practice = this.practice();
      // Fresh values replace the form's only while the doctor is not editing it.
      if (practice && this.form.pristine) fillTermsForm(this.form, practice);
    });
  }

  protected showError(control: 'fee' | 'slotMinutes'): boolean {
    const field = this.form.controls[control];
    return field.invalid && field.touched;
  }

  protected hasError(control: 'fee' | 'slotMinutes', error: string): boolean {
    return this.form.controls[control].hasError(error);
  }

  protected async publish(): Promise<void> {
    this.done.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { feeWei, slotLength } = termsOf(this.form);
    if (!(await this.contract.setTerms(feeWei, slotLength))) return;
    this.done.set(true);
    this.form.markAsPristine();
    this.published.emit();
  }
}
