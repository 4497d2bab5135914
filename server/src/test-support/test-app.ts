/**
 * Builds the real app for one test file, against the stack global-setup started, with its own
 * MongoDB database so test files never see each other's documents.
 */
import { toBeHex, type HDNodeWallet, type JsonRpcProvider } from 'ethers';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { Consent__factory, Registry__factory, type Consent, type Registry } from '@contracts/types';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { createApp } from '../app';
import { loadConfig, type AppConfig } from '../libraries/config/config';
import { createProvider, readDeployments } from '../libraries/chain';
import { openRuntime, type Runtime } from '../runtime';

export const PUBLIC_ORIGIN = 'http://ehr.test';
/** ganache's eth_estimateGas can hang: every test transaction names its gas. */
export const GAS = { gasLimit: 1_000_000 };

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the server tests through jest (global-setup starts the stack)`);
  return value;
}

/** The same MongoDB server, another database: mongodb://host/<db>?options. */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`Unexpected MongoDB URI ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

export function testConfig(database: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig(
    {
      RPC_URL: requiredEnv('TEST_RPC_URL'),
      MONGODB_URI: withDatabase(requiredEnv('TEST_MONGODB_URI'), database),
      IPFS_API_URL: requiredEnv('TEST_IPFS_API_URL'),
      DEPLOYMENTS_FILE: requiredEnv('TEST_DEPLOYMENTS_FILE'),
      CLIENT_DIST: '/nonexistent/ehr-client-dist',
      PUBLIC_ORIGIN,
      LOG_LEVEL: 'silent',
      INDEXER_POLL_MS: '0',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000',
      NODE_ENV: 'test',
    },
    overrides,
  );
}

export interface TestApp {
  app: Express;
  runtime: Runtime;
  close(): Promise<void>;
}

/** The app on a fresh database; close() drops that database and disconnects. */
export async function openTestApp(database: string, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const runtime = await openRuntime(testConfig(database, overrides));
  return {
    app: createApp(runtime),
    runtime,
    async close() {
      await runtime.indexer.stop();
      await mongoose.connection.dropDatabase();
      await runtime.close();
    },
  };
}

/** Dev account `index` (0 = the Registry's first admin) with its own provider. */
export function devWallet(index: number, provider: JsonRpcProvider): HDNodeWallet {
  return devAccount(index).connect(provider);
}

/**
 * An account beyond ganache's ten funded ones, given 10 ETH with ganache's evm_setAccountBalance:
 * a test file that owns it never races another file for nonces or state.
 */
export async function fundedWallet(index: number, provider: JsonRpcProvider): Promise<HDNodeWallet> {
  const wallet = devWallet(index, provider);
  await provider.send('evm_setAccountBalance', [wallet.address, toBeHex(10n ** 19n)]);
  return wallet;
}

export interface TestChain {
  provider: JsonRpcProvider;
  registryAs(index: number): Registry;
  /** The Registry / Consent as `wallet` (e.g. one from fundedWallet). */
  registryFor(wallet: HDNodeWallet): Registry;
  consentFor(wallet: HDNodeWallet): Consent;
  close(): void;
}

export async function testChain(): Promise<TestChain> {
  const provider = createProvider(requiredEnv('TEST_RPC_URL'), CHAIN_ID);
  const deployments = await readDeployments(requiredEnv('TEST_DEPLOYMENTS_FILE'), CHAIN_ID);
  return {
    provider,
    registryAs: (index) => Registry__factory.connect(deployments.Registry.address, devWallet(index, provider)),
    registryFor: (wallet) => Registry__factory.connect(deployments.Registry.address, wallet),
    consentFor: (wallet) => Consent__factory.connect(deployments.Consent.address, wallet),
    close: () => provider.destroy(),
  };
}
