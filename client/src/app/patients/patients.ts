import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Session } from '../auth/session';
import { PatientRegistration } from './patient-registration';

/** Patient area: registration today; appointments and records arrive with their contracts. */
@Component({
  selector: 'ehr-patients',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PatientRegistration],
  templateUrl: './patients.html',
})
export class Patients {
  private readonly session = inject(Session);
  protected readonly isPatient = computed(() => this.session.account()?.roles.includes('patient') ?? false);
  /** A doctor registration (any status) rules out registering the same account as a patient. */
  protected readonly canRegister = computed(() => this.session.account()?.doctorStatus === 'none' && !this.isPatient());

  protected refresh(): Promise<unknown> {
    return this.session.refresh();
  }
}
