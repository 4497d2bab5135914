import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { PracticeView } from '@api';
import { AppointmentsApi } from '../appointments/appointments-api';
import { errorText } from '../shared/error-text';
import {
  MAX_SESSIONS,
  WEEKDAYS,
  fillHoursForm,
  hoursForm,
  hoursRequestOf,
  sessionGroup,
  timeZoneChoices,
} from './practice-form';

/**
 * The doctor's consulting hours (off chain, in MongoDB): a time zone and sessions per weekday. Patients are
 * offered these hours cut into slots of the on-chain slot length.
 */
@Component({
  selector: 'ehr-consulting-hours',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './consulting-hours.html',
  styleUrl: './consulting-hours.css',
})
export class ConsultingHours {
  private readonly api = inject(AppointmentsApi);
  private readonly fb = inject(NonNullableFormBuilder);

  /** What is saved now (null while loading). */
  readonly practice = input<PracticeView | null>(null);
  /** The hours are stored: the new practice as the API answers it. */
  readonly saved = output<PracticeView>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly maxSessions = MAX_SESSIONS;
  protected readonly form = hoursForm(this.fb);
  protected readonly sessions = this.form.controls.sessions;
  private readonly timeZone = toSignal(this.form.controls.timeZone.valueChanges, {
    initialValue: this.form.controls.timeZone.value,
  });
  protected readonly timeZones = computed(() => timeZoneChoices(this.timeZone()));
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal(false);

  constructor() {
    effect(() => {
      const practice = this.practice();
      // Fresh values replace the form's only while the doctor is not editing it.
      if (practice && this.form.pristine) fillHoursForm(this.fb, this.form, practice);
    });
  }

  protected addSession(): void {
    const last = this.sessions.at(this.sessions.length - 1)?.getRawValue();
    const next = last ? { ...last, weekday: (last.weekday % 7) + 1 } : undefined;
    this.sessions.push(sessionGroup(this.fb, next));
    this.sessions.markAsDirty();
  }

  protected removeSession(index: number): void {
    this.sessions.removeAt(index);
    this.sessions.markAsDirty();
  }

  protected endError(index: number): string | null {
    const session = this.sessions.at(index);
    if (!session.touched && !session.dirty) return null;
    if (session.controls.start.invalid || session.controls.end.invalid) return 'Enter both times.';
    if (session.hasError('endBeforeStart')) return 'The session must end after it starts.';
    const overlapping = (this.sessions.getError('overlapping') as number[] | null) ?? [];
    return overlapping.includes(index) ? 'This overlaps another session of the same day.' : null;
  }

  protected weekdayName(index: number): string {
    const weekday = Number(this.sessions.at(index).controls.weekday.value);
    return WEEKDAYS.find((day) => day.value === weekday)?.name ?? '';
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    this.done.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const practice = await this.api.savePracticeHours(hoursRequestOf(this.form));
      this.form.markAsPristine();
      this.done.set(true);
      this.saved.emit(practice);
    } catch (error) {
      this.error.set(`The hours were not saved: ${errorText(error)}`);
    } finally {
      this.saving.set(false);
    }
  }
}
