/**
 * Bench section "indexer": the server's own runtime (server/src/runtime.ts: the real indexer on every
 * component's event sources, against a real embedded MongoDB) on a chain in its own process.
 *  - catch-up: N Records.addRecord events already on chain, indexed from the deployment block; events/s,
 *    against the same eth_getLogs ranges read bare (the node's own ceiling) as the baseline;
 *  - lag: a steady 20 tx/s of the same events with the indexer running as `npm start` runs it; per
 *    transaction, lag = when its entry is in the records read model − when eth_sendRawTransaction
 *    returned (Ganache's eager instamine mines before it answers, so that is when the receipt exists).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JsonRpcProvider } from 'ethers';
import mongoose from 'mongoose';
import type { Records } from '@contracts/types';
import { deploySystem, writeDeploymentsFile } from '@test-support/deploy';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { startMongo } from '../../scripts/dev/mongo';
import { loadConfig, type AppConfig } from '../../server/src/libraries/config/config';
import { openRuntime, type Runtime } from '../../server/src/runtime';
import { benchRow } from '../results/bench-row';
import type { BenchMode, BenchSection, SectionResult } from '../results/bench-section';
import { startChainProcess, type ChainProcess } from './chain-process';
import { percentile, steadyLoadSeries, type LagSample } from './lag-stats';
import { addRecordBacklog, signedAddRecord, type RecordSender } from './record-events';

const CATCH_UP_GOAL = 2_000;
const LAG_P95_GOAL_MS = 200;
const STEADY_TX_PER_SECOND = 20;
/** Ganache 7.9 mines about 25 addRecord/s on this 2-core machine: producing the backlog dominates the time. */
const PLAN: Record<BenchMode, { events: number; steadySeconds: number }> = {
  quick: { events: 500, steadySeconds: 8 },
  full: { events: 10_000, steadySeconds: 20 },
};
/** Patients sending the records (dev accounts past the dev stack's eleven, so no role collides). */
const SENDER_INDICES = [11, 12, 13, 14, 15, 16, 17, 18];
const GAS = { gasLimit: 1_000_000 };
const BLOCK_RANGE = 2_000;
/** How often the bench looks for the steady load's entries in MongoDB (bounds the lag's resolution). */
const WATCH_EVERY_MS = 5;
const SETTLE_TIMEOUT_MS = 15_000;

/** BENCH_TRACE=1 prints each phase's start (a full run takes minutes). */
const trace = (phase: string) => {
  if (process.env.BENCH_TRACE) console.error(`indexer bench: ${phase} at ${new Date().toISOString()}`);
};
/** Why a row falls short, printed when it does (measured on this 2-core machine, see ADR 0014). */
const CATCH_UP_SHORTFALL =
  'indexer catch-up: every log still costs each source one to five MongoDB round trips in turn (records: upsert + pending-upload delete; activity: upsert; transaction records: find, submissions, doctor names, save), 5–25 ms each on the embedded engine here, so the slowest source (transaction records) bounds the rate. Batch handlers — one bulkWrite per source per range and the receipts of a range in one JSON-RPC batch (an optional EventSource.applyBatch; the loop already groups logs by source) — would be the way to 2,000 events/s.';
const LAG_SHORTFALL =
  'indexer lag: the loop sees a new head within INDEXER_POLL_MS (50 ms), then each source applies the log with its MongoDB round trips; on this machine one addRecord costs the transaction records about 15–30 ms and more when the embedded MongoDB stalls, which sets the p95. The batch handlers above would cut it too.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function serverConfig(chainUrl: string, mongoUri: string, deploymentsFile: string): AppConfig {
  return loadConfig({
    RPC_URL: chainUrl,
    MONGODB_URI: mongoUri.replace(/\/?(\?.*)?$/, '/ehr-bench-indexer$1'),
    DEPLOYMENTS_FILE: deploymentsFile,
    PUBLIC_ORIGIN: 'http://ehr.bench',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  });
}

/** Logs per second reading the same ranges bare, with no handler: what the node alone allows. */
async function bareLogsPerSecond(runtime: Runtime, fromBlock: number, head: number): Promise<number> {
  const addresses = Object.values(runtime.chain.deployments).map((d) => d.address);
  const started = performance.now();
  let logs = 0;
  for (let from = fromBlock; from <= head; from += BLOCK_RANGE) {
    const toBlock = Math.min(from + BLOCK_RANGE - 1, head);
    logs += (await runtime.chain.provider.getLogs({ address: addresses, fromBlock: from, toBlock })).length;
  }
  return logs / ((performance.now() - started) / 1000);
}

/** Sends STEADY_TX_PER_SECOND addRecord transactions for `seconds` and times each one into the read model. */
async function steadyLoad(
  chainUrl: string,
  records: Records,
  senders: RecordSender[],
  seconds: number,
): Promise<{ samples: LagSample[]; start: number; missing: number }> {
  // Unbatched: each transaction leaves at its time instead of waiting for ethers' batch window.
  const provider = new JsonRpcProvider(chainUrl, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
  const minedAt = new Map<string, number>();
  const visibleAt = new Map<string, number>();
  const entries = mongoose.connection.collection('records');
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const pending = [...minedAt.keys()].filter((hash) => !visibleAt.has(hash));
      if (pending.length) {
        const found = await entries.find({ txHash: { $in: pending } }, { projection: { txHash: 1 } }).toArray();
        const now = performance.now();
        for (const entry of found) visibleAt.set(String(entry.txHash), now);
      }
      await sleep(WATCH_EVERY_MS);
    }
  })();
  const start = performance.now();
  const sends: Promise<void>[] = [];
  try {
    const total = STEADY_TX_PER_SECOND * seconds;
    for (let index = 0; index < total; index++) {
      await sleep(start + (index * 1000) / STEADY_TX_PER_SECOND - performance.now());
      const signed = await signedAddRecord(records, CHAIN_ID, senders[index % senders.length]);
      sends.push(
        provider.send('eth_sendRawTransaction', [signed]).then((hash: string) => {
          minedAt.set(hash.toLowerCase(), performance.now());
        }),
      );
    }
    await Promise.all(sends);
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    while (visibleAt.size < minedAt.size && performance.now() < deadline) await sleep(50);
  } finally {
    watching = false;
    await watcher;
    provider.destroy();
  }
  const samples = [...minedAt.entries()]
    .filter(([hash]) => visibleAt.has(hash))
    .map(([hash, mined]) => ({ minedAt: mined, visibleAt: visibleAt.get(hash)! }));
  return { samples, start, missing: minedAt.size - samples.length };
}

