/**
 * Why a booking that was mined with status 0 failed, read from the node rather than guessed. Ganache keeps
 * no revert data in receipts and its traces return none for a revert, so the transaction is replayed with
 * eth_call on the state of the block it was mined in: the booking that beat it is in that state (mined
 * before it, in that block or an earlier one), so the replay reverts the way the transaction did, and the
 * revert data is decoded against the Appointments ABI into the contract's custom error.
 */
import type { Interface, JsonRpcProvider, TransactionReceipt } from 'ethers';

export interface DecodedRevert {
  name: string;
  args: string[];
}

export async function revertOf(
  provider: JsonRpcProvider,
  contract: Interface,
  receipt: TransactionReceipt,
): Promise<DecodedRevert | { undecoded: string }> {
  const tx = (await provider.getTransaction(receipt.hash))!;
  let data: string;
  try {
    await provider.call({
      from: tx.from,
      to: tx.to,
      data: tx.data,
      value: tx.value,
      gasLimit: tx.gasLimit,
      blockTag: receipt.blockNumber,
    });
    return { undecoded: 'the replay succeeded' };
  } catch (error) {
    data = (error as { data?: string }).data ?? '0x';
  }
  const parsed = data.length >= 10 ? contract.parseError(data) : null;
  if (!parsed) return { undecoded: data };
  return { name: parsed.name, args: parsed.args.map((arg: unknown) => String(arg)) };
}
