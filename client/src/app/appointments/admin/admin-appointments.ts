import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { isAddress } from 'ethers';
import type { AppointmentView } from '@api';
import { LISTED_APPOINTMENT_STATUSES, type AppointmentStatus } from '@api/chain-values';
import { shortAddress } from '../../auth/account';
import { TransactionRunner } from '../../chain/transaction-runner';
import { AppointmentsContract } from '../appointments-contract';
import { doctorLabel, feeText, patientLabel, slotText, statusLabel } from '../queue/appointment-text';
import { ADMIN_PAGE, AdminAppointmentsStore } from './admin-appointments-store';

const optionalAddress = (control: AbstractControl<string>) =>
  !control.value.trim() || isAddress(control.value.trim()) ? null : { address: true };

/**
 * The admin's view of every appointment (status, parties, slot, fee; never the reasons, which are health
 * data for the two parties only) and the disputed no-shows they settle on chain: the fee back to the
 * patient, or to the doctor.
 */
@Component({
  selector: 'ehr-admin-appointments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  providers: [AdminAppointmentsStore],
  templateUrl: './admin-appointments.html',
  styleUrl: './admin-appointments.css',
})
export class AdminAppointments implements OnInit {
  private readonly contract = inject(AppointmentsContract);
  protected readonly store = inject(AdminAppointmentsStore);
  protected readonly busy = inject(TransactionRunner).busy;

  protected readonly statuses = LISTED_APPOINTMENT_STATUSES;
  protected readonly page = ADMIN_PAGE;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly filterForm = this.fb.group({
    status: this.fb.control<AppointmentStatus | ''>(''),
    patient: ['', optionalAddress],
    doctor: ['', optionalAddress],
  });
  protected readonly pageText = computed(() => {
    const total = this.store.total();
    if (total === 0) return '';
    const first = this.store.offset() + 1;
    return `${first}–${this.store.offset() + this.store.items().length} of ${total}`;
  });

  protected readonly patientLabel = patientLabel;
  protected readonly doctorLabel = doctorLabel;
  protected readonly slotText = slotText;
  protected readonly feeText = feeText;
  protected readonly statusLabel = statusLabel;
  protected readonly shortAddress = shortAddress;

  ngOnInit(): void {
    void this.store.load();
  }

  protected showError(control: 'patient' | 'doctor'): boolean {
    const field = this.filterForm.controls[control];
    return field.invalid && field.touched;
  }

  protected applyFilter(): Promise<void> | void {
    if (this.filterForm.invalid) {
      this.filterForm.markAllAsTouched();
      return;
    }
    const { status, patient, doctor } = this.filterForm.getRawValue();
    return this.store.applyFilter({
      ...(status && { status }),
      ...(patient.trim() && { patient: patient.trim() }),
      ...(doctor.trim() && { doctor: doctor.trim() }),
    });
  }

  protected async settle(appointment: AppointmentView, refundPatient: boolean): Promise<void> {
    if (await this.contract.settleDispute(BigInt(appointment.id), refundPatient)) await this.store.load();
  }
}
