/**
 * The people of a fault drill on a drill stack (drill-stack.ts), made real the way the app makes them:
 * wallets funded from the dev accounts with plain transfers, registered on the Registry, a verified doctor
 * with published terms, and signed in over HTTP with Sign-In with Ethereum (server/src/test-support/siwe-client.ts).
 * Transactions are signed locally and sent raw with an explicit gas limit: Ganache 7.9 hangs under ten or
 * more concurrent eth_estimateGas calls, and a drill sends hundreds at once.
 */
import { parseEther, type HDNodeWallet, type JsonRpcProvider, type TransactionReceipt } from 'ethers';
import request from 'supertest';
import { Appointments__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { createProvider, readDeployments, type ChainDeployments } from '../../../server/src/libraries/chain';
import { signedSignIn } from '../../../server/src/test-support/siwe-client';
import type { DrillStack } from './drill-stack';

export interface DrillChain {
  provider: JsonRpcProvider;
  deployments: ChainDeployments;
  chainId: number;
}

export async function drillChain(stack: DrillStack): Promise<DrillChain> {
  return {
    provider: createProvider(stack.rpcUrl, stack.chainId),
    deployments: await readDeployments(stack.deploymentsFile, stack.chainId),
    chainId: stack.chainId,
  };
}

const RECEIPT_WAIT_MS = 120_000;

export interface RawCall {
  from: HDNodeWallet;
  to: string;
  data?: string;
  value?: bigint;
  gasLimit: bigint;
}

/** What became of one raw transaction: its receipt (mined, status 1 or 0), or the node's refusal to take it. */
export type RawOutcome = { hash: string; receipt: TransactionReceipt } | { refusedAtSend: string };

/**
 * Signs every call (nonces counted per sender from the chain's pending count) and sends them all at once,
 * then waits for each receipt. A send the node refuses is reported, never dropped.
 */
export async function sendAllAtOnce(chain: DrillChain, calls: readonly RawCall[]): Promise<RawOutcome[]> {
  const { provider } = chain;
  const fee = await provider.getFeeData();
  const nextNonce = new Map<string, number>();
  for (const address of new Set(calls.map((call) => call.from.address))) {
    nextNonce.set(address, await provider.getTransactionCount(address, 'pending'));
  }
  const signed = await Promise.all(
    calls.map((call) => {
      const nonce = nextNonce.get(call.from.address)!;
      nextNonce.set(call.from.address, nonce + 1);
      return call.from.signTransaction({
        type: 2,
        chainId: chain.chainId,
        nonce,
        to: call.to,
        data: call.data ?? '0x',
        value: call.value ?? 0n,
        gasLimit: call.gasLimit,
        maxFeePerGas: fee.maxFeePerGas,
        maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
      });
    }),
  );
  const sent = await Promise.all(
    signed.map(async (raw): Promise<{ hash: string } | { refusedAtSend: string }> => {
      try {
        return { hash: (await provider.send('eth_sendRawTransaction', [raw])) as string };
      } catch (error) {
        return { refusedAtSend: (error as Error).message };
      }
    }),
  );
  const receipts = await receiptsOf(
    provider,
    sent.flatMap((outcome) => ('hash' in outcome ? [outcome.hash] : [])),
  );
  return sent.map((outcome) =>
    'hash' in outcome ? { hash: outcome.hash, receipt: receipts.get(outcome.hash)! } : outcome,
  );
}

/**
 * Waits for every receipt, asking in sending order and stopping at the first one not yet mined, so waiting
 * for 200 transactions costs the node a few requests per poll rather than 200 (ethers' own wait polls every
 * 4 s per transaction). A transaction with no receipt after RECEIPT_WAIT_MS is lost: the drill fails.
 */
async function receiptsOf(
  provider: JsonRpcProvider,
  hashes: readonly string[],
): Promise<Map<string, TransactionReceipt>> {
  const receipts = new Map<string, TransactionReceipt>();
  let pending = [...hashes];
  for (const deadline = Date.now() + RECEIPT_WAIT_MS; pending.length > 0;) {
    const stillPending: string[] = [];
    for (const hash of pending) {
      const receipt = stillPending.length === 0 ? await provider.getTransactionReceipt(hash) : null;
      if (receipt) receipts.set(hash, receipt);
      else stillPending.push(hash);
    }
    pending = stillPending;
    if (pending.length === 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `${pending.length} transactions without a receipt after ${RECEIPT_WAIT_MS / 1000} s: lost (${pending[0]}, …)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return receipts;
}

/** Every outcome mined with status 1, or an error naming the ones that were not. */
export function expectAllMined(what: string, outcomes: readonly RawOutcome[]): void {
  const failed = outcomes.filter((outcome) => !('receipt' in outcome) || outcome.receipt.status !== 1);
  if (failed.length > 0) throw new Error(`${what}: ${failed.length} not mined: ${JSON.stringify(failed[0])}`);
}

/** Dev accounts 4–9 are the dev setup's patients: funded with 1,000 ETH each by Ganache, unused by the drill stack. */
const FUNDING_ACCOUNTS = [4, 5, 6, 7, 8, 9];

/** Gives each wallet `amount` wei in plain transfers from the dev accounts, all sent at once. */
export async function fundFromDevAccounts(
  chain: DrillChain,
  wallets: readonly HDNodeWallet[],
  amount = parseEther('1'),
): Promise<void> {
  const funders = FUNDING_ACCOUNTS.map((index) => devAccount(index));
  const outcomes = await sendAllAtOnce(
    chain,
    wallets.map((wallet, i) => ({
      from: funders[i % funders.length],
      to: wallet.address,
      value: amount,
      gasLimit: 21_000n,
    })),
  );
  expectAllMined('funding', outcomes);
}

const registryAddress = (chain: DrillChain) => chain.deployments.Registry.address;
const registry = Registry__factory.createInterface();

/** Registers every wallet as a patient, all at once. */
export async function registerPatients(chain: DrillChain, wallets: readonly HDNodeWallet[]): Promise<void> {
  const data = registry.encodeFunctionData('registerPatient');
  const outcomes = await sendAllAtOnce(
    chain,
    wallets.map((from) => ({ from, to: registryAddress(chain), data, gasLimit: 300_000n })),
  );
  expectAllMined('patient registration', outcomes);
}

/** Registers `doctor`, has the first admin (dev account 0) verify them, and publishes their terms. */
export async function verifiedDoctorWithTerms(
  chain: DrillChain,
  doctor: HDNodeWallet,
  terms: { fee: bigint; slotLength: number },
): Promise<void> {
  const admin = devAccount(0);
  const steps: RawCall[][] = [
    [
      {
        from: doctor,
        to: registryAddress(chain),
        data: registry.encodeFunctionData('registerDoctor', [licenceCommitment(`DRILL-${doctor.address}`), 1]),
        gasLimit: 500_000n,
      },
    ],
    [
      {
        from: admin,
        to: registryAddress(chain),
        data: registry.encodeFunctionData('verifyDoctor', [doctor.address]),
        gasLimit: 500_000n,
      },
    ],
    [
      {
        from: doctor,
        to: chain.deployments.Appointments.address,
        data: Appointments__factory.createInterface().encodeFunctionData('setTerms', [terms.fee, terms.slotLength]),
        gasLimit: 500_000n,
      },
    ],
  ];
  for (const step of steps) expectAllMined('doctor setup', await sendAllAtOnce(chain, step));
}

/**
 * Signs `wallet` in on the drill stack with SIWE and answers the Cookie header of its session, for raw
 * requests (fetch) that keep full control of their bytes.
 */
export async function sessionCookie(stack: DrillStack, wallet: HDNodeWallet): Promise<string> {
  const agent = request.agent(stack.appUrl);
  const site = new URL(stack.appUrl);
  const signed = await signedSignIn(agent, wallet, { domain: site.host, uri: site.origin, chainId: stack.chainId });
  const response = await agent.post('/api/auth/verify').set('Origin', site.origin).send(signed);
  if (response.status !== 200) {
    throw new Error(`Sign-in of ${wallet.address} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

/** Wallet `index` of the dev mnemonic (beyond Ganache's funded ten: unfunded until a drill funds it). */
export const drillWallet = (index: number): HDNodeWallet => devAccount(index);
