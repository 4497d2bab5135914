/**
 * Puts the contracts on a chain once, and again only when something they were built from changed:
 * runs the Truffle migrations into <dataDir>/contracts, then records the addresses in
 * <dataDir>/deployments.json (scripts/export-contracts.ts), which the server serves to the client.
 *
 * A restart on the same data skips the migration when (1) the migrations and the compiled contracts
 * are the ones last migrated to this chain and (2) every address recorded for it still has code.
 * So editing a contract or adding a migration (2_consent.js, ...) redeploys; a plain restart does not.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportDeployments, type Deployments } from '../export-contracts';
import { StartupError } from './startup-error';

const repoRoot = path.resolve(__dirname, '..', '..');
const MIGRATIONS_DIR = path.join(repoRoot, 'migrations');
const COMPILED_DIR = path.join(repoRoot, 'build', 'contracts');
const TRUFFLE_CLI = path.join(path.dirname(require.resolve('truffle/package.json')), 'build', 'cli.bundled.js');

export interface DeployedContracts {
  deploymentsFile: string;
  chainId: number;
  contracts: Record<string, { address: string; blockNumber: number }>;
}

export async function deployContracts(opts: {
  rpcUrl: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<DeployedContracts> {
  const log = opts.log ?? (() => {});
  const artifactsDir = path.join(opts.dataDir, 'contracts');
  const deploymentsFile = path.join(opts.dataDir, 'deployments.json');
  // Beside, not inside, the artifacts dir: every .json in there is read as a Truffle artifact.
  const stampFile = path.join(opts.dataDir, 'migration-inputs.json');
  const chainId = await rpc<string>(opts.rpcUrl, 'eth_chainId', []).then((hex) => Number(BigInt(hex)));
  const inputs = await migrationInputsDigest();

  const recorded = await recordedDeployments(deploymentsFile, chainId);
  const stamp = await readJson<{ chainId: number; inputs: string }>(stampFile);
  const reason = !recorded
    ? 'no deployment recorded for this chain'
    : stamp?.chainId !== chainId || stamp.inputs !== inputs
      ? 'the migrations or contracts changed since the last deployment'
      : !(await allHaveCode(opts.rpcUrl, recorded))
        ? 'a recorded address has no code (the chain was reset)'
        : undefined;
  if (!reason && recorded) {
    log(`contracts: already deployed on chain ${chainId}, migration skipped`);
    return { deploymentsFile, chainId, contracts: summarize(recorded) };
  }

  log(`contracts: migrating to chain ${chainId} (${reason}): truffle migrate --reset`);
  await seedArtifactsFromBuild(artifactsDir);
  await runTruffleMigrate(opts.rpcUrl, artifactsDir, log);
  const deployments = await exportDeployments(artifactsDir, deploymentsFile, opts.rpcUrl);
  await fs.writeFile(stampFile, JSON.stringify({ chainId, inputs }) + '\n');
  return { deploymentsFile, chainId, contracts: summarize(deployments[String(chainId)] ?? {}) };
}

/**
 * A digest of what a migration's result depends on: the migration scripts and the bytecode of our own
 * compiled contracts (`npm run build` refreshes build/contracts). Artifact timestamps are left out.
 */
export async function migrationInputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await fs.readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(file).update(await fs.readFile(path.join(MIGRATIONS_DIR, file)));
  }
  const compiled = await fs.readdir(COMPILED_DIR).catch(() => [] as string[]);
  for (const file of compiled.filter((f) => f.endsWith('.json')).sort()) {
    const artifact = await readJson<{ sourcePath?: string; bytecode?: string }>(path.join(COMPILED_DIR, file));
    if (artifact?.sourcePath?.includes('@openzeppelin')) continue;
    hash.update(file).update(artifact?.bytecode ?? '');
  }
  return hash.digest('hex');
}

/**
 * Starts the chain's artifacts from `truffle compile`'s (build/contracts), keeping the addresses they
 * already record, so `truffle migrate` finds them up to date instead of compiling again (~15 s).
 * Truffle still recompiles any source newer than its artifact.
 */
async function seedArtifactsFromBuild(artifactsDir: string): Promise<void> {
  await fs.mkdir(artifactsDir, { recursive: true });
  const compiled = await fs.readdir(COMPILED_DIR).catch(() => [] as string[]);
  for (const file of compiled.filter((f) => f.endsWith('.json'))) {
    const fresh = await readJson<{ bytecode?: string; networks?: object }>(path.join(COMPILED_DIR, file));
    const target = path.join(artifactsDir, file);
    const current = await readJson<{ bytecode?: string; networks?: object }>(target);
    if (!fresh || (current && current.bytecode === fresh.bytecode)) continue;
    await fs.writeFile(target, JSON.stringify({ ...fresh, networks: current?.networks ?? {} }, null, 2));
  }
}

async function recordedDeployments(file: string, chainId: number): Promise<Deployments[string] | undefined> {
  const deployments = await readJson<Deployments>(file);
  const forChain = deployments?.[String(chainId)];
  return forChain && Object.keys(forChain).length > 0 ? forChain : undefined;
}

/** A reset or replaced chain keeps no code at the old addresses. */
async function allHaveCode(rpcUrl: string, deployments: Deployments[string]): Promise<boolean> {
  const codes = await Promise.all(
    Object.values(deployments).map((d) => rpc<string>(rpcUrl, 'eth_getCode', [d.address, 'latest'])),
  );
  return codes.every((code) => code !== '0x');
}

/** Truffle's output is noise on success; it is shown on failure, or live with DEBUG=1. */
async function runTruffleMigrate(rpcUrl: string, artifactsDir: string, log: (line: string) => void): Promise<void> {
  const verbose = Boolean(process.env.DEBUG);
  const output: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const truffle = spawn(process.execPath, [TRUFFLE_CLI, 'migrate', '--reset', '--network', 'development'], {
      cwd: repoRoot,
      env: { ...process.env, RPC_URL: rpcUrl, TRUFFLE_BUILD_DIR: artifactsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString();
      output.push(text);
      if (verbose)
        text
          .split('\n')
          .filter((l) => l.trim())
          .forEach((l) => log(`[truffle] ${l}`));
    };
    truffle.stdout.on('data', collect);
    truffle.stderr.on('data', collect);
    truffle.once('error', reject);
    truffle.once('close', resolve);
  });
  if (exitCode !== 0) {
    const transcript = output.join('');
    if (!verbose) transcript.split('\n').forEach((l) => log(`[truffle] ${l}`));
    const lastError = transcript
      .split('\n')
      .reverse()
      .find((l) => /error/i.test(l))
      ?.trim();
    throw new StartupError(
      `contract migration failed (${lastError ?? `truffle exited with ${exitCode}`}): see the truffle output above; fix the migration or contract, or delete ${artifactsDir} and retry`,
    );
  }
}

function summarize(deployments: Deployments[string]): DeployedContracts['contracts'] {
  return Object.fromEntries(
    Object.entries(deployments).map(([name, d]) => [name, { address: d.address, blockNumber: d.blockNumber }]),
  );
}

async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // a damaged record is treated as no record: the migration rewrites it
  }
}

async function rpc<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error || body.result === undefined)
    throw new Error(`${method} failed: ${body.error?.message ?? `HTTP ${response.status}`}`);
  return body.result;
}
