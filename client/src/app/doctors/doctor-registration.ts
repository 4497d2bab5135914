import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { SPECIALITIES } from './doctor';
import { DoctorRegistry } from './doctor-registry';
import { DoctorsApi } from './doctors-api';
import { newLicenceCommitment } from './licence-commitment';

/**
 * Self-registration as a doctor: the salted licence hash and the speciality go on chain (pending an
 * admin's verification). The licence number and salt are stored off chain first, for admins to check;
 * the display name is an off-chain profile saved once the registration is mined.
 */
@Component({
  selector: 'ehr-doctor-registration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './doctor-registration.html',
  styleUrl: './doctor-registration.css',
})
export class DoctorRegistration {
  private readonly registry = inject(DoctorRegistry);
  private readonly doctorsApi = inject(DoctorsApi);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly specialities = SPECIALITIES;
  protected readonly profileError = signal<string | null>(null);

  /** Emitted once the registration is mined (the account is now a pending doctor). */
  readonly registered = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    licence: ['', [Validators.required, Validators.maxLength(64), Validators.pattern(/\S/)]],
    speciality: [0, [Validators.required, Validators.min(1)]],
    displayName: ['', [Validators.required, Validators.maxLength(80), Validators.pattern(/\S/)]],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { licence, speciality, displayName } = this.form.getRawValue();
    this.profileError.set(null);
    const commitment = newLicenceCommitment(licence);
    try {
      await this.doctorsApi.saveLicence({ licenceNumber: commitment.licenceNumber, salt: commitment.salt });
    } catch (error) {
      this.profileError.set(`Your licence could not be stored, so nothing was sent to the chain: ${errorText(error)}`);
      return;
    }
    if (!(await this.registry.register(commitment.hash, Number(speciality)))) return;
    try {
      await this.doctorsApi.saveProfile(displayName.trim());
    } catch (error) {
      this.profileError.set(`You are registered, but your display name was not saved: ${errorText(error)}`);
    }
    this.registered.emit();
  }

  protected showError(control: 'licence' | 'speciality' | 'displayName'): boolean {
    const field = this.form.controls[control];
    return field.invalid && field.touched;
  }
}
