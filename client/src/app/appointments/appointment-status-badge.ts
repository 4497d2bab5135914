import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AppointmentStatus } from '@api';

/** The words the UI uses for each appointment status (tests and screen readers rely on them). */
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  none: 'Unknown',
  requested: 'Requested',
  accepted: 'Accepted',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'No-show',
  disputed: 'Disputed',
  expired: 'Expired',
  refunded: 'Refunded',
};

/** An appointment's status as a coloured pill; the text alone carries the meaning. */
@Component({
  selector: 'ehr-appointment-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [attr.data-status]="status()">{{ label() }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 0.2rem 0.65rem;
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 600;
      white-space: nowrap;
      background: var(--surface-muted);
      color: var(--text-muted);
    }
    .badge[data-status='accepted'],
    .badge[data-status='completed'] {
      background: var(--success-soft);
      color: var(--success);
    }
    .badge[data-status='requested'],
    .badge[data-status='disputed'] {
      background: var(--warning-soft);
      color: var(--warning);
    }
    .badge[data-status='rejected'],
    .badge[data-status='no-show'] {
      background: var(--danger-soft);
      color: var(--danger);
    }
  `,
})
export class AppointmentStatusBadge {
  readonly status = input.required<AppointmentStatus>();
  protected readonly label = computed(() => APPOINTMENT_STATUS_LABELS[this.status()]);
}
