/**
 * The deploy fixture: deploys the whole system exactly as the Truffle migrations do, from the same
 * plan (migrations/system.json: constructor arguments and bindings), with the TypeChain factories.
 */
import type { ContractRunner } from 'ethers';
import {
  Anchoring__factory,
  Appointments__factory,
  Consent__factory,
  Records__factory,
  Registry__factory,
  type Anchoring,
  type Appointments,
  type Consent,
  type Records,
  type Registry,
} from '@contracts/types';
import system from '../../../migrations/system.json';
import type { TestSigner } from './chain';

export interface System {
  registry: Registry;
  consent: Consent;
  appointments: Appointments;
  records: Records;
  anchoring: Anchoring;
}
type ContractName = keyof typeof system.constructorArgs;

const factories = {
  Registry: Registry__factory,
  Consent: Consent__factory,
  Appointments: Appointments__factory,
  Records: Records__factory,
  Anchoring: Anchoring__factory,
} satisfies Record<ContractName, unknown>;

interface Deployable {
  deploy(...args: string[]): Promise<{ waitForDeployment(): Promise<unknown>; getAddress(): Promise<string> }>;
}
type Binder = Record<string, (target: string) => Promise<{ wait(): Promise<unknown> }>>;

/** Deploys every contract of the plan in order, then makes the set-once bindings, all from `deployer`. */
export async function deploySystem(deployer: TestSigner): Promise<System> {
  const addresses: Record<string, string> = {};
  const resolve = (arg: string) => (arg === '$deployer' ? deployer.address : addresses[arg]);
  for (const [name, args] of Object.entries(system.constructorArgs) as [ContractName, string[]][]) {
    const factory = new factories[name](deployer) as unknown as Deployable;
    const contract = await factory.deploy(...args.map(resolve));
    await contract.waitForDeployment();
    addresses[name] = await contract.getAddress();
  }
  const attach = <C>(name: ContractName, runner: ContractRunner) =>
    factories[name].connect(addresses[name], runner) as unknown as C;
  for (const binding of system.bindings) {
    const contract = attach<Binder>(binding.contract as ContractName, deployer);
    await (await contract[binding.function](resolve(binding.target))).wait();
  }
  return {
    registry: attach<Registry>('Registry', deployer),
    consent: attach<Consent>('Consent', deployer),
    appointments: attach<Appointments>('Appointments', deployer),
    records: attach<Records>('Records', deployer),
    anchoring: attach<Anchoring>('Anchoring', deployer),
  };
}
