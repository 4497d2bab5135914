import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DoctorStatus } from '@api';
import { DOCTOR_STATUS_LABELS } from './doctor';

/** A doctor's registration status as a coloured pill; the text alone carries the meaning. */
@Component({
  selector: 'ehr-doctor-status-badge',
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
    }
    .badge[data-status='verified'] {
      background: var(--success-soft);
      color: var(--success);
    }
    .badge[data-status='pending'] {
      background: var(--warning-soft);
      color: var(--warning);
    }
    .badge[data-status='revoked'] {
      background: var(--danger-soft);
      color: var(--danger);
    }
    .badge[data-status='none'] {
      background: var(--surface-muted);
      color: var(--text-muted);
    }
  `,
})
export class DoctorStatusBadge {
  readonly status = input.required<DoctorStatus>();
  protected readonly label = computed(() => DOCTOR_STATUS_LABELS[this.status()]);
}
