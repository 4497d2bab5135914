/**
 * Who sees which Transaction Records: everyone their own, admins anyone's (filtered by account). Admin
 * status is read from the Registry on each request; reported transactions are settled first.
 */
import type { JsonRpcProvider } from 'ethers';
import { stringify } from 'csv-stringify/sync';
import type { Registry } from '@contracts/types';
import type { TransactionCategory, TransactionPage, TransactionPayment, TransactionView } from '@api';
import { forbidden } from '../../../libraries/errors';
import { findTransactions, streamTransactions, type TransactionFilter } from '../data-access/transaction-store';
import { settleReportedTransactions } from './transaction-records';
import { toTransactionView } from './transaction-view';

export interface TransactionReaderContext {
  registry: Registry;
  provider: JsonRpcProvider;
}

export interface TransactionFilters {
  account?: string;
  action?: string;
  status?: TransactionFilter['status'];
  category?: TransactionCategory;
  since?: Date;
  until?: Date;
}

/** The store filter for `reader`: their own transactions unless they are an admin. */
async function filterFor(context: TransactionReaderContext, reader: string, filters: TransactionFilters) {
  const isAdmin = await context.registry.isAdmin(reader);
  if (!isAdmin && filters.account && filters.account !== reader)
    throw forbidden('Only admins may see other accounts’ transactions', 'ADMIN_ONLY');
  const from = isAdmin ? filters.account : reader;
  return {
    ...(from && { from }),
    ...(filters.status && { status: filters.status }),
    ...(filters.category === 'payments' && { movedValue: true }),
    ...(filters.action && { actionContains: filters.action }),
    ...(filters.since && { since: filters.since }),
    ...(filters.until && { until: filters.until }),
  } satisfies TransactionFilter;
}

export async function listTransactions(
  context: TransactionReaderContext,
  reader: string,
  query: TransactionFilters & { offset: number; limit: number },
): Promise<TransactionPage> {
  const filter = await filterFor(context, reader, query);
  await settleReportedTransactions(context.provider);
  const { items, total } = await findTransactions(filter, query);
  return { items: items.map(toTransactionView), total };
}

const CSV_COLUMNS = [
  'hash',
  'from',
  'to',
  'action',
  'status',
  'blockNumber',
  'blockTime',
  'gasUsed',
  'effectiveGasPriceWei',
  'feeEth',
  'valueEth',
  'valueWei',
  'payments',
  'submittedAt',
  'latencyMs',
] as const satisfies readonly (keyof TransactionView)[];

/** `refunded 0.05 ETH to 0x… (appointment #3); withdrawn 0.05 ETH by 0x…`: one cell for a spreadsheet. */
function paymentsText(payments: readonly TransactionPayment[]): string {
  return payments
    .map((payment) => {
      const direction = payment.kind === 'refunded' || payment.kind === 'released' ? 'to' : 'by';
      const appointment = payment.appointmentId ? ` (appointment #${payment.appointmentId})` : '';
      return `${payment.kind} ${payment.amountEth} ETH ${direction} ${payment.account}${appointment}`;
    })
    .join('; ');
}

/** Every matching record as CSV, newest first. Cells that start like a formula are quoted so spreadsheets show text. */
export async function transactionsCsv(
  context: TransactionReaderContext,
  reader: string,
  filters: TransactionFilters,
): Promise<string> {
  const filter = await filterFor(context, reader, filters);
  await settleReportedTransactions(context.provider);
  const rows: Record<string, unknown>[] = [];
  for await (const record of streamTransactions(filter)) {
    const view = toTransactionView(record);
    rows.push({ ...view, payments: paymentsText(view.payments) });
  }
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
  });
}
