import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TransactionRunner } from '../chain/transaction-runner';
import { WalletConnection } from '../chain/wallet-connection';
import { errorText } from '../shared/error-text';
import { SPECIALITIES } from './doctor';
import { DoctorRegistry } from './doctor-registry';
import { DoctorsApi } from './doctors-api';
import { newLicenceCommitment } from './licence-commitment';
import { DoctorProfileFields } from './doctor-profile-fields';
import { doctorProfileForm, profileRequestOf, requiredText, requiredValue } from './doctor-profile-form';

/**
 * Self-registration as a doctor with the paper's form: the salted licence hash and the speciality go on
 * chain (pending an admin's verification). The licence number and salt are stored off chain first, for
 * admins to check; the profile (names, date of joining, contact, city, state, bio) is saved once the
 * registration is mined. The doctor's account id is the connected wallet, never typed.
 */
@Component({
  selector: 'ehr-doctor-registration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, DoctorProfileFields],
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

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly account = inject(WalletConnection).account;
  protected readonly form = this.fb.group({
    licence: ['', requiredText(64)],
    speciality: [0, [requiredValue, Validators.min(1)]],
  });
  protected readonly profile = doctorProfileForm(this.fb);

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.profile.invalid) {
      this.form.markAllAsTouched();
      this.profile.markAllAsTouched();
      return;
    }
    const { licence, speciality } = this.form.getRawValue();
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
      await this.doctorsApi.saveProfile(profileRequestOf(this.profile));
    } catch (error) {
      this.profileError.set(`You are registered, but your profile was not saved: ${errorText(error)}`);
    }
    this.registered.emit();
  }

  protected showError(control: 'licence' | 'speciality'): boolean {
    const field = this.form.controls[control];
    return field.invalid && field.touched;
  }
}