async function measure(
  mode: BenchMode,
  chain: ChainProcess,
  mongoUri: string,
  dataDir: string,
): Promise<SectionResult> {
  const { events, steadySeconds } = PLAN[mode];
  const deployer = new JsonRpcProvider(chain.url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1 });
  try {
    const fromBlock = (await deployer.getBlockNumber()) + 1;
    trace('deploying');
    const system = await deploySystem(devAccount(0).connect(deployer));
    const deploymentsFile = path.join(dataDir, 'deployments.json');
    await writeDeploymentsFile(system, deploymentsFile, fromBlock);

    const senders: RecordSender[] = [];
    for (const index of SENDER_INDICES) {
      const wallet = devAccount(index).connect(deployer);
      await (await system.registry.connect(wallet).registerPatient(GAS)).wait();
      senders.push({ wallet, nextNonce: await deployer.getTransactionCount(wallet.address, 'latest') });
    }
    trace('producing the backlog');
    const produced = performance.now();
    await addRecordBacklog(deployer, system.records, CHAIN_ID, senders, events);
    const productionSeconds = (performance.now() - produced) / 1000;
    const head = await deployer.getBlockNumber();

    trace('catching up');
    const config = serverConfig(chain.url, mongoUri, deploymentsFile);
    // Catch-up: the runtime as startServer opens it, synced once from the deployment block.
    let runtime = await openRuntime({ ...config, indexerPollMs: 0 });
    let catchUp: { eventsPerSecond: number; applied: number; bare: number };
    try {
      const bare = await bareLogsPerSecond(runtime, fromBlock, head);
      const started = performance.now();
      const result = await runtime.indexer.syncNow();
      const seconds = (performance.now() - started) / 1000;
      const indexed = await mongoose.connection.collection('records').countDocuments();
      if (indexed !== events) throw new Error(`catch-up indexed ${indexed} of ${events} record entries`);
      catchUp = { eventsPerSecond: result.logsApplied / seconds, applied: result.logsApplied, bare };
    } finally {
      await runtime.close();
    }

    // Steady load: the runtime with the server's own indexer settings, polling in the background.
    trace('steady load');
    runtime = await openRuntime(config);
    let steady: Awaited<ReturnType<typeof steadyLoad>>;
    try {
      await runtime.indexer.syncNow();
      runtime.indexer.start();
      steady = await steadyLoad(chain.url, system.records, senders, steadySeconds);
    } finally {
      await runtime.close();
    }
    if (steady.missing > 0) throw new Error(`${steady.missing} steady-load transactions never reached the read model`);
    const lags = steady.samples.map((s) => s.visibleAt - s.minedAt);
    const achievedRate = steady.samples.length / steadySeconds;

    const rows = [
      benchRow({
        name: `indexer catch-up, ${events.toLocaleString('en')} addRecord events into MongoDB (baseline: bare eth_getLogs)`,
        value: catchUp.eventsPerSecond,
        unit: 'events/s',
        baseline: catchUp.bare,
        goal: { atLeast: CATCH_UP_GOAL },
      }),
      benchRow({
        name: `indexer lag chain → read model, p95 at ${STEADY_TX_PER_SECOND} tx/s for ${steadySeconds} s`,
        value: percentile(lags, 95),
        unit: 'ms',
        goal: { atMost: LAG_P95_GOAL_MS },
      }),
    ];
    const notes = [
      `indexer: ${events.toLocaleString('en')} events produced in ${productionSeconds.toFixed(1)} s (signed, sent raw, mined in blocks of up to 30M gas); catch-up applied ${catchUp.applied} logs (every source's handlers per log). Steady load: ${achievedRate.toFixed(1)} tx/s mined, lag p50 ${percentile(lags, 50).toFixed(0)} ms, p95 ${percentile(lags, 95).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms (indexer poll ${config.indexerPollMs} ms; lag = entry in the records read model − eth_sendRawTransaction answered, i.e. mined).`,
    ];
    if (!rows[0].pass) notes.push(CATCH_UP_SHORTFALL);
    if (!rows[1].pass) notes.push(LAG_SHORTFALL);
    return { rows, notes, series: steadyLoadSeries(steady.samples, steady.start, 'indexer steady load') };
  } finally {
    deployer.destroy();
  }
}

export const indexerSection: BenchSection = {
  name: 'indexer',
  async run(mode) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-indexer-'));
    let chain: ChainProcess | undefined;
    const mongo = await startMongo({ dataDir });
    try {
      chain = await startChainProcess(SENDER_INDICES.at(-1)! + 2);
      return await measure(mode, chain, mongo.uri, dataDir);
    } finally {
      await chain?.stop();
      await mongo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
