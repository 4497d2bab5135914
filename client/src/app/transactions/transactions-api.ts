/** The Transaction Records and the admin statistics over HTTP. */
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  StatsBucket,
  TransactionCategory,
  TransactionPage,
  TransactionReport,
  TransactionStats,
  TransactionStatus,
  TransactionView,
} from '@api';

/** The list filters the screen offers (account is for admins; the API ignores nothing and refuses the rest). */
export interface TransactionFilters {
  account?: string;
  action?: string;
  status?: TransactionStatus;
  /** `payments`: only the transactions that moved ETH. */
  category?: TransactionCategory;
  /** A day, `YYYY-MM-DD`. */
  since?: string;
  until?: string;
}

function paramsOf(filters: TransactionFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') params = params.set(name, value.trim());
  }
  return params;
}

@Injectable({ providedIn: 'root' })
export class TransactionsApi {
  private readonly http = inject(HttpClient);

  /** Tells the API about a transaction the wallet just sent, so it shows while pending and if it reverts. */
  async report(report: TransactionReport): Promise<void> {
    await firstValueFrom(this.http.post<TransactionView>('/api/transactions', report));
  }

  list(filters: TransactionFilters, page: { offset: number; limit: number }): Promise<TransactionPage> {
    const params = paramsOf(filters).set('offset', page.offset).set('limit', page.limit);
    return firstValueFrom(this.http.get<TransactionPage>('/api/transactions', { params }));
  }

  /** Where the browser downloads the same rows as CSV (the session cookie goes with it). */
  csvUrl(filters: TransactionFilters): string {
    const query = paramsOf(filters).toString();
    return `/api/transactions.csv${query ? `?${query}` : ''}`;
  }

  stats(bucket: StatsBucket): Promise<TransactionStats> {
    return firstValueFrom(this.http.get<TransactionStats>('/api/stats', { params: { bucket } }));
  }
}

/** An ETH amount to six significant digits, without trailing zeros ("0.0000643078", "0"). */
export function shortEth(value: string): string {
  const rounded = Number(value).toPrecision(6);
  return rounded.includes('e') ? rounded : rounded.replace(/\.?0+$/, '');
}
