import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Session } from '../auth/session';
import { DoctorRegistration } from '../doctors/doctor-registration';
import { DoctorStatusBadge } from '../doctors/doctor-status-badge';
import { DoctorVerificationSummary } from '../doctors/doctor-verification-summary';
import { SystemStatus } from '../health/system-status';
import { PatientRegistration } from '../patients/patient-registration';
import { AppointmentCharts } from './appointment-charts';
import { TransactionCharts } from './transaction-charts';

/**
 * Role-aware home: what this account is, how to become a doctor or patient when it is nothing yet,
 * and for admins the system's health and the doctors waiting for them.
 */
@Component({
  selector: 'ehr-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DoctorStatusBadge,
    DoctorRegistration,
    PatientRegistration,
    SystemStatus,
    DoctorVerificationSummary,
    TransactionCharts,
    AppointmentCharts,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.css',
})
export class Dashboard {
  private readonly session = inject(Session);
  protected readonly account = this.session.account;
  protected readonly isAdmin = this.session.isAdmin;
  protected readonly roles = computed(() => this.account()?.roles ?? []);
  protected readonly doctorStatus = computed(() => this.account()?.doctorStatus ?? 'none');
  /** Nothing registered yet: the account may still become a doctor or a patient. */
  protected readonly unregistered = computed(() => this.roles().length === 0 && this.doctorStatus() === 'none');
  protected readonly showDoctorCard = computed(() => this.doctorStatus() !== 'none' || this.unregistered());

  protected refresh(): Promise<unknown> {
    return this.session.refresh();
  }
}
