/**
 * Read-only chain access: a provider and typed contract instances from the generated TypeChain factories.
 * The API never signs; chain writes come from the user's wallet.
 */
import { JsonRpcProvider, type ContractRunner } from 'ethers';
import { readDeployments, type ChainDeployments } from './deployments';

/** A generated TypeChain factory (`Registry__factory`, …): turns an address into a typed contract. */
export interface ContractFactory<C> {
  connect(address: string, runner?: ContractRunner | null): C;
}

export interface Chain {
  provider: JsonRpcProvider;
  chainId: number;
  deployments: ChainDeployments;
  /** The deployed contract `name`, read-only, typed by its factory: `chain.contract('Consent', Consent__factory)`. */
  contract<C>(name: string, factory: ContractFactory<C>): C;
  close(): void;
}

export function createProvider(rpcUrl: string, chainId: number): JsonRpcProvider {
  // cacheTimeout -1: ganache answers fast and stale cached reads (block number, nonces) cause confusing bugs.
  // staticNetwork: no eth_chainId round trip per call and no retry loop when the node is down.
  return new JsonRpcProvider(rpcUrl, chainId, { cacheTimeout: -1, staticNetwork: true, batchStallTime: 0 });
}

export async function connectChain(options: {
  rpcUrl: string;
  chainId: number;
  deploymentsFile: string;
  /** Contracts the deployment must have (what the server components declare they read). */
  requiredContracts?: readonly string[];
}): Promise<Chain> {
  const deployments = await readDeployments(options.deploymentsFile, options.chainId, options.requiredContracts);
  const provider = createProvider(options.rpcUrl, options.chainId);
  return {
    provider,
    chainId: options.chainId,
    deployments,
    contract(name, factory) {
      const deployment = deployments[name];
      if (!deployment)
        throw new Error(
          `${name} is not deployed on chain ${options.chainId}: list it in the component's contracts so startup checks for it`,
        );
      return factory.connect(deployment.address, provider);
    },
    close: () => provider.destroy(),
  };
}
