/**
 * Values of the Transaction Records and the admin charts that server and client spell the same way.
 * Plain data, no zod: the client imports these values without pulling a schema library into its bundle.
 */

/** pending: sent, no receipt yet; mined: receipt with status 1; reverted: mined with status 0 (gas spent, no effect). */
export const TRANSACTION_STATUSES = ['pending', 'mined', 'reverted'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** The role a transaction's sender has now, as the charts count them (an admin who is also a patient counts as admin). */
export const SENDER_ROLES = ['admin', 'doctor', 'patient', 'unregistered'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

/** The buckets of the transactions-over-time chart. */
export const STATS_BUCKETS = ['hour', 'day'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];
