/**
 * The access log's head anchored on chain, against real Ganache and MongoDB: the anchoring job puts
 * (seq, hash) on chain only when the head moved, and /api/audit/verify catches a log rewritten so
 * consistently that the chain of hashes alone looks intact.
 *
 * This file deploys its own Registry and Anchoring (so no other test file meets its anchored head) and
 * points its server at that Anchoring; sign-in and admin checks still use the shared Registry.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Wallet } from 'ethers';
import mongoose from 'mongoose';
import request from 'supertest';
import type { AuditVerification } from '@api';
import { Anchoring__factory, Registry__factory, type Anchoring } from '@contracts/types';
import { CHAIN_ID, DEV_AUDIT_ANCHORER_INDEX, devAccount } from '@test-support/dev-chain';
import system from '../../../../../migrations/system.json';
import { createApp } from '../../../app';
import {
  devWallet,
  fundedWallet,
  openTestApp,
  testChain,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';
import type { AuditRecord } from '../data-access/audit-store';
import { entryHash } from '../domain/audit-hash';
import { createAuditAnchoring } from '../domain/audit-anchoring';
import { recordAccess } from '..';

// Accounts used only by this file (funded here): 860 deploys and administers its own Registry and
// Anchoring, 861 is the audit anchorer whose key the server holds, 862 a key that is not the anchorer.
const ACCOUNTS = { admin: 860, anchorer: 861, notAnchorer: 862 };
const DEPLOY = { gasLimit: 6_000_000 };
const DOCTOR = '0x00000000000000000000000000000000000000D0';
const PATIENT = '0x00000000000000000000000000000000000000A1';

let chain: TestChain;
let testApp: TestApp;
let anchoring: Anchoring;
let anchorer: Wallet;
let admin: request.Agent;

/** The shared deployments file with Anchoring replaced by `address`. */
function deploymentsWithAnchoring(address: string): string {
  const file = process.env.TEST_DEPLOYMENTS_FILE!;
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, object>>;
  all[String(CHAIN_ID)].Anchoring = { address, blockNumber: 0 };
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'ehr-audit-anchoring-')), 'deployments.json');
  writeFileSync(copy, JSON.stringify(all));
  return copy;
}

beforeAll(async () => {
  chain = await testChain();
  const owner = await fundedWallet(ACCOUNTS.admin, chain.provider);
  const anchorerWallet = await fundedWallet(ACCOUNTS.anchorer, chain.provider);
  anchorer = new Wallet(anchorerWallet.privateKey, chain.provider);
  const registry = await new Registry__factory(owner).deploy(owner.address, DEPLOY);
  const deployed = await new Anchoring__factory(owner).deploy(await registry.getAddress(), DEPLOY);
  anchoring = deployed.connect(chain.provider);
  await (await deployed.setAuditAnchorer(anchorer.address, DEPLOY)).wait();

  testApp = await openTestApp('audit-anchoring', {
    deploymentsFile: deploymentsWithAnchoring(await deployed.getAddress()),
    auditAnchorPrivateKey: anchorer.privateKey,
  });
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const auditLog = () => mongoose.connection.collection<AuditRecord>('audit_log');
const verify = async () => (await admin.get('/api/audit/verify').expect(200)).body as AuditVerification;
const record = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      recordAccess({ actor: DOCTOR, patient: PATIENT, what: 'records.list', outcome: 'allowed', why: `read ${i}` }),
    ),
  );
const anchorerNonce = () => chain.provider.getTransactionCount(anchorer.address);

