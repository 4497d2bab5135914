import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AppointmentView } from '@api';
import { AppointmentsApi } from '../appointments/appointments-api';
import { patientLabel } from '../appointments/queue/appointment-text';
import { errorText } from '../shared/error-text';
import { ClinicalNoteForm } from './clinical-note-form';

/** Statuses after which a doctor writes the consultation note (the appointment's consent window covers it). */
const NOTE_STATUSES: readonly AppointmentView['status'][] = ['accepted', 'completed'];

/** /queue/:id/note: the doctor writes a consultation note or prescription about one of their appointments. */
@Component({
  selector: 'ehr-appointment-note-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ClinicalNoteForm, RouterLink],
  template: `
    <header class="page-header">
      <div>
        <h1>Consultation note</h1>
        @if (appointment(); as booked) {
          <p class="subtitle">For {{ patientLabel(booked) }}, appointment #{{ booked.id }}</p>
        }
      </div>
      <a class="btn btn--ghost" routerLink="/queue">Back to appointments</a>
    </header>
    @if (loadError(); as error) {
      <p class="notice notice--error" role="alert">{{ error }}</p>
    }
    @if (appointment(); as booked) {
      @if (writable(booked)) {
        <ehr-clinical-note-form [patient]="booked.patient" [appointmentId]="+booked.id" (saved)="savedId.set($event)" />
        @if (savedId(); as recordId) {
          <p class="notice" role="status">Entry #{{ recordId }} is in the patient's record.</p>
        }
      } @else {
        <p class="notice notice--warning">
          Appointment #{{ booked.id }} is {{ booked.status }}: a note follows an accepted or completed appointment.
        </p>
      }
    }
  `,
})
export class AppointmentNotePage implements OnInit {
  private readonly api = inject(AppointmentsApi);
  /** The appointment id, from the route. */
  readonly id = input.required<string>();
  protected readonly appointment = signal<AppointmentView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly savedId = signal<number | null>(null);
  protected readonly patientLabel = patientLabel;

  ngOnInit(): void {
    void this.load();
  }

  protected writable(appointment: AppointmentView): boolean {
    return NOTE_STATUSES.includes(appointment.status);
  }

  private async load(): Promise<void> {
    try {
      this.appointment.set(await this.api.get(this.id()));
    } catch (error) {
      this.loadError.set(`This appointment could not be loaded: ${errorText(error)}`);
    }
  }
}
