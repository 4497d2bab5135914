/**
 * Every deployed contract's logs → the Transaction Records: each transaction hash seen in a log is
 * recorded with its receipt, and the events that say what it did. One source per contract, each
 * handling every event of that contract's ABI; the handlers are idempotent (domain/transaction-records.ts).
 */
import { getAddress, type Interface, type JsonRpcProvider } from 'ethers';
import type { Deployment, EventHandler, EventSource } from '../../../../libraries/chain';
import { deleteAllTransactions } from '../../data-access/transaction-store';
import { describeEvent } from '../../domain/transaction-actions';
import { recordLogOf } from '../../domain/transaction-records';

export function contractTransactions(
  contract: { name: string; deployment: Deployment; contractInterface: Interface },
  provider: JsonRpcProvider,
): EventSource {
  const handlers: Record<string, EventHandler> = {};
  contract.contractInterface.forEachEvent((event) => {
    handlers[event.name] = (args, at) =>
      recordLogOf(
        provider,
        at.transactionHash.toLowerCase(),
        describeEvent(event.name, args, at.logIndex),
        at.timestamp,
      );
  });
  return {
    name: `${contract.name}→transactions`,
    address: getAddress(contract.deployment.address),
    fromBlock: contract.deployment.blockNumber,
    contractInterface: contract.contractInterface,
    handlers,
    // Client reports live in their own collection and are merged back in by the receipt follow-up.
    reset: deleteAllTransactions,
  };
}
