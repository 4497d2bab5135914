/**
 * The app's server side for the chain write path bench, in a process of its own (the bench's process plays the
 * browsers, as they are apart in use): Ganache with the dev chain's options, the contracts deployed from the
 * migrations' plan (migrations/system.json through @test-support/deploy: seconds, where `truffle migrate` takes
 * half a minute), then MongoDB, IPFS and the API with its indexer started as scripts/dev/stack.ts starts them.
 * The API's per-account write limit and /rpc's per-IP limit are raised: here one account and one IP send far
 * more than a person does. Prints one JSON line (StackAddresses) once ready; stops when its stdin closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploySystem, writeDeploymentsFile } from '@test-support/deploy';
import { startGanache } from '@test-support/ganache';
import { CHAIN_ID, DEV_AUDIT_ANCHORER_INDEX } from '../../scripts/dev/chain-options';
import { devAccounts } from '../../scripts/dev/chain';
import { startIpfs } from '../../scripts/dev/ipfs';
import { startMongo } from '../../scripts/dev/mongo';
import { pickFreePort } from '../../scripts/dev/app-address';
import { loadConfig } from '../../server/src/libraries/config/config';
import { startServer } from '../../server/src/start';
import { connect, testSigners } from '../../test/contracts/helpers/chain';

/** Far above what the bench sends per minute from one account or one IP. */
const BENCH_RATE_LIMIT_PER_MINUTE = 1_000_000;

export interface StackAddresses {
  appUrl: string;
  /** The app's /rpc, what wallets use. */
  publicRpcUrl: string;
  /** The chain node itself, for the bench's setup only. */
  rpcUrl: string;
  records: string;
  registry: string;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ehr-bench-chain-'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.stdin.on('close', () => void stop());
  process.stdin.resume();

  const chain = await startGanache();
  stops.push(() => chain.close());
  const provider = connect(chain.url);
  const [admin] = await testSigners(provider);
  const system = await deploySystem(admin);
  provider.destroy();
  const deploymentsFile = path.join(dataDir, 'deployments.json');
  await writeDeploymentsFile(system, deploymentsFile);

  const [mongo, ipfs] = await Promise.all([startMongo({ dataDir }), startIpfs({ dataDir, port: 0 })]);
  stops.push(mongo.stop, ipfs.stop);
  const port = await pickFreePort('127.0.0.1');
  const appUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: 'warn' },
    {
      allowedOrigins: [appUrl],
      port,
      rpcUrl: chain.url,
      chainId: CHAIN_ID,
      mongoUri: mongo.uri,
      ipfsApiUrl: ipfs.apiUrl,
      deploymentsFile,
      auditAnchorPrivateKey: devAccounts()[DEV_AUDIT_ANCHORER_INDEX].privateKey,
      writeRateLimitPerMinute: BENCH_RATE_LIMIT_PER_MINUTE,
      rpcRateLimitPerMinute: BENCH_RATE_LIMIT_PER_MINUTE,
    },
  );
  const server = await startServer(config);
  stops.push(server.close);
  const addresses: StackAddresses = {
    appUrl,
    publicRpcUrl: `${appUrl}/rpc`,
    rpcUrl: chain.url,
    records: await system.records.getAddress(),
    registry: await system.registry.getAddress(),
  };
  process.stdout.write(`${JSON.stringify(addresses)}\n`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
