/**
 * Real app events for the indexer bench, produced fast: `Records.addRecord` of a test report by a
 * registered patient (the cheapest event every records, activity and transactions read model indexes),
 * signed offline and sent raw back to back with explicit nonces and gas (no eth_estimateGas, which
 * Ganache 7.9 can hang on under load). The CIDs and content hashes are random bytes: no health data.
 */
import { randomBytes } from 'node:crypto';
import { hexlify, type HDNodeWallet, type JsonRpcProvider } from 'ethers';
import type { Records } from '@contracts/types';

const CHAIN_GAS_LIMIT = 300_000n;
/** Far above Ganache's base fee, so no transaction waits for a cheaper block. */
const MAX_FEE_PER_GAS = 100_000_000_000n;
const TEST_REPORT = 0;
/** eth_sendRawTransaction calls in flight at once during a backlog (ethers batches them per tick). */
const IN_FLIGHT = 200;

export interface RecordSender {
  wallet: HDNodeWallet;
  nextNonce: number;
}

/** A signed addRecord by `sender` for itself, with the sender's next nonce. */
export async function signedAddRecord(records: Records, chainId: number, sender: RecordSender): Promise<string> {
  const cid = `bafkrei${Buffer.from(randomBytes(32)).toString('hex').slice(0, 52)}`;
  const data = records.interface.encodeFunctionData('addRecord', [
    sender.wallet.address,
    TEST_REPORT,
    cid,
    hexlify(randomBytes(32)),
  ]);
  return sender.wallet.signTransaction({
    type: 2,
    chainId,
    to: await records.getAddress(),
    data,
    nonce: sender.nextNonce++,
    gasLimit: CHAIN_GAS_LIMIT,
    maxFeePerGas: MAX_FEE_PER_GAS,
    maxPriorityFeePerGas: 1n,
  });
}

/** Sends the signed transactions with at most IN_FLIGHT outstanding; resolves with their hashes. */
export async function sendRawBackToBack(provider: JsonRpcProvider, signed: string[]): Promise<string[]> {
  const hashes: string[] = new Array<string>(signed.length);
  let next = 0;
  const worker = async () => {
    while (next < signed.length) {
      const index = next++;
      hashes[index] = (await provider.send('eth_sendRawTransaction', [signed[index]])) as string;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, signed.length) }, worker));
  return hashes;
}

/**
 * Puts `count` addRecord events on chain, spread over the senders: with the miner stopped the node
 * queues them, then mines them in full blocks (as a busy chain holds them). Resolves once all are mined.
 */
export async function addRecordBacklog(
  provider: JsonRpcProvider,
  records: Records,
  chainId: number,
  senders: RecordSender[],
  count: number,
): Promise<void> {
  const signed: string[] = [];
  const firstNonces = senders.map((sender) => sender.nextNonce);
  const bySender = senders.map(() => [] as string[]);
  for (let index = 0; index < count; index++) {
    const raw = await signedAddRecord(records, chainId, senders[index % senders.length]);
    signed.push(raw);
    bySender[index % senders.length].push(raw);
  }
  // Ganache's miner_start mines one block of the queue; evm_mine then mines the next full block each time.
  await provider.send('miner_stop', []);
  try {
    await sendRawBackToBack(provider, signed);
    for (;;) {
      const mined = await Promise.all(senders.map((s) => provider.getTransactionCount(s.wallet.address, 'latest')));
      if (mined.every((nonce, index) => nonce >= senders[index].nextNonce)) return;
      // Ganache 7.9 sometimes drops a transaction that arrived before its predecessor (and those behind it):
      // once its pool is empty, the missing ones are sent again in nonce order.
      const pool = (await provider.send('txpool_content', [])) as { pending: object; queued: object };
      if (Object.keys(pool.pending).length === 0 && Object.keys(pool.queued).length === 0) {
        for (const [index, nonce] of mined.entries()) {
          for (const raw of bySender[index].slice(nonce - firstNonces[index])) {
            await provider.send('eth_sendRawTransaction', [raw]);
          }
        }
      }
      await provider.send('evm_mine', []);
    }
  } finally {
    await provider.send('miner_start', []);
  }
}
