/**
 * The deploy fixture: deploys the whole system exactly as the Truffle migrations do, from the same
 * plan (migrations/system.json: constructor arguments, bindings and roles), with the TypeChain factories.
 * Contract tests, the gas bench and the client specs' in-process chain all deploy through it.
 */
import { writeFileSync } from 'node:fs';
import type { ContractRunner, Signer } from 'ethers';
import {
  Anchoring__factory,
  Appointments__factory,
  Consent__factory,
  EmergencyAccess__factory,
  Erasure__factory,
  Records__factory,
  Registry__factory,
  ResearchSharing__factory,
  type Anchoring,
  type Appointments,
  type Consent,
  type EmergencyAccess,
  type Erasure,
  type Records,
  type Registry,
  type ResearchSharing,
} from '@contracts/types';
import system from '../../migrations/system.json';
import { CHAIN_ID, devAccount } from './dev-chain';

export interface System {
  registry: Registry;
  consent: Consent;
  appointments: Appointments;
  records: Records;
  anchoring: Anchoring;
  researchSharing: ResearchSharing;
  emergencyAccess: EmergencyAccess;
  erasure: Erasure;
}
type ContractName = keyof typeof system.constructorArgs;

const factories = {
  Registry: Registry__factory,
  Consent: Consent__factory,
  Appointments: Appointments__factory,
  Records: Records__factory,
  Anchoring: Anchoring__factory,
  ResearchSharing: ResearchSharing__factory,
  EmergencyAccess: EmergencyAccess__factory,
  Erasure: Erasure__factory,
} satisfies Record<ContractName, unknown>;

/** Every deployment names its gas: Ganache 7.9 can hang on eth_estimateGas, and any signer may be given. */
const DEPLOY_OVERRIDES = { gasLimit: 6_000_000 };

interface Deployable {
  deploy(...args: unknown[]): Promise<{ waitForDeployment(): Promise<unknown>; getAddress(): Promise<string> }>;
}
type Binder = Record<
  string,
  (target: string, overrides: typeof DEPLOY_OVERRIDES) => Promise<{ wait(): Promise<unknown> }>
>;
type RoleAccount = keyof typeof system.accounts;

/**
 * Deploys every contract of the plan in order, makes the set-once bindings, then gives the roles, all
 * from `deployer` (any ethers Signer: a Ganache-unlocked account, a Wallet, a BrowserProvider's signer).
 * Role accounts are the dev accounts the migration picks on the dev chain (system.json "accounts"),
 * unless `roleAccounts` names others; test chains fund them already.
 */
export async function deploySystem(
  deployer: Signer,
  roleAccounts: Partial<Record<RoleAccount, string>> = {},
): Promise<System> {
  const deployerAddress = await deployer.getAddress();
  const addresses: Record<string, string> = {};
  const resolve = (arg: string) => (arg === '$deployer' ? deployerAddress : addresses[arg]);
  for (const [name, args] of Object.entries(system.constructorArgs) as [ContractName, string[]][]) {
    const factory = new factories[name](deployer) as unknown as Deployable;
    const contract = await factory.deploy(...args.map(resolve), DEPLOY_OVERRIDES);
    await contract.waitForDeployment();
    addresses[name] = await contract.getAddress();
  }
  const attach = <C>(name: ContractName, runner: ContractRunner) =>
    factories[name].connect(addresses[name], runner) as unknown as C;
  for (const binding of system.bindings) {
    const contract = attach<Binder>(binding.contract as ContractName, deployer);
    await (await contract[binding.function](resolve(binding.target), DEPLOY_OVERRIDES)).wait();
  }
  for (const role of system.roles) {
    const name = role.account as RoleAccount;
    const account = roleAccounts[name] ?? devAccount(system.accounts[name].devAccountIndex).address;
    const contract = attach<Binder>(role.contract as ContractName, deployer);
    await (await contract[role.function](account, DEPLOY_OVERRIDES)).wait();
  }
  return {
    registry: attach<Registry>('Registry', deployer),
    consent: attach<Consent>('Consent', deployer),
    appointments: attach<Appointments>('Appointments', deployer),
    records: attach<Records>('Records', deployer),
    anchoring: attach<Anchoring>('Anchoring', deployer),
    researchSharing: attach<ResearchSharing>('ResearchSharing', deployer),
    emergencyAccess: attach<EmergencyAccess>('EmergencyAccess', deployer),
    erasure: attach<Erasure>('Erasure', deployer),
  };
}

/**
 * The deployments file the server reads (as scripts/export-contracts.ts writes it after a migration), for a system
 * deployed here: every contract from `fromBlock` on (block 0: the indexer reads the chain from its start).
 */
export async function writeDeploymentsFile(deployed: System, file: string, fromBlock = 0): Promise<void> {
  const entries: [ContractName, { address: string; blockNumber: number }][] = [];
  for (const name of Object.keys(factories) as ContractName[]) {
    const contract = deployed[`${name[0].toLowerCase()}${name.slice(1)}` as keyof System];
    entries.push([name, { address: await contract.getAddress(), blockNumber: fromBlock }]);
  }
  writeFileSync(file, JSON.stringify({ [CHAIN_ID]: Object.fromEntries(entries) }));
}
