/**
 * Drill: the chain's JSON-RPC server (Ganache, its own process) is stopped and started again with its
 * data directory while raw signed transactions and API reads keep coming. The API, never restarted,
 * reports the chain down within 2 s, answers writes with 503 meanwhile, reports it up again once it is
 * back, and loses nothing: every transaction mined before the stop still has its receipt, and the
 * indexer resumes and brings every one of them into the read model; new writes are mined.
 */
import mongoose from 'mongoose';
import { readDeployments } from '../../server/src/libraries/chain';
import { devAccounts } from '../../scripts/dev/chain';
import { startDrillStack, type DrillStack } from './support/drill-stack';
import { pollHealthUntil, rpcCall, sleep, startReadLoad, startRegistrationLoad } from './support/chain-restart-load';

/** Stack start (contracts deployed) takes most of it on a loaded 2-core machine; the drill itself ~30 s. */
const DRILL_BUDGET_MS = 180_000;
/** The bound: /api/health says the chain is down within 2 s of it stopping. */
const HEALTH_DOWN_WITHIN_MS = 2_000;
const LOAD_BEFORE_STOP_MS = 4_000;
const DOWNTIME_MS = 3_000;
const LOAD_AFTER_RESTART_MS = 3_000;
/** The read model catches up within this once the chain is back (indexer polls every second). */
const CATCH_UP_WITHIN_MS = 30_000;

let stack: DrillStack | undefined;
const DRILL_ENV = {
  // The load goes through /rpc from one address: lift the per-address limit, not the drill's subject.
  RPC_RATE_LIMIT_PER_MINUTE: '1000000',
  // One log line per request would bury the warnings that matter here (indexer and anchoring retries).
  LOG_LEVEL: 'warn',
};
const originalEnv = Object.fromEntries(Object.keys(DRILL_ENV).map((name) => [name, process.env[name]]));

beforeAll(() => Object.assign(process.env, DRILL_ENV));

afterAll(async () => {
  await stack?.dispose();
  for (const [name, value] of Object.entries(originalEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

test(
  'When the chain stops and starts again under load, then health shows it within 2 s, writes get 503, and after the restart nothing is lost',
  async () => {
    stack = await startDrillStack({ prefix: 'ehr-drill-chain-' });
    const { chain, appUrl, publicRpcUrl, rpcUrl } = stack;
    const { Registry } = await readDeployments(stack.deploymentsFile, stack.chainId);
    const admin = devAccounts()[0];
    const firstNonce = Number(
      (await rpcCall(rpcUrl, 'eth_getTransactionCount', [admin.address, 'pending'])).body.result,
    );
    const healthBefore = await pollHealthUntil(appUrl, (s) => s.status === 200 && s.chainOk);
    expect(healthBefore.chainOk).toBe(true);

    const writes = startRegistrationLoad({
      publicRpcUrl,
      registryAddress: Registry.address,
      adminPrivateKey: admin.privateKey,
      chainId: stack.chainId,
      firstNonce,
    });
    const reads = startReadLoad(appUrl);
    try {
      await sleep(LOAD_BEFORE_STOP_MS);

      // Stop: the process is gone when stop() resolves (its database flushed and closed).
      const pidBefore = chain.pid;
      const stopRequestedAt = Date.now();
      await chain.stop();
      const stoppedAt = Date.now();
      const minedBeforeStop = writes.accepted.filter((w) => w.acceptedAt <= stoppedAt);
      const down = await pollHealthUntil(appUrl, (s) => !s.chainOk, { everyMs: 20, timeoutMs: 10_000 });
      const healthDownAfterMs = down.at - stoppedAt;
      expect(down.status).toBe(503);
      expect(healthDownAfterMs).toBeLessThanOrEqual(HEALTH_DOWN_WITHIN_MS);

      // A call while the node is down: a clear 503 JSON-RPC answer at once, not a hang (the load's sends too, below).
      const callWhileDown = await rpcCall(publicRpcUrl, 'eth_blockNumber');
      expect(callWhileDown.status).toBe(503);
      expect(callWhileDown.body.error?.message).toMatch(/chain node is not answering/);
      await sleep(DOWNTIME_MS);

      const restartAt = Date.now();
      await chain.start();
      const up = await pollHealthUntil(appUrl, (s) => s.status === 200 && s.chainOk, { everyMs: 20 });
      const healthUpAfterMs = up.at - restartAt;
      expect(chain.pid).not.toBe(pidBefore);
      await sleep(LOAD_AFTER_RESTART_MS);
      await writes.stop();
      await reads.stop();

      // Nothing lost on chain: every accepted transaction (before the stop and after) has a successful receipt.
      const receipts = await Promise.all(
        writes.accepted.map(async (w) => (await rpcCall(rpcUrl, 'eth_getTransactionReceipt', [w.txHash])).body),
      );
      const missing = writes.accepted.filter((_, i) => (receipts[i].result as { status?: string })?.status !== '0x1');
      expect(missing).toEqual([]);
      const minedAfterRestart = writes.accepted.filter((w) => w.acceptedAt > restartAt);
      expect(minedBeforeStop.length).toBeGreaterThan(0);
      expect(minedAfterRestart.length).toBeGreaterThan(0);
      expect(writes.refusedWhileDown.length).toBeGreaterThan(0);
      expect(writes.refusedWhileDown.every((r) => r.status === 503 && r.errorCode === -32002)).toBe(true);
      expect(reads.configStatuses.every((status) => status === 200)).toBe(true);

      // Nothing lost in the read model: the indexer resumed and every registered doctor is there.
      const expected = new Set(writes.accepted.map((w) => w.doctor.toLowerCase()));
      const connection = await mongoose.createConnection(stack.mongoUri).asPromise();
      let indexed = new Set<string>();
      const catchUpDeadline = Date.now() + CATCH_UP_WITHIN_MS;
      try {
        while (Date.now() < catchUpDeadline) {
          const docs = await connection
            .collection('doctors')
            .find({}, { projection: { address: 1 } })
            .toArray();
          indexed = new Set(docs.map((d) => String(d.address).toLowerCase()));
          if ([...expected].every((doctor) => indexed.has(doctor))) break;
          await sleep(250);
        }
      } finally {
        await connection.close();
      }
      expect([...expected].filter((doctor) => !indexed.has(doctor))).toEqual([]);

      console.log(
        `chain-restart drill: ${writes.accepted.length} tx mined (${minedBeforeStop.length} before the stop, ` +
          `${minedAfterRestart.length} after the restart), ${writes.refusedWhileDown.length} sends answered 503 while down ` +
          `(slowest ${Math.max(...writes.refusedWhileDown.map((r) => r.ms))} ms), ${reads.configStatuses.length} API reads all 200; ` +
          `stop took ${stoppedAt - stopRequestedAt} ms, health said down ${healthDownAfterMs} ms after, ` +
          `up ${healthUpAfterMs} ms after the restart began; read model has all ${expected.size} doctors`,
      );
    } finally {
      await writes.stop().catch(() => {});
      await reads.stop().catch(() => {});
    }
  },
  DRILL_BUDGET_MS,
);
