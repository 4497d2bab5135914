import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type ClinicalNote, NOTE_NAMES } from './note-format';

/** A consultation note or prescription, rendered from its structured fields (for the doctor and the patient). */
@Component({
  selector: 'ehr-clinical-note-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let shown = note();
    <article class="note" [attr.aria-label]="names[shown.kind]">
      <h3>
        {{ names[shown.kind] }}
        @if (shown.appointmentId) {
          <span class="muted">· appointment #{{ shown.appointmentId }}</span>
        }
      </h3>
      <dl>
        <dt>Diagnosis</dt>
        <dd data-testid="note-diagnosis">{{ shown.diagnosis }}</dd>
        @if (shown.notes) {
          <dt>Notes</dt>
          <dd class="notes" data-testid="note-notes">{{ shown.notes }}</dd>
        }
      </dl>
      @if (shown.medications.length > 0) {
        <table class="table medications">
          <caption>
            Medications
          </caption>
          <thead>
            <tr>
              <th scope="col">Medication</th>
              <th scope="col">Dose</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            @for (medication of shown.medications; track $index) {
              <tr>
                <td>{{ medication.name }}</td>
                <td>{{ medication.dose }}</td>
                <td>{{ medication.duration }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="muted">No medications.</p>
      }
    </article>
  `,
  styles: `
    h3 {
      margin: 0 0 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.35rem 1rem;
      margin: 0 0 0.75rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .notes {
      white-space: pre-line;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
  `,
})
export class ClinicalNoteView {
  readonly note = input.required<ClinicalNote>();
  protected readonly names = NOTE_NAMES;
}
