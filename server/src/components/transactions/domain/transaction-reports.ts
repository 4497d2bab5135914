/**
 * A signed-in account reports a transaction it just sent. The node is asked who sent it: a
 * transaction of another account is refused; one the node does not know yet is kept as pending and
 * counts for the reporter only if the chain later names them as its sender.
 */
import type { JsonRpcProvider } from 'ethers';
import { forbidden } from '../../../libraries/errors';
import { readChainTransaction } from '../data-access/chain-receipts';
import { saveSubmission } from '../data-access/submission-store';
import { absorbSubmission } from './transaction-records';
import { toTransactionView } from './transaction-view';
import type { TransactionView } from '@api';

export async function reportTransaction(
  provider: JsonRpcProvider,
  account: string,
  report: { hash: string; action?: string },
): Promise<TransactionView> {
  const chain = await readChainTransaction(provider, report.hash);
  if (chain && chain.from !== account) notYours();
  const stored = await saveSubmission({
    hash: report.hash,
    from: account,
    ...(report.action && { action: report.action }),
    submittedAt: new Date(),
  });
  if (stored.from !== account) notYours();
  const record = await absorbSubmission(provider, stored, chain);
  // compose() only returns null without a sender, and the submission names one.
  return toTransactionView(record!);
}

function notYours(): never {
  throw forbidden('This transaction was sent from another account', 'NOT_YOUR_TRANSACTION');
}
