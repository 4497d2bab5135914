/** A Transaction Records document as the API shows it: amounts in wei and in ETH, times as ISO strings. */
import { formatEther } from 'ethers';
import type { TransactionView } from '@api';
import type { TransactionRecord } from '../data-access/transaction-store';

export function toTransactionView(record: TransactionRecord): TransactionView {
  return {
    hash: record.hash,
    from: record.from,
    ...(record.to && { to: record.to }),
    action: record.action,
    status: record.status,
    ...(record.blockNumber !== undefined && { blockNumber: record.blockNumber }),
    ...(record.blockTime && { blockTime: record.blockTime.toISOString() }),
    ...(record.gasUsed && { gasUsed: record.gasUsed }),
    ...(record.effectiveGasPriceWei && { effectiveGasPriceWei: record.effectiveGasPriceWei }),
    ...(record.feeWei && { feeWei: record.feeWei, feeEth: formatEther(record.feeWei) }),
    ...(record.valueWei && { valueWei: record.valueWei, valueEth: formatEther(record.valueWei) }),
    payments: (record.payments ?? []).map((payment) => ({ ...payment, amountEth: formatEther(payment.amountWei) })),
    ...(record.submittedAt && { submittedAt: record.submittedAt.toISOString() }),
    ...(record.latencyMs !== undefined && { latencyMs: record.latencyMs }),
  };
}
