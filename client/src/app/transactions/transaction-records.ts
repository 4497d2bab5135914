import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { formatEther } from 'ethers';
import type { TransactionCategory, TransactionPayment, TransactionView } from '@api';
import { TRANSACTION_STATUSES } from '@api/transaction-values';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { TransactionsApi, shortEth, type TransactionFilters } from './transactions-api';

const PAGE_SIZE = 20;
const GWEI = 1_000_000_000n;

/**
 * Transaction Records (the paper's fig. 15): the signed-in account's transactions with their gas, fees and
 * the ETH they moved (appointment fees escrowed, refunded, released, withdrawn); everyone can narrow them to
 * payments, admins see everyone's and filter by account, action, status and date. CSV of the same rows.
 */
@Component({
  selector: 'ehr-transaction-records',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DatePipe],
  templateUrl: './transaction-records.html',
  styleUrl: './transaction-records.css',
})
export class TransactionRecords implements OnInit {
  private readonly api = inject(TransactionsApi);
  protected readonly isAdmin = inject(Session).isAdmin;

  protected readonly statuses = TRANSACTION_STATUSES;
  protected readonly pageSize = PAGE_SIZE;
  /** What the filter form holds; applied on submit. */
  protected readonly draft: TransactionFilters = {};
  protected readonly filters = signal<TransactionFilters>({});
  protected readonly offset = signal(0);
  protected readonly rows = signal<TransactionView[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.filters()));
  protected readonly columns = computed(() => (this.isAdmin() ? 10 : 9));

  protected readonly shortAddress = shortAddress;

  ngOnInit(): void {
    void this.load();
  }

  protected async applyFilters(): Promise<void> {
    this.filters.set({ ...this.draft });
    this.offset.set(0);
    await this.load();
  }

  /** All transactions, or only the ones that moved ETH: applied at once, with the other filters kept. */
  protected async showCategory(category: TransactionCategory | undefined): Promise<void> {
    this.draft.category = category;
    this.filters.update((filters) => ({ ...filters, category }));
    this.offset.set(0);
    await this.load();
  }

  protected async clearFilters(): Promise<void> {
    for (const key of Object.keys(this.draft) as (keyof TransactionFilters)[]) delete this.draft[key];
    await this.applyFilters();
  }

  protected async goToPage(offset: number): Promise<void> {
    this.offset.set(offset);
    await this.load();
  }

  /** The effective gas price in gwei, as wallets show it. */
  protected gwei(wei: string | undefined): string {
    if (wei === undefined) return '—';
    const value = BigInt(wei);
    const fraction = ((value % GWEI) * 100n) / GWEI;
    return `${value / GWEI}${fraction ? `.${fraction.toString().padStart(2, '0').replace(/0$/, '')}` : ''}`;
  }

  /** An amount in ETH to six significant digits (the CSV has every wei). */
  protected eth(value: string | undefined): string {
    return value === undefined ? '—' : shortEth(value);
  }

  /** One movement of ETH in words, its amount with every wei ("0.05 ETH refunded to 0x7099…79C8"). */
  protected paymentWords(payment: TransactionPayment): string {
    const amount = `${formatEther(payment.amountWei)} ETH`;
    switch (payment.kind) {
      case 'escrowed':
        return `${amount} paid into escrow`;
      case 'refunded':
        return `${amount} refunded to ${shortAddress(payment.account)}`;
      case 'released':
        return `${amount} released to ${shortAddress(payment.account)}`;
      case 'withdrawn':
        return `${amount} withdrawn to ${shortAddress(payment.account)}'s wallet`;
    }
  }

  /** ETH sent with a transaction that is not mined yet: it moves nothing until it is. */
  protected pendingValue(row: TransactionView): string | null {
    return row.status === 'pending' && row.valueWei && BigInt(row.valueWei) > 0n
      ? `${formatEther(row.valueWei)} ETH sent, pending`
      : null;
  }

  protected latency(row: TransactionView): string {
    if (row.latencyMs === undefined) return '—';
    return row.latencyMs < 1000 ? `${row.latencyMs} ms` : `${(row.latencyMs / 1000).toFixed(1)} s`;
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const page = await this.api.list(this.filters(), { offset: this.offset(), limit: PAGE_SIZE });
      this.rows.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.loadError.set(errorText(error));
    } finally {
      this.loading.set(false);
    }
  }
}
