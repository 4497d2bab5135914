/**
 * What the node knows about a transaction: who sent it, to which contract, the ETH it moved and, once
 * mined, its receipt (status, gas used, effective gas price) and its block's time.
 */
import type { JsonRpcProvider } from 'ethers';
import { getAddress } from 'ethers';
import type { TransactionStatus } from '@api';

export interface ChainTransaction {
  from: string;
  to?: string;
  valueWei: string;
  status: TransactionStatus;
  blockNumber?: number;
  blockTime?: Date;
  gasUsed?: string;
  effectiveGasPriceWei?: string;
  feeWei?: string;
}

/** Null when the node does not know the hash (not yet propagated, dropped, or never sent). */
export async function readChainTransaction(
  provider: JsonRpcProvider,
  hash: string,
  knownBlockTime?: Date,
): Promise<ChainTransaction | null> {
  const [transaction, receipt] = await Promise.all([
    provider.getTransaction(hash),
    provider.getTransactionReceipt(hash),
  ]);
  if (!transaction) return null;
  const sent = {
    from: getAddress(transaction.from),
    ...(transaction.to && { to: getAddress(transaction.to) }),
    valueWei: transaction.value.toString(),
  };
  if (!receipt) return { ...sent, status: 'pending' };
  const blockTime =
    knownBlockTime ?? new Date(Number((await provider.getBlock(receipt.blockNumber))?.timestamp ?? 0) * 1000);
  return {
    ...sent,
    status: receipt.status === 1 ? 'mined' : 'reverted',
    blockNumber: receipt.blockNumber,
    blockTime,
    gasUsed: receipt.gasUsed.toString(),
    effectiveGasPriceWei: receipt.gasPrice.toString(),
    feeWei: receipt.fee.toString(),
  };
}
