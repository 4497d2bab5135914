import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_STEPS, hashInputs, isUpToDate, type BuildStep } from '../build-if-changed';

const client = BUILD_STEPS.find((step) => step.name === 'client')!;
let root: string;

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}

/** A repository with the client's inputs and a finished build recorded for them. */
function builtClient(): { step: BuildStep; hash: string } {
  write('client/src/app/app.ts', 'export class App {}');
  write('client/src/app/app.spec.ts', 'it("works", () => undefined);');
  write('client/angular.json', '{}');
  write('api/consent.ts', 'export const UNTIL_REVOKED = 2n ** 64n - 1n;');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('dist/client/browser/index.html', '<!doctype html>');
  const hash = hashInputs(root, client.inputs, client.ignore);
  write(client.stampFile, `${hash}\n`);
  return { step: client, hash };
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ehr-build-if-changed-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start rebuilds only what changed', () => {
  test('When nothing changed since the last build, then the client build is skipped', () => {
    const { step, hash } = builtClient();

    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('When a client source or the lockfile changes, then the client is rebuilt', () => {
    const { step } = builtClient();

    write('client/src/app/app.ts', 'export class App { title = "changed"; }');
    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(false);

    const again = builtClient();
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(isUpToDate(root, again.step, hashInputs(root, step.inputs, step.ignore))).toBe(false);
  });

  test('When the HTTP contract in api/ changes, then the client is rebuilt (it imports its types and values)', () => {
    const { step } = builtClient();

    write('api/consent.ts', 'export const UNTIL_REVOKED = 2n ** 63n;');

    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(false);
  });

  test('When a new source file appears, then the client is rebuilt', () => {
    const { step } = builtClient();

    write('client/src/app/new-page.ts', 'export class NewPage {}');

    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(false);
  });

  test('When only a unit test changes, then the build is still up to date', () => {
    const { step } = builtClient();

    write('client/src/app/app.spec.ts', 'it("works harder", () => undefined);');

    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(true);
  });

  test('When the output was deleted, then the client is rebuilt even though its inputs are unchanged', () => {
    const { step } = builtClient();

    rmSync(path.join(root, 'dist/client/browser/index.html'));

    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(false);
  });

  test('When a contract changes, then the contracts are rebuilt and, through the generated types, the client too', () => {
    const contracts = BUILD_STEPS.find((step) => step.name === 'contracts')!;
    write('contracts/registry/Registry.sol', 'contract Registry {}');
    write('build/contracts/Registry.json', '{}');
    write('generated/contracts/types/index.ts', 'export {};');
    write(contracts.stampFile, `${hashInputs(root, contracts.inputs)}\n`);
    const { step } = builtClient();

    write('contracts/registry/Registry.sol', 'contract Registry { uint256 private count; }');
    expect(isUpToDate(root, contracts, hashInputs(root, contracts.inputs))).toBe(false);

    write('generated/contracts/types/index.ts', 'export type Registry = unknown;');
    expect(isUpToDate(root, step, hashInputs(root, step.inputs, step.ignore))).toBe(false);
  });
});
