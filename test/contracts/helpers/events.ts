import type { BaseContract, ContractTransactionReceipt } from 'ethers';

/** Arguments of every `name` event `contract` emitted in `receipt`, in log order. */
export function eventArgs(contract: BaseContract, receipt: ContractTransactionReceipt, name: string): unknown[][] {
  const address = (contract.target as string).toLowerCase();
  return receipt.logs
    .filter((log) => log.address.toLowerCase() === address)
    .map((log) => contract.interface.parseLog(log))
    .filter((parsed) => parsed?.name === name)
    .map((parsed) => parsed!.args.toArray());
}

/** Arguments of the single `name` event `contract` emitted in `receipt`. */
export function onlyEvent(contract: BaseContract, receipt: ContractTransactionReceipt, name: string): unknown[] {
  const all = eventArgs(contract, receipt, name);
  expect(all).toHaveLength(1);
  return all[0];
}
