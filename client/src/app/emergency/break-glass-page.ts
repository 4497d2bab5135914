/**
 * The doctor's break-glass: which patient, why (required, recorded, reviewed), a confirmation that says what
 * happens, then the BreakGlass service (justification to the API, commitment on chain from the wallet) and the
 * emergency view. Below, the doctor's windows still open, to go back to one.
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { EmergencyAccessView } from '@api';
import { getAddress } from 'ethers';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { BreakGlass, JUSTIFICATION_MIN_LENGTH } from './break-glass';
import { EmergencyApi } from './emergency-api';

const ADDRESS = /^\s*0x[0-9a-fA-F]{40}\s*$/;

@Component({
  selector: 'ehr-break-glass-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, DatePipe],
  templateUrl: './break-glass-page.html',
  styleUrl: './emergency.css',
})
export class BreakGlassPage implements OnInit {
  private readonly breakGlass = inject(BreakGlass);
  private readonly api = inject(EmergencyApi);
  private readonly router = inject(Router);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly minLength = JUSTIFICATION_MIN_LENGTH;
  protected readonly shortAddress = shortAddress;

  protected readonly form = inject(NonNullableFormBuilder).group({
    patient: ['', [(control: AbstractControl) => Validators.required(control), Validators.pattern(ADDRESS)]],
    justification: [
      '',
      [
        (control: AbstractControl<string>) =>
          control.value.trim().length >= JUSTIFICATION_MIN_LENGTH ? null : { tooShort: true },
      ],
    ],
  });
  /** Set once the form is valid: the doctor confirms before anything is sent. */
  protected readonly confirming = signal(false);
  protected readonly working = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly open = signal<EmergencyAccessView[]>([]);

  ngOnInit(): void {
    void this.loadOpen();
  }

  protected showError(control: 'patient' | 'justification'): boolean {
    const field = this.form.controls[control];
    return field.invalid && field.touched;
  }

  protected review(): void {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.confirming.set(true);
  }

  protected async confirm(): Promise<void> {
    const patient = getAddress(this.form.getRawValue().patient.trim().toLowerCase());
    this.working.set(true);
    this.error.set(null);
    try {
      if (await this.breakGlass.open(patient, this.form.getRawValue().justification)) {
        await this.router.navigate(['/emergency', patient]);
      }
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.working.set(false);
      this.confirming.set(false);
    }
  }

  private async loadOpen(): Promise<void> {
    try {
      this.open.set((await this.api.mine()).filter((access) => access.live));
    } catch {
      this.open.set([]);
    }
  }
}
