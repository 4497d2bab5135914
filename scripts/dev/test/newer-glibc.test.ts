/**
 * The embedded engine under the glibc loader the project prepares itself, for real, on a machine whose
 * own glibc is too old (the CI machine: Debian 12, glibc 2.36). Each test starts from an empty cache
 * in a temporary directory, so it downloads libc6 (~3 MB, plus the release's package index) through apt.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { machineFacts, startMongo, type RunningMongo } from '../mongo';
import { chooseMongoEngines, type EnginePlan, type NewerGlibcSource } from '../mongo/engine-choice';
import { NewerGlibcError, prepareNewerGlibc } from '../mongo/newer-glibc';

const PREPARATION_TIMEOUT_MS = 300_000;
const thisMachine = chooseMongoEngines({ ...machineFacts(), mongodbUri: undefined });
const newerGlibc = thisMachine.candidates.find((candidate) => candidate.kind === 'embedded-newer-glibc');
if (!newerGlibc) console.log(`skipped the newer-glibc tests: this machine does not need them (${thisMachine.reason})`);
const describeHere = newerGlibc ? describe : describe.skip;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'ehr-newer-glibc-test-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

async function acceptsWrites(mongo: RunningMongo): Promise<number> {
  const connection = await mongoose.createConnection(mongo.uri).asPromise();
  try {
    await connection.collection('probe').insertOne({ ok: 1 });
    return await connection.collection('probe').countDocuments();
  } finally {
    await connection.close();
  }
}

describeHere('the embedded engine under the project-prepared glibc', () => {
  const source = (newerGlibc as { source: NewerGlibcSource } | undefined)?.source as NewerGlibcSource;

  it(
    'When two engines start at once on an empty cache, then one prepares the loader, both run the engine, and the start-up line says so',
    async () => {
      const cacheRoot = path.join(scratch, 'cache');
      // The engine under this very node first: on this machine it cannot load, so the chain falls through.
      const plan: EnginePlan = {
        candidates: [{ kind: 'embedded' }, { kind: 'embedded-newer-glibc', source }],
        reason: thisMachine.reason,
      };
      const lines: string[] = [];
      const start = (name: string) =>
        startMongo({
          dataDir: path.join(scratch, name),
          plan,
          newerGlibcCacheRoot: cacheRoot,
          log: (line) => lines.push(line),
        });

      const engines = await Promise.all([start('a'), start('b')]);
      try {
        expect(await acceptsWrites(engines[0])).toBe(1);
        expect(await acceptsWrites(engines[1])).toBe(1);
      } finally {
        await Promise.all(engines.map((engine) => engine.stop()));
      }

      const startLines = lines.filter((line) =>
        /^mongodb: embedded engine under the project's glibc 2\.\d+ loader/.test(line),
      );
      expect(startLines).toHaveLength(2);
      expect(startLines.filter((line) => line.includes('prepared just now'))).toHaveLength(1);
      expect(lines.some((line) => /could not load: .*GLIBC_2\.3/.test(line))).toBe(true);
      // One finished entry, renamed into place; no staging directory left behind.
      expect(readdirSync(cacheRoot)).toEqual([`${source.distro}-${source.suite}-${source.debArch}`]);
    },
    PREPARATION_TIMEOUT_MS,
  );

  it(
    "When the release's signature cannot be verified with the given keyring, then preparation fails and nothing is cached",
    async () => {
      const cacheRoot = path.join(scratch, 'cache');
      // The distribution's keyring of retired keys: a real keyring, but not the one that signs the release.
      const wrongKeyring = source.keyring.replace('-keyring.gpg', '-removed-keys.gpg');
      if (!existsSync(wrongKeyring)) throw new Error(`expected ${wrongKeyring} beside ${source.keyring}`);

      const preparing = prepareNewerGlibc({ ...source, keyring: wrongKeyring }, { cacheRoot });

      await expect(preparing).rejects.toThrow(NewerGlibcError);
      await expect(preparing).rejects.toThrow(/apt-get update failed: .*(NO_PUBKEY|not signed)/);
      expect(readdirSync(cacheRoot)).toEqual([]);
    },
    PREPARATION_TIMEOUT_MS,
  );
});
