import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import type { PatientProfileRequest } from '@api';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { PatientProfileForm } from './patient-profile-form';
import { PatientRegistry } from './patient-registry';
import { PatientsApi } from './patients-api';

/**
 * Self-registration as a patient with a profile. The chain comes first, as in the doctors' flow for
 * their profile: the API accepts a profile only from an account the Registry already knows as a
 * patient, and the form checks everything the API checks before the wallet is asked. Should the save
 * still fail after the transaction, the patient is registered and says so; "My profile" saves it again.
 */
@Component({
  selector: 'ehr-patient-registration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PatientProfileForm],
  template: `
    <p class="muted">Patients book appointments with verified doctors and keep their encrypted test results.</p>
    <ehr-patient-profile-form submitLabel="Register as patient" [busy]="busy()" (submitted)="register($event)" />
    @if (profileError(); as error) {
      <p class="notice notice--error" role="alert">{{ error }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.75rem;
    }
    p {
      margin: 0;
    }
  `,
})
export class PatientRegistration {
  private readonly registry = inject(PatientRegistry);
  private readonly patientsApi = inject(PatientsApi);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly profileError = signal<string | null>(null);

  /** Emitted once the registration is mined (even if the profile then failed to save). */
  readonly registered = output<void>();

  protected async register(profile: PatientProfileRequest): Promise<void> {
    this.profileError.set(null);
    if (!(await this.registry.register())) return;
    try {
      await this.patientsApi.saveMine(profile);
    } catch (error) {
      this.profileError.set(
        `You are registered, but your profile was not saved: ${errorText(error)}. Open “My profile” to save it again.`,
      );
    }
    this.registered.emit();
  }
}
