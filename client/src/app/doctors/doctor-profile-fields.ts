import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { localToday, type DoctorProfileForm } from './doctor-profile-form';

/**
 * The paper's profile fields, labelled and with their error messages; used by the doctor's registration
 * and the admin's Add / Edit Doctor. `idPrefix` keeps the ids unique when two forms share a page.
 */
@Component({
  selector: 'ehr-doctor-profile-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './doctor-profile-fields.html',
  styleUrl: './doctor-profile-fields.css',
})
export class DoctorProfileFields {
  readonly form = input.required<DoctorProfileForm>();
  readonly idPrefix = input('doctor');
  protected readonly today = localToday();

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected showError(field: keyof DoctorProfileForm['controls']): boolean {
    const control = this.form().controls[field];
    return control.invalid && control.touched;
  }

  protected hasError(field: keyof DoctorProfileForm['controls'], error: string): boolean {
    return this.form().controls[field].hasError(error);
  }
}
