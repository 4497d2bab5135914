/**
 * The records read model against the real chain: RecordAdded events become entries (an amendment marks the
 * entry it corrects), every event applied again or in another order changes nothing, and a rebuild from the
 * deployment block gives the same entries and nothing else.
 */
import { getAddress } from 'ethers';
import mongoose from 'mongoose';
import type { RecordsPage } from '@api';
import { openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { recordsEvents } from '../entry-points/chain-events/records-events';
import { buildRecordsWorld, fakeUpload, type RecordsWorld } from './records-world';

// Accounts used only by this file (funded here): 880 verified doctor, 881 pending doctor, 882 and 883 patients,
// 884 unregistered; 0 is the shared admin.
const ACCOUNTS = { verifiedDoctor: 880, pendingDoctor: 881, patient: 882, otherPatient: 883, unregistered: 884 };
let testApp: TestApp;
let chain: TestChain;
let world: RecordsWorld;
const ids = {} as Record<'report' | 'note' | 'amendment', number>;

beforeAll(async () => {
  testApp = await openTestApp('records-indexer');
  chain = await testChain();
  world = await buildRecordsWorld(testApp, chain, ACCOUNTS);
  const { patient } = world.callers.address;
  ids.report = await world.add('patient', patient, 'test-report', fakeUpload('indexer report'));
  ids.note = await world.add('verifiedDoctor', patient, 'consultation-note', fakeUpload('indexer note'));
  ids.amendment = await world.amend('verifiedDoctor', ids.note, fakeUpload('indexer note, corrected'));
  await testApp.runtime.indexer.syncNow();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const records = () => mongoose.connection.collection('records');
const cursors = () => mongoose.connection.collection('indexer_cursors');
/** This file's patient's entries as stored, so other files' records on the shared chain cannot disturb a comparison. */
const ownRecords = () =>
  records()
    .find({ patient: world.callers.address.patient }, { projection: { _id: 0 } })
    .sort({ id: 1 })
    .toArray();

describe('Records read model', () => {
  test('When the indexer has applied the events, then the patient sees every version, newest first, the old one marked amended', async () => {
    const { patient, verifiedDoctor } = world.callers.address;

    const { body } = await world.callers.agent.patient.get('/api/records').query({ patient }).expect(200);

    const page = body as RecordsPage;
    expect(page.total).toBe(3);
    expect(page.items.map((entry) => entry.id)).toEqual([ids.amendment, ids.note, ids.report]);
    expect(page.items[0]).toMatchObject({
      kind: 'consultation-note',
      author: verifiedDoctor,
      patient,
      cid: fakeUpload('indexer note, corrected').cid,
      contentHash: fakeUpload('indexer note, corrected').contentHash,
      amends: ids.note,
      amendedBy: null,
      txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    });
    expect(page.items[1]).toMatchObject({ kind: 'consultation-note', amends: null, amendedBy: ids.amendment });
    expect(page.items[2]).toMatchObject({ kind: 'test-report', author: patient, amends: null, amendedBy: null });
    expect(new Date(page.items[0].createdAt).getTime()).toBeGreaterThanOrEqual(
      new Date(page.items[2].createdAt).getTime(),
    );
  });

  test('When every event is applied a second time (the cursor moved back, no reset), then the entries are unchanged', async () => {
    const before = await ownRecords();
    await cursors().updateMany({}, { $set: { lastBlock: testApp.runtime.chain.deployments.Registry.blockNumber - 1 } });

    const replay = await testApp.runtime.indexer.syncNow();

    expect(replay.rebuilt).toBe(false);
    expect(replay.logsApplied).toBeGreaterThan(0);
    expect(await ownRecords()).toEqual(before);
  });

  test('When the patient’s events are applied newest first, twice, then the same entries come out (the link does not depend on order)', async () => {
    const before = await ownRecords();
    const deployment = testApp.runtime.chain.deployments.Records;
    const source = recordsEvents(deployment);
    const logs = await chain.provider.getLogs({
      address: deployment.address,
      fromBlock: deployment.blockNumber,
      topics: [source.contractInterface.getEvent('RecordAdded')!.topicHash, null, null],
    });
    const own = logs
      .map((log) => ({ log, parsed: source.contractInterface.parseLog(log)! }))
      .filter(({ parsed }) => getAddress(parsed.args.patient as string) === world.callers.address.patient);
    expect(own).toHaveLength(3);
    await records().deleteMany({ patient: world.callers.address.patient });

    for (const { log, parsed } of [...own.reverse(), ...own]) {
      const block = await chain.provider.getBlock(log.blockNumber);
      await source.handlers.RecordAdded(parsed.args, {
        blockNumber: log.blockNumber,
        logIndex: log.index,
        transactionHash: log.transactionHash,
        timestamp: new Date(block!.timestamp * 1000),
      });
    }

    expect(await ownRecords()).toEqual(before);
  });

  test('When the cursor is dropped and the chain re-indexed from the deployment block, then the same entries come out and nothing the chain does not hold', async () => {
    const before = await ownRecords();
    expect(before).toHaveLength(3);
    // An entry the chain never had: the reset before the rebuild must forget it.
    await records().insertOne({ ...before[0], id: 999_999_999, txHash: `0x${'ab'.repeat(32)}` });
    await cursors().deleteMany({});

    const rebuild = await testApp.runtime.indexer.syncNow();

    expect(rebuild.rebuilt).toBe(true);
    expect(await ownRecords()).toEqual(before);
  });
});
