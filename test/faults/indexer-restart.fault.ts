/**
 * Drill: the API with its indexer runs as its own process; it is killed with SIGKILL while 200
 * transactions are mined and started again, catches up, and then its read model must equal a full
 * rebuild from the deployment block (a fresh process indexing into an empty database of the same
 * MongoDB), document for document, in every collection.
 */
import mongoose from 'mongoose';
import { devAccount } from '@test-support/dev-chain';
import { withDatabase } from '../../server/src/test-support/test-app';
import { startDrillStack, type DrillStack } from './support/drill-stack';
import { startApiProcess, type ApiProcess } from './support/indexer-restart-process';
import { compareDatabases } from './support/read-model-compare';
import {
  connectDrillChain,
  drillAccounts,
  fundingCalls,
  readModelCalls,
  type DrillChain,
} from './support/indexer-restart-transactions';

/**
 * The whole drill: the stack, three API processes starting, 200 transactions, the comparison; measured at
 * 134 s on two cores shared with a load of ~25.
 */
const DRILL_BUDGET_MS = 240_000;
/** 3 doctors register, 2 are verified, then 39 patients × 5 transactions: 200. */
const DOCTORS = [1, 2, 3];
const PATIENT_COUNT = 39;
const FIRST_PATIENT_ACCOUNT = 20;
const TRANSACTIONS = 200;
/** The indexer process is killed after this many transactions are mined, and started again after this many. */
const KILL_AFTER = 60;
const RESTART_AFTER = 120;
/** How long the restarted indexer may take to reach the head once the last transaction is mined. */
const CATCH_UP_BOUND_MS = 30_000;
/**
 * Fields compared in neither build: the indexer cursor's `updatedAt` is the wall-clock time this machine
 * last saved it (cursor-store.ts), not anything read from the chain; its block and block hash are compared.
 */
const LOCAL_ONLY_FIELDS = { indexer_cursors: ['updatedAt'] };

jest.setTimeout(DRILL_BUDGET_MS);

/** The in-process stack's own API stays quiet; the drill's API processes log to their `log` arrays. */
const QUIET = { LOG_LEVEL: 'silent' };
const savedLogLevel = process.env.LOG_LEVEL;

let stack: DrillStack | undefined;
let chain: DrillChain | undefined;
const processes: ApiProcess[] = [];

afterAll(async () => {
  for (const api of processes) await api.stop();
  chain?.close();
  await stack?.dispose();
  if (savedLogLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = savedLogLevel;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('When the API+indexer process is killed -9 and restarted while 200 transactions are mined, then its read model equals a full rebuild, document for document', async () => {
  Object.assign(process.env, QUIET);
  stack = await startDrillStack({ prefix: 'ehr-indexer-restart-' });
  const drill = stack;
  chain = connectDrillChain(drill.rpcUrl, drill.chainId, drill.deploymentsFile);
  const admin = devAccount(0);
  const patients = drillAccounts(FIRST_PATIENT_ACCOUNT, PATIENT_COUNT);
  const doctors = DOCTORS.map(devAccount);
  const startLive = async () => {
    const api = await startApiProcess(drill, 'drill_live', { INDEXER_POLL_MS: '200' });
    processes.push(api);
    return api;
  };
  let live = await startLive();
  await chain.sendAll(await chain.sign(fundingCalls(chain, admin, patients)));
  const grantUntil = (await chain.provider.getBlock('latest'))!.timestamp + 365 * 24 * 3600;
  const transactions = await chain.sign(readModelCalls(chain, { admin, doctors, patients }, grantUntil));
  expect(transactions).toHaveLength(TRANSACTIONS);

  // Act: mine the 200 transactions; kill the indexer's process part way, start it again later.
  let restarting: Promise<ApiProcess> | undefined;
  await chain.sendAll(transactions, async (mined) => {
    if (mined === KILL_AFTER) await live.kill();
    if (mined === RESTART_AFTER) restarting = startLive();
  });
  live = await restarting!;
  const head = await chain.provider.getBlockNumber();
  const liveDb = await mongoose.createConnection(withDatabase(drill.mongoUri, 'drill_live')).asPromise();
  try {
    const cursors = liveDb.collection('indexer_cursors');
    const deadline = Date.now() + CATCH_UP_BOUND_MS;
    while (((await cursors.findOne({}))?.lastBlock ?? -1) < head && Date.now() < deadline) await sleep(200);
    expect((await cursors.findOne({}))?.lastBlock).toBe(head);
    await live.stop(); // a steady read model to compare

    // The rebuild: a fresh process, a fresh database; it indexes from the deployment block before it listens.
    const rebuild = await startApiProcess(drill, 'drill_rebuild', { INDEXER_POLL_MS: '0' });
    processes.push(rebuild);
    await rebuild.stop();
    const rebuiltDb = await mongoose.createConnection(withDatabase(drill.mongoUri, 'drill_rebuild')).asPromise();
    try {
      // Assert
      const { differences, documents } = await compareDatabases(liveDb, rebuiltDb, LOCAL_ONLY_FIELDS);
      expect(differences).toEqual([]);
      expect(documents).toBeGreaterThan(TRANSACTIONS);
      console.log(
        `indexer-restart drill: ${documents} documents equal in the live and the rebuilt read model (head ${head})`,
      );
    } finally {
      await rebuiltDb.close();
    }
  } finally {
    await liveDb.close();
  }
});
