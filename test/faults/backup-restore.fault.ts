/**
 * Drill: a clinic's disk dies. Wrapped document keys live only in MongoDB, the ciphertext only on the IPFS
 * node, the hashes and consent only on the chain: a backup must carry all three together, or no document
 * opens again. The drill fills a real stack through its API and chain, stops it, runs `npm run backup`,
 * restores into an empty directory with `npm run restore`, starts the app there and checks that every role
 * sees the same API answers and that the document opens: the bytes behind its CID hash to the chain's
 * record and the doctor's wrapped key unwraps and decrypts them to what the patient wrote.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from 'ethers';
import * as tar from 'tar';
import type { Agent } from 'supertest';
import { decryptDocument, unwrapKey } from '../../client/src/app/documents/crypto';
import { startDrillStack, type DrillStack } from './support/drill-stack';
import { AFTER_RESTORE, BEFORE_BACKUP, recordAnswers, type Answers } from './support/backup-answers';
import { npmRun } from './support/backup-commands';
import { buildBackupWorld, chainContracts, signedInAgent, type BackupWorld, type Role } from './support/backup-world';

/** Two stack starts (the first migrates the contracts), a backup and a restore, on 2 shared cores. */
const DRILL_BUDGET_MS = 180_000;

// The two stacks' request logs would bury the drill's own output.
process.env.LOG_LEVEL ??= 'warn';

const workDir = mkdtempSync(path.join(tmpdir(), 'ehr-backup-drill-'));
const archive = path.join(workDir, 'clinic.tar.gz');
const restoredDir = path.join(workDir, 'restored');
let original: DrillStack | undefined;
let restored: DrillStack | undefined;
let world: BackupWorld;
let before: Answers;

afterAll(async () => {
  await restored?.dispose();
  await original?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.slice(2), 'hex'));

/** The whole body as bytes (supertest would otherwise try to read an octet stream as text). */
const asBytes = (response: unknown, done: (error: Error | null, body: Buffer) => void) => {
  // In Node, superagent hands the parser the raw response stream.
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('backup and restore of a whole clinic', () => {
  test(
    'When the stopped app is backed up and restored into an empty directory, then every role gets the same answers and the document opens',
    async () => {
      original = await startDrillStack({ prefix: 'ehr-backup-original-' });
      let agents: Record<Role, Agent>;
      ({ world, agents } = await buildBackupWorld(original));
      before = await recordAnswers(world, agents, BEFORE_BACKUP);
      // Every recorded answer is real data (a 404 on both sides would compare equal and prove nothing).
      expect(Object.entries(before).filter(([, answer]) => answer.status !== 200)).toEqual([]);

      const whileRunning = await npmRun('backup', ['--data-dir', original.dataDir, '--out', archive]);
      expect({ code: whileRunning.code, stderr: whileRunning.stderr.trim() }).toEqual({
        code: 1,
        stderr: expect.stringMatching(/^npm run backup failed: the app is running on .*: stop it/),
      });
      expect(existsSync(archive)).toBe(false);

      await original.stop();
      const backup = await npmRun('backup', ['--data-dir', original.dataDir, '--out', archive]);
      expect({ code: backup.code, stderr: backup.stderr }).toEqual({ code: 0, stderr: '' });
      expect(backup.stdout).toContain(`Backed up ${original.dataDir} to ${archive}`);

      const restore = await npmRun('restore', [archive, '--data-dir', restoredDir]);
      expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: '' });
      expect(restore.stdout).toContain(`into ${restoredDir}`);

      // The original data directory is gone for good: only the archive's copy remains.
      await original.dispose();
      original = undefined;
      restored = await startDrillStack({ dataDir: restoredDir });
      const after = {
        doctor: await signedInAgent(restored, world.doctor.wallet),
        patient: await signedInAgent(restored, world.patient.wallet),
        admin: await signedInAgent(restored, world.admin.wallet),
      };
      expect(await recordAnswers(world, after, AFTER_RESTORE)).toEqual(before);

      // The document opens: ciphertext by CID matches the chain's hash; the doctor's wrapped key decrypts it.
      const chain = await chainContracts(restored);
      const entry = await chain.records().getRecord(world.document.recordId);
      chain.provider.destroy();
      expect(entry.cid).toBe(world.document.cid);
      const cat = await after.doctor
        .post('/api/ipfs/api/v0/cat')
        .query({ arg: world.document.cid })
        .buffer(true)
        .parse(asBytes)
        .expect(200);
      const ciphertext = Uint8Array.from(cat.body as Buffer);
      expect(sha256(ciphertext)).toBe(entry.contentHash);
      const { body: key } = await after.doctor.get(`/api/documents/${world.document.cid}/key`).expect(200);
      const documentKey = await unwrapKey(
        fromHex((key as { wrappedKey: string }).wrappedKey),
        world.doctor.keys.privateKey,
      );
      const opened = await decryptDocument(ciphertext, documentKey);
      expect({ name: opened.name, content: Buffer.from(opened.content).toString() }).toEqual({
        name: world.document.name,
        content: Buffer.from(world.document.plaintext).toString(),
      });
    },
    DRILL_BUDGET_MS,
  );

  test('When the target directory is not empty, then restore refuses in one line and changes nothing', async () => {
    const entries = await readdir(restoredDir);
    const refused = await npmRun('restore', [archive, '--data-dir', restoredDir]);
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
      code: 1,
      stderr: `npm run restore failed: ${restoredDir} is not empty: restore into a new or empty data directory (nothing was changed)`,
    });
    expect(await readdir(restoredDir)).toEqual(entries);
  });

  test('When one byte of one IPFS block in the archive changed, then restore names the file and writes nothing', async () => {
    const unpacked = path.join(workDir, 'unpacked');
    const target = path.join(workDir, 'from-damaged');
    await mkdir(unpacked, { recursive: true });
    await tar.x({ file: archive, cwd: unpacked });
    const blocks = path.join(unpacked, 'data', 'ipfs', 'blocks');
    const block = (await readdir(blocks, { recursive: true, withFileTypes: true })).find((entry) => entry.isFile())!;
    const blockPath = path.join(block.parentPath, block.name);
    const bytes = await readFile(blockPath);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(blockPath, bytes);
    const damaged = path.join(workDir, 'damaged.tar.gz');
    await tar.c({ gzip: true, file: damaged, cwd: unpacked }, await readdir(unpacked));

    const refused = await npmRun('restore', [damaged, '--data-dir', target]);
    const relative = path.relative(unpacked, blockPath).split(path.sep).join('/');
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
      code: 1,
      stderr: `npm run restore failed: the archive ${damaged} is damaged: ${relative} does not match its checksum`,
    });
    expect(existsSync(target)).toBe(false);
  });

  test('When the archive does not exist, then restore says so in one line', async () => {
    const missing = path.join(workDir, 'no-such.tar.gz');
    const refused = await npmRun('restore', [missing, '--data-dir', path.join(workDir, 'never')]);
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
      code: 1,
      stderr: `npm run restore failed: the archive ${missing} does not exist`,
    });
  });
});
