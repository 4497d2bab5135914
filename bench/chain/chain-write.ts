/**
 * The two ways `Records.addRecord` reaches the chain, measured on the same app stack with the same patients:
 * - through the app: each patient's browser tab calls RecordsContract.add, i.e. the TransactionRunner's eth_call
 *   dry run, the wallet's eth_sendTransaction (signed in the wallet, sent raw through /rpc), the receipt wait and
 *   the report to the API's Transaction Records; one write after another per tab, as a person's tab does;
 * - raw: the same transactions (same patients, method, gas limit and fees; CIDs of their own), signed ahead by
 *   the same wallets and sent with eth_sendRawTransaction through the same /rpc, back to back per patient.
 * Both keep every patient busy at once (the chain is the shared resource). Ganache mines each transaction as it
 * arrives, so a transaction counts as mined when eth_sendRawTransaction (raw) or RecordsContract.add (app)
 * returns; the Records contract's entry count is checked afterwards to grow by exactly the transactions sent.
 */
import './angular-jit';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { Records__factory, Registry__factory } from '@contracts/types';
import { PATIENT_RECORD_KINDS, RECORD_KINDS } from '@api/chain-values';
import { WRITE_GAS_LIMIT } from '../../client/src/app/chain/transaction-runner';
import { CHAIN_ID } from '../../scripts/dev/chain-options';
import { testSigners } from '../../test/contracts/helpers/chain';
import type { AppStack } from './app-stack';
import { BenchWallet, type RpcCallCounter } from './bench-wallet';
import { openBrowserTab, type BrowserTab } from './browser-tab';

export interface Patient {
  wallet: BenchWallet;
  tab: BrowserTab;
}

export interface PathResult {
  transactions: number;
  /** JSON-RPC calls the wallets sent to /rpc per transaction, by method. */
  rpcCallsPerTransaction: Record<string, number>;
  seconds: number;
  txPerSecond: number;
  /** Seconds since the path's start at which each transaction was mined. */
  minedAt: number[];
}

/** A distinct CID and content hash per write (the contract accepts repeats; distinct ones look like real use). */
function document(label: string): { cid: string; contentHash: string } {
  const digest = createHash('sha256').update(label).digest('hex');
  return { cid: `bafkrei${digest.slice(0, 52)}`, contentHash: `0x${digest}` };
}

const KIND = RECORD_KINDS.indexOf(PATIENT_RECORD_KINDS[0]);

/** `count` fresh accounts, funded by dev account 0, registered as patients, each with its tab open and signed in. */
export async function openPatients(stack: AppStack, count: number, rpcCalls: RpcCallCounter): Promise<Patient[]> {
  const chain = new JsonRpcProvider(stack.rpcUrl, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1 });
  try {
    const [funder] = await testSigners(chain);
    const patients: Patient[] = [];
    for (let index = 0; index < count; index++) {
      const key = Wallet.createRandom().privateKey;
      await (await funder.sendTransaction({ to: new Wallet(key).address, value: parseEther('100') })).wait();
      const wallet = new BenchWallet(key, stack.publicRpcUrl, CHAIN_ID, rpcCalls);
      const registry = Registry__factory.connect(stack.registry, new Wallet(key, chain));
      await (await registry.registerPatient({ gasLimit: WRITE_GAS_LIMIT })).wait();
      patients.push({ wallet, tab: await openBrowserTab(stack.appUrl, wallet, CHAIN_ID) });
    }
    return patients;
  } finally {
    chain.destroy();
  }
}

/** `perPatient` writes from every patient's tab through RecordsContract.add, all tabs at once. */
export async function writeThroughApp(
  patients: Patient[],
  perPatient: number,
  label: string,
  rpcCalls: RpcCallCounter,
): Promise<PathResult> {
  const minedAt: number[] = [];
  rpcCalls.reset();
  const began = performance.now();
  await Promise.all(
    patients.map(async ({ wallet, tab }, patientIndex) => {
      for (let index = 0; index < perPatient; index++) {
        const { cid, contentHash } = document(`${label} ${patientIndex} ${index}`);
        const id = await tab.records.add(wallet.address, PATIENT_RECORD_KINDS[0], cid, contentHash);
        if (id === null) throw new Error(`the app's write failed: ${tab.runner.status().message}`);
        minedAt.push((performance.now() - began) / 1000);
      }
    }),
  );
  return resultOf(minedAt, began, rpcCalls);
}

/** The same writes signed ahead by each patient's wallet, then sent raw back to back, all patients at once. */
export async function writeRaw(
  patients: Patient[],
  perPatient: number,
  records: string,
  label: string,
  rpcCalls: RpcCallCounter,
): Promise<PathResult> {
  const contract = Records__factory.createInterface();
  const signed = await Promise.all(
    patients.map(({ wallet }, patientIndex) =>
      wallet.signAhead(perPatient, (index) => {
        const { cid, contentHash } = document(`${label} ${patientIndex} ${index}`);
        return {
          to: records,
          data: contract.encodeFunctionData('addRecord', [wallet.address, KIND, cid, contentHash]),
          gasLimit: WRITE_GAS_LIMIT,
          value: 0,
        };
      }),
    ),
  );
  const minedAt: number[] = [];
  rpcCalls.reset();
  const began = performance.now();
  await Promise.all(
    patients.map(async ({ wallet }, patientIndex) => {
      for (const raw of signed[patientIndex]) {
        await wallet.provider.send('eth_sendRawTransaction', [raw]);
        minedAt.push((performance.now() - began) / 1000);
      }
    }),
  );
  return resultOf(minedAt, began, rpcCalls);
}

function resultOf(minedAt: number[], began: number, rpcCalls: RpcCallCounter): PathResult {
  const seconds = (performance.now() - began) / 1000;
  const perTransaction = Object.fromEntries(
    [...rpcCalls.calls].map(([method, calls]) => [method, calls / minedAt.length]),
  );
  return {
    transactions: minedAt.length,
    rpcCallsPerTransaction: perTransaction,
    seconds,
    txPerSecond: minedAt.length / seconds,
    minedAt,
  };
}
