/**
 * The Transaction Records read model: one document per transaction hash, from the receipts the
 * indexer and the receipt follow-up fetch, with the client's report (action, submission time) merged
 * in. Everything here can be rebuilt from the chain and the stored submissions, so a rebuild empties it.
 */
import mongoose, { Schema } from 'mongoose';
import { PAYMENT_KINDS, TRANSACTION_STATUSES, type PaymentKind, type TransactionStatus } from '@api';

/** An event of the transaction that says what it did (transaction-actions.ts turns it into words). */
export interface TransactionEvent {
  logIndex: number;
  name: string;
  /** The account the event is about (the doctor verified, the admin added…). */
  subject?: string;
  /** A short extra fact (an appointment id and its new status, a batch size). */
  detail?: string;
  /** Wei the event moved (PaymentReleased, Withdrawn), as a decimal string. */
  amountWei?: string;
}

/** ETH the transaction moved (domain/transaction-payments.ts derives these from the value and the events). */
export interface PaymentRecord {
  kind: PaymentKind;
  account: string;
  amountWei: string;
  appointmentId?: string;
}

export interface TransactionRecord {
  hash: string;
  from: string;
  to?: string;
  status: TransactionStatus;
  blockNumber?: number;
  blockTime?: Date;
  gasUsed?: string;
  effectiveGasPriceWei?: string;
  feeWei?: string;
  valueWei?: string;
  events: TransactionEvent[];
  /** Empty for transactions that moved no ETH (the Payments filter keeps the others). */
  payments: PaymentRecord[];
  /** The action in words, kept current with the events and the report (filters search it). */
  action: string;
  reportedAction?: string;
  submittedAt?: Date;
  latencyMs?: number;
  /** Block time, or the submission time while pending: orders the records and the date filters. */
  sortTime: Date;
}

export const TRANSACTIONS_COLLECTION = 'transactions';

const eventSchema = new Schema<TransactionEvent>(
  {
    logIndex: { type: Number, required: true },
    name: { type: String, required: true },
    subject: String,
    detail: String,
    amountWei: String,
  },
  { _id: false },
);

const paymentSchema = new Schema<PaymentRecord>(
  {
    kind: { type: String, required: true, enum: PAYMENT_KINDS },
    account: { type: String, required: true },
    amountWei: { type: String, required: true },
    appointmentId: String,
  },
  { _id: false },
);

const transactionSchema = new Schema<TransactionRecord>(
  {
    hash: { type: String, required: true, unique: true },
    from: { type: String, required: true },
    to: String,
    status: { type: String, required: true, enum: TRANSACTION_STATUSES },
    blockNumber: Number,
    blockTime: Date,
    gasUsed: String,
    effectiveGasPriceWei: String,
    feeWei: String,
    valueWei: String,
    events: { type: [eventSchema], default: [] },
    payments: { type: [paymentSchema], default: [] },
    action: { type: String, required: true },
    reportedAction: String,
    submittedAt: Date,
    latencyMs: Number,
    sortTime: { type: Date, required: true },
  },
  { versionKey: false },
);
transactionSchema.index({ from: 1, sortTime: -1 });
transactionSchema.index({ sortTime: -1 });

const TransactionModel = mongoose.model<TransactionRecord>('Transaction', transactionSchema, TRANSACTIONS_COLLECTION);

const DUPLICATE_KEY = 11000;

export async function findTransaction(hash: string): Promise<TransactionRecord | null> {
  return TransactionModel.findOne({ hash }, { _id: 0 }).lean<TransactionRecord>();
}

/**
 * Writes the whole record of `hash` (callers rebuild it from the receipt, the events and the report).
 * Two writers may race on a new hash (the indexer and a report): the loser's insert hits the unique
 * index and it replaces what the winner stored instead.
 */
export async function saveTransaction(record: TransactionRecord): Promise<void> {
  const defined = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
  try {
    await TransactionModel.replaceOne({ hash: record.hash }, defined, { upsert: true });
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    await TransactionModel.replaceOne({ hash: record.hash }, defined);
  }
}

export interface TransactionFilter {
  from?: string;
  status?: TransactionStatus;
  /** Only transactions that moved ETH. */
  movedValue?: boolean;
  /** Case-insensitive words the action contains. */
  actionContains?: string;
  since?: Date;
  until?: Date;
}

function toQuery(filter: TransactionFilter): Record<string, unknown> {
  const escaped = filter.actionContains?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const time = {
    ...(filter.since && { $gte: filter.since }),
    ...(filter.until && { $lt: filter.until }),
  };
  return {
    ...(filter.from && { from: filter.from }),
    ...(filter.status && { status: filter.status }),
    ...(filter.movedValue && { 'payments.0': mongoose.trusted({ $exists: true }) }),
    // Built here from escaped text, never from the request: trusted past sanitizeFilter.
    ...(escaped && { action: mongoose.trusted({ $regex: escaped, $options: 'i' }) }),
    ...(Object.keys(time).length > 0 && { sortTime: mongoose.trusted(time) }),
  };
}

export async function findTransactions(
  filter: TransactionFilter,
  page: { offset: number; limit: number },
): Promise<{ items: TransactionRecord[]; total: number }> {
  const query = toQuery(filter);
  const [items, total] = await Promise.all([
    TransactionModel.find(query, { _id: 0 })
      .sort({ sortTime: -1, hash: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<TransactionRecord[]>(),
    TransactionModel.countDocuments(query),
  ]);
  return { items, total };
}

/** Every matching record, newest first, one at a time (the CSV export and the statistics). */
export function streamTransactions(filter: TransactionFilter): AsyncIterable<TransactionRecord> {
  return TransactionModel.find(toQuery(filter), { _id: 0 })
    .sort({ sortTime: -1, hash: 1 })
    .lean<TransactionRecord[]>()
    .cursor();
}

export async function deleteAllTransactions(): Promise<void> {
  await TransactionModel.deleteMany({});
}

/** Erasure: every record sent by `account` or whose events or payments name it. */
export async function deleteTransactionsNaming(account: string): Promise<void> {
  const forms = mongoose.trusted({ $in: [account, account.toLowerCase()] });
  await TransactionModel.deleteMany({
    $or: [{ from: forms }, { 'events.subject': forms }, { 'payments.account': forms }],
  });
}
