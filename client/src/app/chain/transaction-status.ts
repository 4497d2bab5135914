import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TransactionRunner } from './transaction-runner';

/** Live region for the current transaction; always in the DOM so screen readers announce changes. */
@Component({
  selector: 'ehr-transaction-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p
    role="status"
    aria-live="polite"
    class="tx-status"
    [attr.data-phase]="status().phase"
    [attr.data-tx-hash]="status().hash"
  >
    {{ status().message }}
  </p>`,
  styles: `
    .tx-status {
      margin: 0;
      font-weight: 500;
    }
    .tx-status:not(:empty) {
      padding: 0.6rem 1rem;
      border-radius: 0.5rem;
      background: var(--surface);
      border: 1px solid var(--border);
    }
    .tx-status[data-phase='waiting'],
    .tx-status[data-phase='sent'] {
      color: var(--info);
    }
    .tx-status[data-phase='confirmed'] {
      color: var(--success);
    }
    .tx-status[data-phase='failed'] {
      color: var(--danger);
    }
  `,
})
export class TransactionStatus {
  protected readonly status = inject(TransactionRunner).status;
}
