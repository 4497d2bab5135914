/**
 * `npm start`'s build step: rebuilds the contracts and the client only when their inputs changed, so a
 * warm start costs a few hashes instead of a 25 s build. `--always` (npm run build) rebuilds both;
 * `--only=contracts` is npm run dev's step (its client build is the watcher).
 *
 * Each step records the SHA-256 of its inputs inside its own output directory once it succeeds; the
 * step is skipped while that record matches and the outputs exist. Deleting build/ or dist/ (or an
 * `ng build --watch` from npm run dev, which empties dist/client) therefore forces a rebuild.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface BuildStep {
  name: string;
  /** Files and directories (hashed recursively) whose content decides the output, relative to the repo. */
  inputs: string[];
  /** Must all exist for the step to count as built. */
  outputs: string[];
  /** Where the inputs' hash is recorded: inside an output directory, so deleting the output forgets it. */
  stampFile: string;
  npmScript: string;
  /** Input files that cannot change the output (tests). */
  ignore?: RegExp;
}

export const BUILD_STEPS: BuildStep[] = [
  {
    name: 'contracts',
    // solc comes from node_modules (truffle-config points at it), so the lockfile pins its version.
    inputs: ['contracts', 'truffle-config.js', 'scripts/export-contracts.ts', 'package-lock.json'],
    outputs: ['build/contracts', 'generated/contracts/types'],
    stampFile: 'build/contracts/.inputs.sha256',
    npmScript: 'contracts:build',
  },
  {
    name: 'client',
    // The client imports the generated contract types and the HTTP contract (api/), so a change there rebuilds it too.
    inputs: [
      'client/src',
      'api',
      'client/angular.json',
      'client/tsconfig.json',
      'client/tsconfig.app.json',
      'generated/contracts/types',
      'scripts/build',
      'package-lock.json',
    ],
    ignore: /(?:\.spec\.ts|\/test-setup\.ts)$|\/src\/testing\//,
    outputs: ['dist/client/browser/index.html'],
    stampFile: 'dist/client/.inputs.sha256',
    npmScript: 'client:build',
  },
];

function filesUnder(absolute: string): string[] {
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [absolute];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** One hash over the paths and contents of every input file, in a stable order. */
export function hashInputs(root: string, inputs: string[], ignore?: RegExp): string {
  const hash = createHash('sha256');
  const files = inputs
    .flatMap((input) => filesUnder(path.join(root, input)))
    .filter((file) => !ignore?.test(file.split(path.sep).join('/')))
    .sort();
  for (const file of files) {
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isUpToDate(root: string, step: BuildStep, inputsHash: string): boolean {
  if (!step.outputs.every((output) => existsSync(path.join(root, output)))) return false;
  const stamp = path.join(root, step.stampFile);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputsHash;
}

function runStep(step: BuildStep, always: boolean): void {
  // Hashed before building: an edit made during the build leaves a stale record, so the next start rebuilds.
  const inputsHash = hashInputs(repoRoot, step.inputs, step.ignore);
  if (!always && isUpToDate(repoRoot, step, inputsHash)) {
    process.stdout.write(`[build] ${step.name}: unchanged, skipped (npm run build forces it)\n`);
    return;
  }
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', step.npmScript], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`[build] ${step.name} failed (npm run ${step.npmScript}, exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
  writeFileSync(path.join(repoRoot, step.stampFile), `${inputsHash}\n`);
  process.stdout.write(`[build] ${step.name}: built in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}

if (require.main === module) {
  const always = process.argv.includes('--always');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  for (const step of BUILD_STEPS.filter((candidate) => !only || candidate.name === only)) runStep(step, always);
}
