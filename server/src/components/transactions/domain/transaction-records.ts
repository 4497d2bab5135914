/**
 * Builds each Transaction Records document from its three sources: the node (sender, receipt), the
 * contract events the indexer saw in it, and the client's report (action, submission time). Whoever
 * learns something new (the indexer, a report, the receipt follow-up) rebuilds the whole document, so
 * the order in which they learn it does not matter and replaying any of them changes nothing.
 */
import type { JsonRpcProvider } from 'ethers';
import { doctorSummaries } from '../../doctors';
import { readChainTransaction, type ChainTransaction } from '../data-access/chain-receipts';
import { findSubmissionsIn, findUnresolvedSubmissions, type SubmissionRecord } from '../data-access/submission-store';
import {
  findTransaction,
  saveTransaction,
  type TransactionEvent,
  type TransactionRecord,
} from '../data-access/transaction-store';
import { actionWords, doctorsNamedBy } from './transaction-actions';
import { paymentsOf } from './transaction-payments';

/** The chain facts a stored record already has: a mined or reverted transaction never changes. */
function settledFacts(record: TransactionRecord | null): ChainTransaction | null {
  if (!record || record.status === 'pending') return null;
  const { from, to, valueWei, status, blockNumber, blockTime, gasUsed, effectiveGasPriceWei, feeWei } = record;
  return { from, to, valueWei: valueWei ?? '0', status, blockNumber, blockTime, gasUsed, effectiveGasPriceWei, feeWei };
}

async function compose(
  hash: string,
  chain: ChainTransaction | null,
  events: TransactionEvent[],
  submission: SubmissionRecord | undefined,
): Promise<TransactionRecord | null> {
  const from = chain?.from ?? submission?.from;
  if (!from) return null;
  // A report counts only for the account that sent the transaction.
  const report = submission?.from === from ? submission : undefined;
  const blockTime = chain?.blockTime;
  const names = await doctorSummaries(doctorsNamedBy(events));
  const reportedAction = report?.action;
  const status = chain?.status ?? 'pending';
  return {
    hash,
    from,
    status,
    ...(chain && {
      to: chain.to,
      valueWei: chain.valueWei,
      blockNumber: chain.blockNumber,
      blockTime,
      gasUsed: chain.gasUsed,
      effectiveGasPriceWei: chain.effectiveGasPriceWei,
      feeWei: chain.feeWei,
    }),
    events,
    payments: paymentsOf({ from, status, valueWei: chain?.valueWei, events }),
    action: actionWords({ from, events, reportedAction }, (doctor) => names.get(doctor)?.displayName),
    ...(report && {
      reportedAction,
      submittedAt: report.submittedAt,
      // Block times have one-second resolution: a transaction mined within the second of its report reads 0.
      ...(blockTime && { latencyMs: Math.max(0, blockTime.getTime() - report.submittedAt.getTime()) }),
    }),
    sortTime: blockTime ?? report?.submittedAt ?? new Date(),
  };
}

/** The indexer saw a log of transaction `hash` (`event` null for a log that names no action). */
export async function recordLogOf(
  provider: JsonRpcProvider,
  hash: string,
  event: TransactionEvent | null,
  blockTime: Date,
): Promise<void> {
  const stored = await findTransaction(hash);
  const events = (stored?.events ?? []).filter((known) => known.logIndex !== event?.logIndex);
  if (event) events.push(event);
  events.sort((a, b) => a.logIndex - b.logIndex);
  const chain = settledFacts(stored) ?? (await readChainTransaction(provider, hash, blockTime));
  const submission = (await findSubmissionsIn([hash])).get(hash);
  const record = await compose(hash, chain, events, submission);
  if (record) await saveTransaction(record);
}

/** Merges a stored report into the records, with the receipt if the transaction is mined by now. */
export async function absorbSubmission(
  provider: JsonRpcProvider,
  submission: SubmissionRecord,
  known?: ChainTransaction | null,
): Promise<TransactionRecord | null> {
  const stored = await findTransaction(submission.hash);
  const chain = settledFacts(stored) ?? known ?? (await readChainTransaction(provider, submission.hash));
  const record = await compose(submission.hash, chain, stored?.events ?? [], submission);
  if (record) await saveTransaction(record);
  return record;
}

/** Reports still waiting for a receipt (or for a rebuild to bring them back), at most `limit` per call. */
const FOLLOW_UP_BATCH = 100;

/**
 * The receipt follow-up: settles reported transactions that were pending (or that a rebuild emptied)
 * before the records are read. Reverted transactions emit no log, so the indexer never sees them.
 */
export async function settleReportedTransactions(provider: JsonRpcProvider): Promise<void> {
  for (const submission of await findUnresolvedSubmissions(FOLLOW_UP_BATCH)) {
    await absorbSubmission(provider, submission);
  }
}
