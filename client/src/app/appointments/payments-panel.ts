import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { formatEther } from 'ethers';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { AppointmentsContract } from './appointments-contract';

/**
 * The signed-in account's withdrawable balance in the Appointments escrow (refunds for a patient, fees earned
 * for a doctor), read from the chain, and the Withdraw button that sends it to the wallet. It reads the balance
 * again after every transaction the app sees confirmed (completing, cancelling, settling… may have released money).
 */
@Component({
  selector: 'ehr-payments-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card payments" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      @if (loadError(); as error) {
        <p class="notice notice--error" role="alert">{{ error }}</p>
      } @else if (balanceEther() === null) {
        <p class="muted">Reading your balance from the chain…</p>
      } @else {
        <p>
          Ready to withdraw: <strong data-testid="pending-balance">{{ balanceEther() }} ETH</strong>
          <span class="muted">(development chain: test ether, no real money)</span>
        </p>
        <button type="button" class="btn" [disabled]="empty() || busy()" (click)="withdraw()">Withdraw</button>
        @if (empty()) {
          <p class="muted">{{ emptyText() }}</p>
        }
      }
    </section>
  `,
  styles: `
    .payments p {
      margin: 0 0 0.75rem;
    }
    .payments strong {
      margin-right: 0.4rem;
    }
  `,
})
export class PaymentsPanel implements OnInit {
  private readonly contract = inject(AppointmentsContract);
  private readonly runner = inject(TransactionRunner);
  protected readonly busy = this.runner.busy;

  /** The signed-in account. */
  readonly account = input.required<string>();
  /** What an empty balance means for this side, e.g. "Refunds appear here when an appointment is cancelled." */
  readonly emptyText = input('Nothing to withdraw yet.');

  protected readonly balance = signal<bigint | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly balanceEther = computed(() => {
    const wei = this.balance();
    return wei === null ? null : formatEther(wei);
  });
  protected readonly empty = computed(() => this.balance() === 0n);

  constructor() {
    effect(() => {
      if (this.runner.status().phase === 'confirmed') void this.refresh();
    });
  }

  ngOnInit(): void {
    void this.refresh();
  }

  /** Reads the balance again from the chain. */
  async refresh(): Promise<void> {
    try {
      this.balance.set(await this.contract.pendingWithdrawal(this.account()));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(errorText(error));
    }
  }

  protected async withdraw(): Promise<void> {
    await this.contract.withdraw();
  }
}
