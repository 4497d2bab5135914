import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AppointmentView } from '@api';
import { ReasonNoteText } from '../reason-note-text';
import { feeText, patientLabel, slotText } from './appointment-text';

/**
 * One appointment in the doctor's queue: who, why (the decrypted reason), when, for how much, and for an
 * accepted or completed one the way to its consultation note; the section projects its actions.
 */
@Component({
  selector: 'ehr-queue-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReasonNoteText, RouterLink],
  template: `
    @let item = appointment();
    <div class="summary">
      <strong class="patient" [title]="item.patient">{{ patientLabel(item) }}</strong>
      <span>{{ slotText(item) }}</span>
      <span>{{ feeText(item) }}</span>
      <span class="muted">#{{ item.id }}</span>
    </div>
    <p class="reason"><ehr-reason-note [cid]="item.reasonCid" /></p>
    @if (mayWriteNote()) {
      <a class="note-link" [routerLink]="['/records', item.patient]">Patient's record</a>
      <a class="note-link" [routerLink]="['/queue', item.id, 'note']">Write a consultation note or prescription</a>
    }
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
  protected readonly mayWriteNote = computed(() => ['accepted', 'completed'].includes(this.appointment().status));
  protected readonly patientLabel = patientLabel;
  protected readonly slotText = slotText;
  protected readonly feeText = feeText;
}
