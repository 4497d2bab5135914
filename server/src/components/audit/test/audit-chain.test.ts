/**
 * The audit log's hash chain against the real embedded MongoDB: concurrent appends (with no
 * transactions) leave one unbroken chain, and /api/audit/verify names an altered or deleted entry.
 */
import mongoose from 'mongoose';
import request from 'supertest';
import type { AuditVerification } from '@api';
import { devWallet, openTestApp, testChain, type TestApp, type TestChain } from '../../../test-support/test-app';
import { signIn } from '../../../test-support/siwe-client';
import { appendChained, type AuditRecord } from '../data-access/audit-store';
import { entryHash, GENESIS_HASH } from '../domain/audit-hash';
import { recordAccess } from '..';

// No funded accounts: only the shared admin (account 0) signs in. The addresses below only name people in entries.
const DOCTOR = '0x00000000000000000000000000000000000000D0';
const PATIENT = '0x00000000000000000000000000000000000000A1';

let testApp: TestApp;
let chain: TestChain;
let admin: request.Agent;

beforeAll(async () => {
  testApp = await openTestApp('audit-chain');
  chain = await testChain();
  admin = request.agent(testApp.app);
  await signIn(admin, devWallet(0, chain.provider));
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const auditLog = () => mongoose.connection.collection<AuditRecord>('audit_log');
const storedChain = async () =>
  auditLog()
    .find({}, { projection: { _id: 0 } })
    .sort({ seq: 1 })
    .toArray();
const verify = async () => (await admin.get('/api/audit/verify').expect(200)).body as AuditVerification;
/** This file's server has no anchorer key, and the shared chain's Anchoring has no head (audit-anchoring.test.ts uses its own). */
const UNANCHORED = { anchoring: 'off', anchored: null };

/** Builds entry head+1 the way recordAccess does, but straight on the store: no in-process queue, so every append races. */
const racingAppend = (n: number) =>
  appendChained((head) => {
    const unhashed = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date(),
      actor: DOCTOR,
      patient: PATIENT,
      what: 'patient.profile.health',
      outcome: 'allowed' as const,
      why: `race ${n}`,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    return { ...unhashed, hash: entryHash(unhashed) };
  });

describe('Appending without transactions', () => {
  test('When 100 appends race on the store, then seq runs 1..100 without gaps and each prevHash is the previous hash', async () => {
    // Act
    await Promise.all(Array.from({ length: 100 }, (_, n) => racingAppend(n)));

    // Assert
    const entries = await storedChain();
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 100 }, (_, n) => n + 1));
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    entries.slice(1).forEach((entry, n) => expect(entry.prevHash).toBe(entries[n].hash));
    expect(new Set(entries.map((entry) => entry.why)).size).toBe(100); // every append landed exactly once
    expect(await verify()).toEqual({ ok: true, entries: 100, ...UNANCHORED });
  });

  test('When 100 reads are recorded at once through recordAccess, then they continue the same unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        recordAccess({ actor: DOCTOR, patient: PATIENT, what: 'appointment.reason', outcome: 'allowed', why: `#${n}` }),
      ),
    );

    const entries = await storedChain();
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 200 }, (_, n) => n + 1));
    expect(await verify()).toEqual({ ok: true, entries: 200, ...UNANCHORED });
  });
});

describe('GET /api/audit/verify', () => {
  test('When one stored entry is altered in MongoDB, then verify names its seq', async () => {
    // Arrange
    const original = (await auditLog().findOne({ seq: 137 }))!;

    // Act
    await auditLog().updateOne({ seq: 137 }, { $set: { actor: PATIENT } });
    const answer = await verify();
    await auditLog().updateOne({ seq: 137 }, { $set: { actor: original.actor } });

    // Assert
    expect(answer).toEqual({
      ok: false,
      entries: 137,
      firstBrokenSeq: 137,
      reason: expect.stringContaining('altered'),
      ...UNANCHORED,
    });
    expect(await verify()).toEqual({ ok: true, entries: 200, ...UNANCHORED });
  });

  test('When an altered entry is given a recomputed hash, then verify names it as no longer chaining to the next', async () => {
    const original = (await auditLog().findOne({ seq: 50 }, { projection: { _id: 0 } }))!;
    const forged = { ...original, why: 'admin' };
    await auditLog().updateOne({ seq: 50 }, { $set: { why: forged.why, hash: entryHash(forged) } });

    const answer = await verify();
    await auditLog().updateOne({ seq: 50 }, { $set: { why: original.why, hash: original.hash } });

    expect(answer).toMatchObject({ ok: false, firstBrokenSeq: 51, reason: expect.stringContaining('does not chain') });
  });

  test('When one entry is deleted, then verify names the missing seq', async () => {
    await auditLog().deleteOne({ seq: 60 });

    expect(await verify()).toEqual({
      ok: false,
      entries: 60,
      firstBrokenSeq: 60,
      reason: 'entry 60 is missing (the next entry is 61)',
      ...UNANCHORED,
    });
  });
});
