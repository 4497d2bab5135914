/**
 * /records/:patient: a patient's record as a doctor with access (or an admin) sees it. The API serves it only
 * while the chain says the doctor has access; opening an entry is logged in the patient's access log.
 *
 * Extension point: the doctor's note form goes in the `.record-actions` section of the template; after it
 * anchors a note it calls `recordChanged()` so the timeline reads the record again.
 */
import { ChangeDetectionStrategy, Component, input, viewChild } from '@angular/core';
import { shortAddress } from '../auth/account';
import { RecordTimeline } from './record-timeline';

@Component({
  selector: 'ehr-patient-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecordTimeline],
  template: `
    <header class="page-header">
      <div>
        <h1>Record of patient {{ shortAddress(patient()) }}</h1>
        <p class="subtitle mono">{{ patient() }}</p>
      </div>
    </header>
    <section class="record-actions" aria-label="Add to the record">
      <!-- The doctor's consultation note / prescription form goes here (it calls recordChanged() once anchored). -->
    </section>
    <ehr-record-timeline [patient]="patient()" />
  `,
})
export class PatientRecord {
  private readonly timeline = viewChild.required(RecordTimeline);

  /** The route's :patient (withComponentInputBinding). */
  readonly patient = input.required<string>();
  protected readonly shortAddress = shortAddress;

  /** Reads the record again after something was anchored (and once the indexer has caught up). */
  recordChanged(): void {
    void this.timeline().reload();
    setTimeout(() => void this.timeline().reload(), 2000);
  }
}
