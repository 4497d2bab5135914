/**
 * Connection to this worker's Ganache (started by global-setup.ts), time travel and snapshots.
 */
import {
  JsonRpcProvider,
  JsonRpcSigner,
  type ContractTransactionReceipt,
  type ContractTransactionResponse,
  type TransactionRequest,
  type TransactionResponse,
} from 'ethers';

/** Every transaction carries this gas limit: Ganache 7.9 can hang on eth_estimateGas. */
export const GAS_LIMIT = 6_000_000n;

/** A Ganache-unlocked account that never asks the node to estimate gas. */
export class TestSigner extends JsonRpcSigner {
  override sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    return super.sendTransaction({ gasLimit: GAS_LIMIT, ...tx });
  }
}

export function workerRpcUrl(): string {
  const urls = (process.env.CONTRACTS_RPC_URLS ?? process.env.CONTRACTS_RPC_URL ?? '').split(',').filter(Boolean);
  if (urls.length === 0)
    throw new Error('CONTRACTS_RPC_URL is not set: run the tests through the Jest "contracts" project');
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return urls[(worker - 1) % urls.length];
}

export function connect(url = workerRpcUrl()): JsonRpcProvider {
  return new JsonRpcProvider(url, undefined, { cacheTimeout: -1, staticNetwork: true });
}

/** The chain's unlocked accounts, as signers that always send an explicit gas limit. */
export async function testSigners(provider: JsonRpcProvider): Promise<TestSigner[]> {
  const accounts: string[] = await provider.send('eth_accounts', []);
  return accounts.map((address) => new TestSigner(provider, address));
}

/** Sends a transaction and waits for it to be mined; throws if it reverted. */
export async function mined(tx: Promise<ContractTransactionResponse>): Promise<ContractTransactionReceipt> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error('transaction was dropped');
  return receipt;
}

export async function latestTimestamp(provider: JsonRpcProvider): Promise<number> {
  const block = await provider.getBlock('latest');
  if (!block) throw new Error('no latest block');
  return block.timestamp;
}

/** Moves the chain's clock forward and mines a block at the new time. */
export async function increaseTime(provider: JsonRpcProvider, seconds: number): Promise<void> {
  await provider.send('evm_increaseTime', [seconds]);
  await provider.send('evm_mine', []);
}

export async function snapshot(provider: JsonRpcProvider): Promise<string> {
  return provider.send('evm_snapshot', []);
}

export async function revertTo(provider: JsonRpcProvider, id: string): Promise<void> {
  const reverted: boolean = await provider.send('evm_revert', [id]);
  if (!reverted) throw new Error(`evm_revert(${id}) failed`);
}
