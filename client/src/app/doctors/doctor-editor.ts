import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { isAddress } from 'ethers';
import type { DoctorView } from '@api';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { SPECIALITIES, specialityName } from './doctor';
import { DoctorProfileFields } from './doctor-profile-fields';
import {
  doctorProfileForm,
  fillProfileForm,
  profileRequestOf,
  requiredText,
  requiredValue,
} from './doctor-profile-form';
import { DoctorRegistry } from './doctor-registry';
import { DoctorsApi } from './doctors-api';
import { newLicenceCommitment } from './licence-commitment';

const LISTED_POLL_MS = 700;
const LISTED_POLL_ATTEMPTS = 15;

const ethereumAddress = (control: AbstractControl<string>) =>
  !control.value || isAddress(control.value.trim()) ? null : { address: true };

/**
 * The admin console's Add Doctor and Edit Doctor. Add: the licence and profile are stored for the
 * address first, then registerDoctorFor goes out from the admin's wallet and the doctor appears
 * pending. Edit (`address` from the route): any profile field; the speciality code and licence are the
 * chain's and shown only. The API records who changed what.
 */
@Component({
  selector: 'ehr-doctor-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, DoctorProfileFields],
  templateUrl: './doctor-editor.html',
  styleUrl: './doctor-editor.css',
})
export class DoctorEditor implements OnInit {
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly registry = inject(DoctorRegistry);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The doctor to edit (route parameter); absent: Add Doctor. */
  readonly address = input<string>();

  protected readonly specialities = SPECIALITIES;
  protected readonly specialityName = specialityName;
  protected readonly doctor = signal<DoctorView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly registration = this.fb.group({
    address: ['', [requiredValue, ethereumAddress]],
    licence: ['', requiredText(64)],
    speciality: [0, [requiredValue, Validators.min(1)]],
  });
  protected readonly profile = doctorProfileForm(this.fb);

  ngOnInit(): void {
    void this.loadDoctor();
  }

  private async loadDoctor(): Promise<void> {
    const address = this.address();
    if (!address) return;
    try {
      const doctor = await this.doctorsApi.get(address);
      this.doctor.set(doctor);
      fillProfileForm(this.profile, doctor);
    } catch (error) {
      this.error.set(`This doctor could not be loaded: ${errorText(error)}`);
    }
  }

  protected showError(control: 'address' | 'licence' | 'speciality'): boolean {
    const field = this.registration.controls[control];
    return field.invalid && field.touched;
  }

  protected async submit(): Promise<void> {
    this.error.set(null);
    this.saved.set(null);
    const editing = this.address();
    if (this.profile.invalid || (!editing && this.registration.invalid)) {
      this.profile.markAllAsTouched();
      this.registration.markAllAsTouched();
      return;
    }
    if (editing) await this.saveEdit(editing);
    else await this.addDoctor();
  }

  private async saveEdit(address: string): Promise<void> {
    try {
      const { changedFields } = await this.doctorsApi.saveProfileFor(address, profileRequestOf(this.profile));
      this.saved.set(changedFields.length ? `Saved. Changed: ${changedFields.join(', ')}.` : 'Saved. Nothing changed.');
    } catch (error) {
      this.error.set(`The profile was not saved: ${errorText(error)}`);
    }
  }

  /** Off-chain first (the chain's licence hash is uncheckable without the stored salt), then the transaction. */
  private async addDoctor(): Promise<void> {
    const { address, licence, speciality } = this.registration.getRawValue();
    const doctor = address.trim();
    const commitment = newLicenceCommitment(licence);
    try {
      await this.doctorsApi.saveLicenceFor(doctor, { licenceNumber: commitment.licenceNumber, salt: commitment.salt });
      await this.doctorsApi.saveProfileFor(doctor, profileRequestOf(this.profile));
    } catch (error) {
      this.error.set(`The doctor's details could not be stored, so nothing was sent to the chain: ${errorText(error)}`);
      return;
    }
    if (!(await this.registry.registerFor(doctor, commitment.hash, Number(speciality)))) return;
    await this.untilListed(doctor);
    await this.router.navigateByUrl('/doctors');
  }

  /** The server's indexer follows the chain about every second: wait until it lists the new doctor. */
  private async untilListed(doctor: string): Promise<void> {
    for (let attempt = 0; attempt < LISTED_POLL_ATTEMPTS; attempt++) {
      try {
        await this.doctorsApi.get(doctor);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, LISTED_POLL_MS));
      }
    }
  }
}
