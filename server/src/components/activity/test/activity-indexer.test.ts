import mongoose from 'mongoose';
import pino from 'pino';
import { Registry__factory } from '@contracts/types';
import { ActivityQuerySchema } from '@api';
import { licenceCommitment } from '@test-support/licences';
import { UNTIL_REVOKED } from '@test-support/constants';
import { openRuntime, type Runtime } from '../../../runtime';
import { tinyBlockRange } from '../../../test-support/block-ranges';
import { testChain, testConfig, devWallet, fundedWallet, GAS, type TestChain } from '../../../test-support/test-app';
import { chainEventSources } from '../..';
import { createIndexer } from '../../indexer';
import { recordActivity } from '..';
import { listActivity } from '../domain/activity-queries';

// Accounts used only by this file (the chain is shared by all server test files): 0 admin, 176 doctor, 177 patient.
const config = testConfig('activity-indexer');
let runtime: Runtime;
let chain: TestChain;
let doctor: string;
let patient: string;
const admin = () => devWallet(0, chain.provider).address;

beforeAll(async () => {
  runtime = await openRuntime(config);
  chain = await testChain();
  const [doctorWallet, patientWallet] = await Promise.all([176, 177].map((i) => fundedWallet(i, chain.provider)));
  [doctor, patient] = [doctorWallet.address, patientWallet.address];
  await (await chain.registryFor(doctorWallet).registerDoctor(licenceCommitment('ACT-IDX-176'), 4, GAS)).wait();
  await (await chain.registryAs(0).verifyDoctor(doctor, GAS)).wait();
  await (await chain.registryFor(patientWallet).registerPatient(GAS)).wait();
  await (await chain.consentFor(patientWallet).grantAccess(doctor, UNTIL_REVOKED, GAS)).wait();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await runtime?.close();
  chain?.close();
});

const activity = () => mongoose.connection.collection('activity');
const cursors = () => mongoose.connection.collection('indexer_cursors');

/** This file's entries as stored, so other files' concurrent chain activity cannot disturb the comparison. */
async function ownEntries(origin: 'chain' | 'app'): Promise<unknown[]> {
  return activity()
    .find({ subject: { $in: [doctor, patient] }, origin }, { projection: { _id: 0 } })
    .sort({ position: 1, subject: 1, at: 1 })
    .toArray();
}

const timelineOf = async (subject: string) =>
  listActivity(runtime.chain.contract('Registry', Registry__factory), subject, ActivityQuerySchema.parse({}));

describe('Activity indexer', () => {
  test('When the indexer syncs twice, then the same entries are stored once each', async () => {
    await runtime.indexer.syncNow();
    const first = await ownEntries('chain');
    expect(first.map((entry) => (entry as { kind: string }).kind)).toEqual([
      'doctor.registered',
      'doctor.verified',
      'patient.registered',
      'consent.granted',
      'consent.granted',
    ]);

    await runtime.indexer.syncNow();
    expect(await ownEntries('chain')).toEqual(first);
  });

  test('When every log is applied again from the deployment block in tiny ranges, then no entry is duplicated', async () => {
    const before = await ownEntries('chain');
    const replay = createIndexer({
      provider: runtime.chain.provider,
      chainId: config.chainId,
      sources: chainEventSources(runtime.chain.deployments, runtime.chain.provider),
      logger: pino({ level: 'silent' }),
      pollMs: 0,
      maxBlockRange: await tinyBlockRange(runtime.chain.provider),
    });
    // Same cursor fingerprint, moved back: the logs are handled again without a reset.
    await cursors().updateMany({}, { $set: { lastBlock: runtime.chain.deployments.Registry.blockNumber - 1 } });

    const result = await replay.syncNow();

    expect(result.rebuilt).toBe(false);
    expect(await ownEntries('chain')).toEqual(before);
  });

  test('When an admin edit is reported, then it is on both timelines in words with the names filled in at read time', async () => {
    await recordActivity({
      kind: 'doctor.profile-edited',
      subject: doctor.toLowerCase(),
      actor: admin(),
      words: '{actor} edited your doctor profile: city.',
      actorWords: "You edited {subject}'s doctor profile: city.",
    });

    // Found by kind, not position: other files move chain time ahead of the server's clock, so chain entries
    // can sort above an app entry written now.
    const edit = (await timelineOf(doctor)).items.find((entry) => entry.kind === 'doctor.profile-edited');
    expect(edit).toMatchObject({
      kind: 'doctor.profile-edited',
      origin: 'app',
      actor: admin(),
      words: `${admin().slice(0, 6)}…${admin().slice(-4)} edited your doctor profile: city.`,
    });
    const adminEdits = await listActivity(
      runtime.chain.contract('Registry', Registry__factory),
      admin(),
      ActivityQuerySchema.parse({ kind: 'doctor.profile-edited' }),
    );
    expect(adminEdits.items.map((entry) => entry.words)).toContain(
      `You edited ${doctor.slice(0, 6)}…${doctor.slice(-4)}'s doctor profile: city.`,
    );
  });

  test('When the sources reset, then only chain entries go; a rebuild brings them back and reported entries survive', async () => {
    const chainBefore = await ownEntries('chain');
    const reported = await ownEntries('app');
    expect(reported).toHaveLength(1);

    const activitySources = chainEventSources(runtime.chain.deployments, runtime.chain.provider).filter((s) =>
      s.name.endsWith('→activity'),
    );
    for (const source of activitySources) await source.reset();
    expect(await ownEntries('chain')).toEqual([]);
    expect(await ownEntries('app')).toEqual(reported);

    await cursors().updateMany({}, { $set: { lastBlockHash: '0x' + 'ab'.repeat(32) } });
    expect((await runtime.indexer.syncNow()).rebuilt).toBe(true);

    expect(await ownEntries('chain')).toEqual(chainBefore);
    expect(await ownEntries('app')).toEqual(reported);
  });

  test('When a report is malformed, then nothing is stored and the caller gets the reason', async () => {
    await expect(recordActivity({ kind: 'Not A Kind', subject: doctor, actor: admin(), words: 'x' })).rejects.toThrow(
      /kind/,
    );
    await expect(recordActivity({ kind: 'doctor.x', subject: 'nobody', actor: admin(), words: 'x' })).rejects.toThrow(
      /subject/,
    );
    expect(await ownEntries('app')).toHaveLength(1);
  });
});
