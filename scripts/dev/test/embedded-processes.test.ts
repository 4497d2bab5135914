/**
 * The chain, embedded MongoDB and IPFS processes never outlive the stack that started them, whether it
 * stops them or is killed outright, and their startup failures say what to change.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import { startIpfs } from '../ipfs';
import { startMongo, systemGlibcVersion } from '../mongo';
import type { EnginePlan } from '../mongo/engine-choice';
import { StartupError } from '../startup-error';

const PARENT_FIXTURE = path.join(__dirname, 'fixtures', 'parent-of-services.ts');
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-processes-test-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

describe('embedded service processes', () => {
  it('When the embedded MongoDB starts, then it accepts writes, and stop() ends its process', async () => {
    const mongo = await startMongo({ dataDir });
    const connection = await mongoose.createConnection(mongo.uri).asPromise();
    try {
      await connection.collection('probe').insertOne({ ok: 1 });
      expect(await connection.collection('probe').countDocuments()).toBe(1);
    } finally {
      await connection.close();
    }

    await mongo.stop();

    expect(await waitUntilGone(mongo.pid!)).toBe(true);
  });

  it('When the embedded MongoDB is killed with SIGKILL and started again on its data dir, then it answers on the same URI with the journaled data', async () => {
    const first = await startMongo({ dataDir });
    const writer = await mongoose.createConnection(first.uri).asPromise();
    try {
      await writer.collection('probe').insertOne({ journaled: 1 }, { writeConcern: { w: 1, j: true } });
    } finally {
      await writer.close();
    }

    process.kill(first.pid!, 'SIGKILL');
    expect(await waitUntilGone(first.pid!)).toBe(true);
    const second = await startMongo({ dataDir });

    try {
      expect(second.uri).toBe(first.uri);
      const reader = await mongoose.createConnection(second.uri).asPromise();
      try {
        expect(await reader.collection('probe').countDocuments({ journaled: 1 })).toBe(1);
      } finally {
        await reader.close();
      }
    } finally {
      await second.stop();
    }
  });

  it('When the process that started the chain, MongoDB and IPFS is killed with SIGKILL, then all three exit by themselves', async () => {
    const parent = spawn(process.execPath, ['--import', require.resolve('tsx'), PARENT_FIXTURE, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: parent.stdout }).once('line', resolve),
    );
    const started = JSON.parse(firstLine) as { mongoPid: number; ipfsPid: number; chainPid: number; error?: string };
    expect(started.error).toBeUndefined();
    expect(isAlive(started.mongoPid) && isAlive(started.ipfsPid) && isAlive(started.chainPid)).toBe(true);

    parent.kill('SIGKILL');

    expect(await waitUntilGone(started.mongoPid)).toBe(true);
    expect(await waitUntilGone(started.ipfsPid)).toBe(true);
    expect(await waitUntilGone(started.chainPid)).toBe(true);
  });

  it('When the IPFS port is taken, then starting fails with one line naming the port and the fix', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startIpfs({ dataDir, port })).rejects.toThrow(new RegExp(`port ${port} is in use.*IPFS_PORT`));
    } finally {
      blocker.close();
    }
  });

  const glibc = systemGlibcVersion();
  const oldGlibc = glibc !== undefined && Number(glibc.split('.')[1]) < 38 && glibc.startsWith('2.');
  if (!oldGlibc)
    console.log(
      `skipped the GLIBC message test: this system's glibc (${glibc ?? 'none'}) can load the engine directly`,
    );
  (oldGlibc ? it : it.skip)(
    'When the engine is the only option and cannot load on this glibc, then the one-line error names GLIBC_2.38 and MONGODB_URI',
    async () => {
      const onlyTheEngine: EnginePlan = { candidates: [{ kind: 'embedded' }], reason: `glibc ${glibc}` };

      const starting = startMongo({ dataDir, plan: onlyTheEngine });

      await expect(starting).rejects.toThrow(StartupError);
      await expect(starting).rejects.toThrow(/^no MongoDB could start .*GLIBC_2\.38.*Fix: set MONGODB_URI/);
    },
  );
});
