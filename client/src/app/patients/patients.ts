import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PatientView } from '@api';
import { Session } from '../auth/session';
import { DoctorAccess } from '../consent/doctor-access';
import { PatientList } from './patient-list';
import { PatientRegistration } from './patient-registration';
import { PatientsApi } from './patients-api';

/**
 * Patient area: registration with a profile, then the profile and who may see the records;
 * links to booking appointments; for admins, the list of registered patients.
 */
@Component({
  selector: 'ehr-patients',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PatientRegistration, DoctorAccess, PatientList, RouterLink],
  templateUrl: './patients.html',
  styleUrl: './patients.css',
})
export class Patients {
  private readonly session = inject(Session);
  private readonly patientsApi = inject(PatientsApi);
  protected readonly isAdmin = this.session.isAdmin;
  protected readonly isPatient = computed(() => this.session.account()?.roles.includes('patient') ?? false);
  /** Only a registered patient has records to share; the contract would refuse anyone else's grant. */
  protected readonly patientAddress = computed(() => (this.isPatient() ? this.session.account()?.address : undefined));
  /** A doctor registration (any status) rules out registering the same account as a patient. */
  protected readonly canRegister = computed(() => this.session.account()?.doctorStatus === 'none' && !this.isPatient());
  protected readonly ownProfile = signal<PatientView | null>(null);

  constructor() {
    // The patient's own profile, once they are one (also right after registering).
    effect(() => {
      if (this.isPatient()) void this.loadOwnProfile();
    });
  }

  protected refresh(): Promise<unknown> {
    return this.session.refresh();
  }

  private async loadOwnProfile(): Promise<void> {
    this.ownProfile.set(await this.patientsApi.mine().catch(() => null));
  }
}
