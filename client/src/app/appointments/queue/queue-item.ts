import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AppointmentView } from '@api';
import { ReasonNoteText } from '../reason-note-text';
import { feeText, patientLabel, slotText } from './appointment-text';

/** One appointment in the doctor's queue: who, why, when, for how much; the section projects its actions. */
@Component({
  selector: 'ehr-queue-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReasonNoteText],
  template: `
    @let item = appointment();
    <div class="summary">
      <strong class="patient" [title]="item.patient">{{ patientLabel(item) }}</strong>
      <span>{{ slotText(item) }}</span>
      <span>{{ feeText(item) }}</span>
      <span class="muted">#{{ item.id }}</span>
    </div>
    <p class="reason"><ehr-reason-note [cid]="item.reasonCid" /></p>
    <ng-content />
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    .reason {
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class QueueItem {
  readonly appointment = input.required<AppointmentView>();
  protected readonly patientLabel = patientLabel;
  protected readonly slotText = slotText;
  protected readonly feeText = feeText;
}
