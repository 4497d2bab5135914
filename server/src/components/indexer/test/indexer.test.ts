import mongoose from 'mongoose';
import pino from 'pino';
import { CHAIN_ID } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { openRuntime, type Runtime } from '../../../runtime';
import { tinyBlockRange } from '../../../test-support/block-ranges';
import { testChain, testConfig, devWallet, GAS, type TestChain } from '../../../test-support/test-app';
import { recordDoctorRegistered } from '../../doctors';
import { findPatient } from '../../patients';
import { Registry__factory } from '@contracts/types';
import { chainEventSources } from '../..';
import { createIndexer } from '..';

// Accounts used only by this file (the chain is shared by all server test files): 0 admin, 4 and 5 doctors, 6 patient.
const config = testConfig('indexer');
let runtime: Runtime;
let chain: TestChain;

beforeAll(async () => {
  runtime = await openRuntime(config);
  chain = await testChain();
  await (await chain.registryAs(4).registerDoctor(licenceCommitment('IDX-4'), 3, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(devWallet(4, chain.provider).address, GAS)).wait();
  await (await chain.registryAs(6).registerPatient(GAS)).wait();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await runtime?.close();
  chain?.close();
});

const address = (index: number) => devWallet(index, chain.provider).address;
const cursors = () => mongoose.connection.collection('indexer_cursors');

/** This file's doctors as stored, so other files' concurrent chain activity cannot disturb the comparison. */
async function ownDoctors(): Promise<unknown[]> {
  return mongoose.connection
    .collection('doctors')
    .find({ address: { $in: [address(4), address(5)] } }, { projection: { _id: 0 } })
    .sort({ address: 1 })
    .toArray();
}

describe('Chain-event indexer', () => {
  test('When the indexer syncs, then doctors and patients registered on chain are in the read model', async () => {
    await runtime.indexer.syncNow();
    expect(await ownDoctors()).toEqual([
      expect.objectContaining({ address: address(4), status: 'verified', speciality: 3, verifiedBy: address(0) }),
    ]);
    expect(await findPatient(address(6))).toEqual(expect.objectContaining({ address: address(6) }));
  });

  test('When the indexer syncs again with nothing new, then it reads no old block again and the documents are unchanged', async () => {
    const first = await runtime.indexer.syncNow();
    const before = await ownDoctors();
    const second = await runtime.indexer.syncNow();
    expect(second.fromBlock).toBe(first.toBlock + 1);
    expect(second.rebuilt).toBe(false);
    expect(await ownDoctors()).toEqual(before);
  });

  test('When the read model is replayed from the deployment block in tiny block ranges, then the same documents come out', async () => {
    await runtime.indexer.syncNow();
    const before = await ownDoctors();
    await cursors().deleteMany({});
    const replay = createIndexer({
      provider: runtime.chain.provider,
      chainId: config.chainId,
      sources: chainEventSources(runtime.chain.deployments, runtime.chain.provider),
      logger: pino({ level: 'silent' }),
      pollMs: 0,
      maxBlockRange: await tinyBlockRange(runtime.chain.provider),
    });

    const result = await replay.syncNow();

    expect(result.rebuilt).toBe(true);
    expect(result.fromBlock).toBe(runtime.chain.deployments.Registry.blockNumber);
    expect(await ownDoctors()).toEqual(before);
  });

  test('When an older event is applied again after a newer one, then the doctor does not go back to pending', async () => {
    const registry = runtime.chain.contract('Registry', Registry__factory);
    const [registered] = await registry.queryFilter(registry.filters.DoctorRegistered(address(4)));
    await recordDoctorRegistered(
      { doctor: address(4), registeredBy: address(4), licenceHash: licenceCommitment('IDX-4'), speciality: 3 },
      { blockNumber: registered.blockNumber, logIndex: registered.index, timestamp: new Date() },
    );
    expect(await ownDoctors()).toEqual([expect.objectContaining({ address: address(4), status: 'verified' })]);
  });

  test('When the server restarts, then the indexer resumes after the last processed block and picks up what happened meanwhile', async () => {
    const before = await runtime.indexer.syncNow();
    await runtime.close();
    await (await chain.registryAs(5).registerDoctor(licenceCommitment('IDX-5'), 9, GAS)).wait();

    runtime = await openRuntime(config);
    const resumed = await runtime.indexer.syncNow();

    expect(resumed).toEqual(expect.objectContaining({ fromBlock: before.toBlock + 1, rebuilt: false }));
    expect(await ownDoctors()).toEqual([
      expect.objectContaining({ address: address(4), status: 'verified' }),
      expect.objectContaining({ address: address(5), status: 'pending', speciality: 9 }),
    ]);
  });

  test.each([
    ['the cursor is beyond the chain head', { lastBlock: 10_000_000 }],
    ['the cursor block hash differs (chain re-created)', { lastBlockHash: '0x' + 'ab'.repeat(32) }],
    [
      'the cursor belongs to other deployments',
      { fingerprint: `${CHAIN_ID}|Registry@0x0000000000000000000000000000000000000001#1` },
    ],
  ])('When %s, then the read model is rebuilt from scratch with the same result', async (_case, cursorChange) => {
    await runtime.indexer.syncNow();
    const before = await ownDoctors();
    await cursors().updateMany({}, { $set: cursorChange });

    const result = await runtime.indexer.syncNow();

    expect(result.rebuilt).toBe(true);
    expect(await ownDoctors()).toEqual(before);
  });
});
