/**
 * /records/:patient: a patient's record as a doctor with access (or an admin) sees it. The API serves it only
 * while the chain says the doctor has access; opening an entry is logged in the patient's access log.
 *
 * Extension point: the doctor's note form goes in the `.record-actions` section of the template; after it
 * anchors a note it calls `recordChanged()` so the timeline reads the record again.
 */
import { ChangeDetectionStrategy, Component, input, signal, viewChild } from '@angular/core';
import { shortAddress } from '../auth/account';
import { ClinicalNoteForm } from '../notes/clinical-note-form';
import { RecordTimeline } from './record-timeline';

@Component({
  selector: 'ehr-patient-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecordTimeline, ClinicalNoteForm],
  template: `
    <header class="page-header">
      <div>
        <h1>Record of patient {{ shortAddress(patient()) }}</h1>
        <p class="subtitle mono">{{ patient() }}</p>
      </div>
    </header>
    <section class="record-actions" aria-label="Add to the record">
      @if (writing()) {
        <ehr-clinical-note-form [patient]="patient()" (saved)="recordChanged()" />
        <button type="button" class="btn btn--ghost" (click)="writing.set(false)">Close the note form</button>
      } @else {
        <button type="button" class="btn btn--primary" (click)="writing.set(true)">
          Write a consultation note or prescription
        </button>
      }
    </section>
    <ehr-record-timeline [patient]="patient()" />
  `,
})
export class PatientRecord {
  private readonly timeline = viewChild.required(RecordTimeline);

  /** The route's :patient (withComponentInputBinding). */
  readonly patient = input.required<string>();
  protected readonly shortAddress = shortAddress;
  protected readonly writing = signal(false);

  /** Reads the record again after something was anchored (and once the indexer has caught up). */
  recordChanged(): void {
    void this.timeline().reload();
    setTimeout(() => void this.timeline().reload(), 2000);
  }
}
