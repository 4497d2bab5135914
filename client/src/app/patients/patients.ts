import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Session } from '../auth/session';
import { DoctorAccess } from '../consent/doctor-access';
import { PatientRegistration } from './patient-registration';

/** Patient area: registration, then who may see the records; appointments and records arrive with their contracts. */
@Component({
  selector: 'ehr-patients',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PatientRegistration, DoctorAccess],
  templateUrl: './patients.html',
  styleUrl: './patients.css',
})
export class Patients {
  private readonly session = inject(Session);
  protected readonly isPatient = computed(() => this.session.account()?.roles.includes('patient') ?? false);
  /** Only a registered patient has records to share; the contract would refuse anyone else's grant. */
  protected readonly patientAddress = computed(() => (this.isPatient() ? this.session.account()?.address : undefined));
  /** A doctor registration (any status) rules out registering the same account as a patient. */
  protected readonly canRegister = computed(() => this.session.account()?.doctorStatus === 'none' && !this.isPatient());

  protected refresh(): Promise<unknown> {
    return this.session.refresh();
  }
}
