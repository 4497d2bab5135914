import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import type { PatientProfileRequest, PatientView } from '@api';
import { SEX_OPTIONS, linesOf } from './patient';

/** E.164, as the API checks it: `+`, a country code, at most 15 digits. */
const E164 = /^\+[1-9]\d{6,14}$/;
// Wrapped: Angular's validators are static methods, and passing them unbound is what the lint rule guards against.
const isRequired = (control: AbstractControl) => Validators.required(control);
const isEmail = (control: AbstractControl) => Validators.email(control);
const required = [isRequired, Validators.pattern(/\S/)];

/** Today's date where the person is, as YYYY-MM-DD (the API allows any date that has begun somewhere). */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > localToday() ? { future: true } : null;
}

/**
 * The patient profile form, shared by registration and "My profile": the same checks as the API
 * (api/patients.ts), so a registration is not sent to the chain with a profile the API would refuse.
 */
@Component({
  selector: 'ehr-patient-profile-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './patient-profile-form.html',
  styleUrl: './patient-profile-form.css',
})
export class PatientProfileForm {
  /** The saved profile to start from (My profile); empty for a registration. */
  readonly initial = input<PatientView | null>(null);
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  /** Emitted with a valid profile when the person submits. */
  readonly submitted = output<PatientProfileRequest>();

  protected readonly sexes = SEX_OPTIONS;
  protected readonly today = localToday();

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [...required, Validators.maxLength(60)]],
    lastName: ['', [...required, Validators.maxLength(60)]],
    dateOfBirth: ['', [isRequired, notInFuture]],
    sex: ['', isRequired],
    email: ['', [isRequired, isEmail, Validators.maxLength(254)]],
    mobile: ['', [isRequired, Validators.pattern(E164)]],
    city: ['', [...required, Validators.maxLength(80)]],
    state: ['', [...required, Validators.maxLength(80)]],
    emergencyName: ['', [...required, Validators.maxLength(120)]],
    emergencyPhone: ['', [isRequired, Validators.pattern(E164)]],
    allergies: [''],
    chronicConditions: [''],
    currentMedications: [''],
  });

  constructor() {
    effect(() => {
      const view = this.initial();
      if (!view?.profile) return;
      const { profile, health } = view;
      this.form.setValue({
        firstName: profile.firstName,
        lastName: profile.lastName,
        dateOfBirth: profile.dateOfBirth,
        sex: profile.sex,
        email: profile.email,
        mobile: profile.mobile,
        city: profile.city,
        state: profile.state,
        emergencyName: profile.emergencyContact.name,
        emergencyPhone: profile.emergencyContact.phone,
        allergies: (health?.allergies ?? []).join('\n'),
        chronicConditions: (health?.chronicConditions ?? []).join('\n'),
        currentMedications: (health?.currentMedications ?? []).join('\n'),
      });
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.submitted.emit({
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      dateOfBirth: value.dateOfBirth,
      sex: value.sex as PatientProfileRequest['sex'],
      email: value.email.trim(),
      mobile: value.mobile.trim(),
      city: value.city.trim(),
      state: value.state.trim(),
      emergencyContact: { name: value.emergencyName.trim(), phone: value.emergencyPhone.trim() },
      allergies: linesOf(value.allergies),
      chronicConditions: linesOf(value.chronicConditions),
      currentMedications: linesOf(value.currentMedications),
    });
  }

  protected showError(control: keyof typeof this.form.controls): boolean {
    const field = this.form.controls[control];
    return field.invalid && field.touched;
  }
}
