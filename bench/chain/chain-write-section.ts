/**
 * Bench section "chain write path": `Records.addRecord` sent through the app's own client code — RecordsContract
 * and the TransactionRunner the browser uses, run in Node by Angular's injector (browser-tab.ts) — against the
 * same signed transactions sent raw with eth_sendRawTransaction, back to back (chain-write.ts). Row value: the
 * app's tx/s; baseline: raw tx/s; goal: ratio ≥ 0.9.
 *
 * Everything the app does per write is real and measured: the dry run, the wallet's own reads and signature,
 * the receipt wait, and the report of each sent transaction to the real API (POST /api/transactions, which asks
 * the chain who sent it and stores it in MongoDB) — the server side runs as `npm start` runs it, in a process of
 * its own (app-stack-process.ts), and the wallets reach the chain through its /rpc, as MetaMask does. The raw
 * path runs first, so the app's path meets the longer chain (conservative for the app).
 */
import { Records__factory } from '@contracts/types';
import { JsonRpcProvider } from 'ethers';
import { CHAIN_ID } from '../../scripts/dev/chain-options';
import { benchRow } from '../results/bench-row';
import type { BenchMode, BenchSection } from '../results/bench-section';
import { startAppStack } from './app-stack';
import { RpcCallCounter } from './bench-wallet';
import { openPatients, writeRaw, writeThroughApp, type PathResult } from './chain-write';
import { minedPerSecond } from './mined-per-second';

const CHAIN_WRITE_GOAL_RATIO = 0.9;
/** Patients writing at once: each its own tab, wallet and session. */
const PATIENTS = 4;
/** Writes per patient and path: quick ≈ 30 s in all on a busy 2-core machine, full 1,200 per path. */
const WRITES_PER_PATIENT: Record<BenchMode, number> = { quick: 8, full: 300 };
/** Writes per patient through the app before measuring: JIT, connections and caches warm on both sides. */
const WARM_UP_WRITES = 3;

const callsOf = (path: PathResult) =>
  Object.entries(path.rpcCallsPerTransaction)
    .map(([method, calls]) => `${method} ${calls.toFixed(1)}`)
    .join(', ');
const totalCalls = (path: PathResult) => Object.values(path.rpcCallsPerTransaction).reduce((a, b) => a + b, 0);

function shortfallNote(app: PathResult, raw: PathResult): string {
  return (
    `chain write path: the app's path reached ${(app.txPerSecond / raw.txPerSecond).toFixed(2)} of raw ` +
    `(${app.txPerSecond.toFixed(1)} vs ${raw.txPerSecond.toFixed(1)} tx/s). Per transaction the wallets sent ` +
    `${totalCalls(app).toFixed(1)} JSON-RPC calls through /rpc on the app's path (${callsOf(app)}) against ` +
    `${totalCalls(raw).toFixed(1)} raw (${callsOf(raw)}), plus the app's report to the API. See ` +
    `bench/chain/README.md for why and what would reach ${CHAIN_WRITE_GOAL_RATIO}.`
  );
}

export const chainWriteSection: BenchSection = {
  name: 'chain write path',
  async run(mode) {
    const stack = await startAppStack();
    const rpcCalls = new RpcCallCounter();
    const patients = await openPatients(stack, PATIENTS, rpcCalls).catch(async (error: unknown) => {
      await stack.stop();
      throw error;
    });
    const chain = new JsonRpcProvider(stack.rpcUrl, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1 });
    try {
      const records = Records__factory.connect(stack.records, chain);
      await writeThroughApp(patients, WARM_UP_WRITES, 'warm-up', rpcCalls);
      const perPatient = WRITES_PER_PATIENT[mode];
      const before = await records.recordCount();
      const raw = await writeRaw(patients, perPatient, stack.records, 'raw', rpcCalls);
      const app = await writeThroughApp(patients, perPatient, 'app', rpcCalls);
      const added = (await records.recordCount()) - before;
      if (added !== BigInt(raw.transactions + app.transactions)) {
        throw new Error(`${added} records added for ${raw.transactions + app.transactions} transactions sent`);
      }
      const row = benchRow({
        name: `chain write path: Records.addRecord through the app's TransactionRunner (${PATIENTS} patients × ${perPatient})`,
        value: app.txPerSecond,
        unit: 'tx/s',
        baseline: raw.txPerSecond,
        goal: { atLeast: CHAIN_WRITE_GOAL_RATIO, on: 'ratio' },
      });
      return {
        rows: [row],
        notes: row.pass ? [] : [shortfallNote(app, raw)],
        series: [
          minedPerSecond('chain write path: through the app (TransactionRunner)', app),
          minedPerSecond('chain write path: raw eth_sendRawTransaction', raw),
        ],
      };
    } finally {
      chain.destroy();
      for (const { wallet } of patients) wallet.close();
      await stack.stop();
    }
  },
};