describe('Anchoring the access log head', () => {
  test('When entries were recorded and the job ticks, then their head (seq, hash) is on chain and verify matches it', async () => {
    // Arrange
    await record(3);
    const head = (await auditLog().findOne({ seq: 3 }))!;

    // Act
    const outcome = await testApp.runtime.auditAnchoring.anchorNow();

    // Assert
    expect(outcome).toMatchObject({ status: 'anchored', seq: 3, hash: head.hash });
    const [seq, hash] = await anchoring.latestAuditHead();
    expect([seq, hash]).toEqual([3n, `0x${head.hash}`]);
    expect(await verify()).toEqual({
      ok: true,
      entries: 3,
      anchoring: 'on',
      anchored: { seq: 3, hash: head.hash, at: expect.any(String), matches: true },
    });
  });

  test('When nothing was recorded since, then the next tick sends no transaction; after new entries it anchors the new head', async () => {
    const nonceBefore = await anchorerNonce();

    expect(await testApp.runtime.auditAnchoring.anchorNow()).toEqual({ status: 'unchanged', seq: 3 });
    expect(await anchorerNonce()).toBe(nonceBefore);

    await record(2);
    expect(await testApp.runtime.auditAnchoring.anchorNow()).toMatchObject({ status: 'anchored', seq: 5 });
    expect(await anchorerNonce()).toBe(nonceBefore + 1);
    expect((await anchoring.latestAuditHead())[0]).toBe(5n);
  });

  test('When an entry at or below the anchored seq is altered and every later hash recomputed, then verify reports the anchored head no longer matches', async () => {
    // Arrange: two more entries past the anchored head (seq 5), so the rewrite runs beyond it.
    await record(2);
    const original = await auditLog()
      .find({}, { projection: { _id: 0 } })
      .sort({ seq: 1 })
      .toArray();

    // Act: entry 2 now says the doctor read with an admin's grounds; 2..7 are re-chained so every link holds.
    let prevHash = original[0].hash;
    for (const entry of original.slice(1)) {
      const rewritten = { ...entry, why: entry.seq === 2 ? 'admin' : entry.why, prevHash };
      prevHash = entryHash(rewritten);
      await auditLog().updateOne(
        { seq: entry.seq },
        { $set: { why: rewritten.why, prevHash: rewritten.prevHash, hash: prevHash } },
      );
    }
    const answer = await verify();

    // Assert
    expect(answer).toEqual({
      ok: false,
      entries: 7,
      reason: expect.stringContaining('entry 5 no longer hashes to the head anchored on chain'),
      anchoring: 'on',
      anchored: { seq: 5, hash: original[4].hash, at: expect.any(String), matches: false },
    });
  });

  test('When the newest entries are deleted down past the anchored seq, then verify names the anchored entry as missing', async () => {
    await auditLog().deleteMany({ seq: { $gte: 5 } });

    expect(await verify()).toMatchObject({
      ok: false,
      entries: 4,
      firstBrokenSeq: 5,
      reason: expect.stringContaining('the newest entries were deleted'),
      anchored: { seq: 5, matches: false },
    });
  });
});

describe('The migration', () => {
  test('When the dev stack migrates, then Anchoring names dev account #10 as the audit anchorer, the key the dev stack gives the server', async () => {
    const deployments = JSON.parse(readFileSync(process.env.TEST_DEPLOYMENTS_FILE!, 'utf8')) as Record<
      string,
      Record<string, { address: string }>
    >;
    const migrated = Anchoring__factory.connect(deployments[String(CHAIN_ID)].Anchoring.address, chain.provider);

    expect(system.accounts.$auditAnchorer.devAccountIndex).toBe(DEV_AUDIT_ANCHORER_INDEX);
    expect(await migrated.auditAnchorer()).toBe(devAccount(DEV_AUDIT_ANCHORER_INDEX).address);
  });
});

describe('Without the anchorer key', () => {
  test('When no AUDIT_ANCHOR_PRIVATE_KEY is configured, then anchoring is off, sends nothing, and verify says so', async () => {
    const config = { ...testApp.runtime.config, auditAnchorPrivateKey: undefined };
    const job = createAuditAnchoring({ config, chain: testApp.runtime.chain, logger: testApp.runtime.logger });
    const unanchoredApp = request.agent(createApp({ ...testApp.runtime, config }));
    await signIn(unanchoredApp, devWallet(0, chain.provider));

    expect(job.enabled).toBe(false);
    expect(await job.anchorNow()).toEqual({ status: 'off' });
    const { body } = await unanchoredApp.get('/api/audit/verify').expect(200);
    // The head anchored earlier is still compared: it is on chain, whoever anchored it.
    expect(body).toMatchObject({ anchoring: 'off', anchored: { seq: 5 } });
  });

  test('When the configured key is not the chain’s audit anchorer, then the job sends nothing and reports who is', async () => {
    await record(2); // the log was cut to 4 entries above: its head (6) is past the anchored 5 again
    const stranger = await fundedWallet(ACCOUNTS.notAnchorer, chain.provider);
    const config = { ...testApp.runtime.config, auditAnchorPrivateKey: stranger.privateKey };
    const job = createAuditAnchoring({ config, chain: testApp.runtime.chain, logger: testApp.runtime.logger });

    expect(await job.anchorNow()).toEqual({ status: 'not-anchorer', anchorer: anchorer.address });
    expect(await chain.provider.getTransactionCount(stranger.address)).toBe(0);
  });
});
