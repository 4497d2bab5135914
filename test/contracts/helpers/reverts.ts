/**
 * Asserting reverts by their exact custom error. Ganache reports no revert data for a mined
 * transaction, so the failed transaction is replayed with eth_call on the block before it (same
 * state) and the returned data is decoded with the contract's TypeChain interface.
 */
import type { BaseContract, ContractTransactionResponse, ErrorDescription, JsonRpcProvider } from 'ethers';

interface RevertedCall {
  receipt: { blockNumber: number; hash: string; status: number | null };
}

async function revertData(provider: JsonRpcProvider, hash: string, blockNumber: number): Promise<string> {
  const tx = await provider.getTransaction(hash);
  if (!tx) throw new Error(`transaction ${hash} not found`);
  try {
    await provider.call({
      from: tx.from,
      to: tx.to,
      data: tx.data,
      value: tx.value,
      gasLimit: tx.gasLimit,
      blockTag: blockNumber - 1,
    });
  } catch (error) {
    const data = (error as { data?: string }).data;
    if (typeof data === 'string') return data;
    throw error;
  }
  throw new Error(`replaying ${hash} did not revert`);
}

/** Sends `tx`, expects it to be mined as reverted and returns the decoded custom error. */
export async function revertedWith(
  contract: BaseContract,
  tx: Promise<ContractTransactionResponse>,
): Promise<ErrorDescription> {
  let failure: RevertedCall | undefined;
  try {
    await (await tx).wait();
  } catch (error) {
    failure = error as RevertedCall;
  }
  if (!failure?.receipt || failure.receipt.status !== 0)
    throw new Error('expected the transaction to revert, but it succeeded');
  const provider = contract.runner?.provider as JsonRpcProvider;
  const data = await revertData(provider, failure.receipt.hash, failure.receipt.blockNumber);
  const decoded = contract.interface.parseError(data);
  if (!decoded) throw new Error(`revert data ${data} is not an error of this contract`);
  return decoded;
}

/**
 * Expects `tx` to revert with custom error `name` and, when given, exactly `args`
 * (uints and enums as bigint, addresses checksummed).
 */
export async function expectRevert(
  contract: BaseContract,
  tx: Promise<ContractTransactionResponse>,
  name: string,
  args?: readonly unknown[],
): Promise<void> {
  const decoded = await revertedWith(contract, tx);
  expect(decoded.name).toBe(name);
  if (args) expect(decoded.args.toArray()).toEqual(args);
}
