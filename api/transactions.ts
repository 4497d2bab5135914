/**
 * /api/transactions: the Transaction Records (the paper's fig. 15). Every transaction of the signed-in
 * account (admins: everyone's), from the indexer's receipts plus the submissions the client reports, so
 * pending and reverted transactions show too.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { routes } from './route-spec';
import { PAYMENT_KINDS, TRANSACTION_CATEGORIES, TRANSACTION_STATUSES } from './transaction-values';

/** A transaction hash: 32 bytes as 0x-prefixed hex, read in lower case. */
export const TransactionHashSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 32-byte transaction hash as 0x-prefixed hex')
  .transform((hash) => hash.toLowerCase());

/** POST /api/transactions: the client reports a transaction it just sent from the signed-in account. */
export const TransactionReportSchema = z.strictObject({
  hash: TransactionHashSchema,
  /** What the person did, in words ("Verified Dr Ada Lovelace"); shown until the chain's events say it. */
  action: z.string().trim().min(1).max(120).optional(),
});
export type TransactionReport = z.input<typeof TransactionReportSchema>;

const DAY_MS = 86_400_000;
/** A day (UTC) or an instant; `endOfDay` reads a bare day as its end, so `until=2026-11-27` includes that day. */
const dayOrInstant = (endOfDay: boolean) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((value) => (value.length === 10 && endOfDay ? new Date(Date.parse(value) + DAY_MS) : new Date(value)));

/** GET /api/transactions and GET /api/transactions.csv. `account` is for admins; others see their own only. */
export const TransactionListQuerySchema = z.strictObject({
  account: AddressSchema.optional(),
  /** Words the action contains, case-insensitive. */
  action: z.string().trim().min(1).max(80).optional(),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  /** `payments`: only the transactions that moved ETH (a fee escrowed, refunded, released or withdrawn). */
  category: z.enum(TRANSACTION_CATEGORIES).optional(),
  /** Sent or mined at or after this day / instant. */
  since: dayOrInstant(false).optional(),
  /** Up to the end of this day, or before this instant. */
  until: dayOrInstant(true).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  format: z.enum(['json', 'csv']).default('json'),
});
export type TransactionListQuery = z.input<typeof TransactionListQuerySchema>;

/** GET /api/transactions.csv: the same filters, every matching row. */
export const TransactionCsvQuerySchema = TransactionListQuerySchema.omit({ offset: true, limit: true, format: true });

/** One movement of ETH in a transaction (see PAYMENT_KINDS). */
export const TransactionPaymentSchema = z.object({
  kind: z.enum(PAYMENT_KINDS),
  /** Who paid (`escrowed`), whose withdrawable balance grew (`refunded`, `released`), who withdrew (`withdrawn`). */
  account: z.string(),
  amountWei: z.string(),
  amountEth: z.string(),
  /** The appointment whose fee it is (absent for `withdrawn`, which empties a whole balance). */
  appointmentId: z.string().optional(),
});
export type TransactionPayment = z.infer<typeof TransactionPaymentSchema>;

/** One row of the Transaction Records. Amounts in wei are decimal strings (they exceed 2^53). */
export const TransactionViewSchema = z.object({
  hash: z.string(),
  from: z.string(),
  /** The contract called; absent while pending and unknown to the node. */
  to: z.string().optional(),
  action: z.string(),
  status: z.enum(TRANSACTION_STATUSES),
  blockNumber: z.number().int().optional(),
  /** When the block was mined. */
  blockTime: z.iso.datetime().optional(),
  gasUsed: z.string().optional(),
  effectiveGasPriceWei: z.string().optional(),
  feeWei: z.string().optional(),
  feeEth: z.string().optional(),
  /** ETH the sender sent with the transaction (an appointment's fee), 0 for most. */
  valueWei: z.string().optional(),
  valueEth: z.string().optional(),
  /** The ETH it moved, in log order: the fee escrowed, then what the Appointments events released or sent. */
  payments: z.array(TransactionPaymentSchema),
  /** When the app reported sending it; absent for transactions sent outside the app. */
  submittedAt: z.iso.datetime().optional(),
  /** From submission to the mined block's time, in milliseconds (block times have one-second resolution). */
  latencyMs: z.number().int().optional(),
});
export type TransactionView = z.infer<typeof TransactionViewSchema>;

export const TransactionPageSchema = z.object({ items: z.array(TransactionViewSchema), total: z.number().int() });
export type TransactionPage = z.infer<typeof TransactionPageSchema>;

export const TRANSACTION_ROUTES = routes([
  {
    method: 'get',
    path: '/api/transactions',
    summary: 'My transactions (admins: anyone’s, filtered by account), newest first; CSV with format=csv',
    access: 'session',
    query: TransactionListQuerySchema,
    response: TransactionPageSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/transactions.csv',
    summary: 'The same rows and filters as GET /api/transactions, every page, as CSV',
    access: 'session',
    query: TransactionCsvQuerySchema,
    contentType: 'text/csv',
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'post',
    path: '/api/transactions',
    summary: 'Report a transaction the signed-in account just sent, so it shows while pending and if it reverts',
    access: 'session',
    body: TransactionReportSchema,
    response: TransactionViewSchema,
    status: 201,
    errors: ['NOT_YOUR_TRANSACTION', 'RATE_LIMITED'],
  },
]);
