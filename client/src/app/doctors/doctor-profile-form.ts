/**
 * The paper's doctor form as an Angular form group, with the validators of the API's
 * DoctorProfileRequestSchema (api/doctors.ts) mirrored: names, a date of joining not in the future, an
 * email, an E.164 mobile, city and state; speciality wording and bio optional. The API checks again.
 */
import {
  type AbstractControl,
  type NonNullableFormBuilder,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import type { DoctorProfileRequest, DoctorView } from '@api';
import { E164_PATTERN } from '@api/doctor-codes';

/** Validators.required and .email as plain functions (they are static methods of a class). */
export const requiredValue: ValidatorFn = (control: AbstractControl) => Validators.required(control);
const emailValue: ValidatorFn = (control: AbstractControl) => Validators.email(control);

/** Required, at most `max` characters, and not only blanks. */
const notBlank: ValidatorFn = Validators.pattern(/\S/);
export function requiredText(max: number): ValidatorFn[] {
  const atMost: ValidatorFn = Validators.maxLength(max);
  return [requiredValue, atMost, notBlank];
}

/** Today as YYYY-MM-DD where the person is (the API allows up to today anywhere on Earth). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > localToday() ? { future: true } : null;
}

export function doctorProfileForm(fb: NonNullableFormBuilder) {
  return fb.group({
    firstName: ['', requiredText(50)],
    lastName: ['', requiredText(50)],
    dateOfJoining: ['', [requiredValue, notInFuture]],
    email: ['', [requiredValue, emailValue, Validators.maxLength(254)]],
    mobile: ['', [requiredValue, Validators.pattern(E164_PATTERN)]],
    city: ['', requiredText(80)],
    state: ['', requiredText(80)],
    specialityLabel: ['', [Validators.maxLength(80)]],
    bio: ['', [Validators.maxLength(500)]],
  });
}
export type DoctorProfileForm = ReturnType<typeof doctorProfileForm>;

/** The request body: trimmed, optional fields left out when empty. */
export function profileRequestOf(form: DoctorProfileForm): DoctorProfileRequest {
  const value = form.getRawValue();
  const specialityLabel = value.specialityLabel.trim();
  const bio = value.bio.trim();
  return {
    firstName: value.firstName.trim(),
    lastName: value.lastName.trim(),
    dateOfJoining: value.dateOfJoining,
    email: value.email.trim(),
    mobile: value.mobile.trim(),
    city: value.city.trim(),
    state: value.state.trim(),
    ...(specialityLabel && { specialityLabel }),
    ...(bio && { bio }),
  };
}

/** Fills the form with a doctor's stored profile (Edit Doctor). */
export function fillProfileForm(form: DoctorProfileForm, doctor: DoctorView): void {
  form.reset({
    firstName: doctor.firstName ?? '',
    lastName: doctor.lastName ?? '',
    dateOfJoining: doctor.dateOfJoining ?? '',
    email: doctor.email ?? '',
    mobile: doctor.mobile ?? '',
    city: doctor.city ?? '',
    state: doctor.state ?? '',
    specialityLabel: doctor.specialityLabel ?? '',
    bio: doctor.bio ?? '',
  });
}
