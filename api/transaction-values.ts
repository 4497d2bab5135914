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

/**
 * Money an Appointments transaction moved, as the Transaction Records name it: `escrowed` the fee the sender
 * paid with a request (held by the contract); `refunded` a fee released back to the patient's withdrawable
 * balance; `released` a fee released to the doctor's; `withdrawn` a balance sent to the account's wallet.
 */
export const PAYMENT_KINDS = ['escrowed', 'refunded', 'released', 'withdrawn'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** The Transaction Records' categories: `payments` keeps only the transactions that moved ETH. */
export const TRANSACTION_CATEGORIES = ['payments'] as const;
export type TransactionCategory = (typeof TRANSACTION_CATEGORIES)[number];
