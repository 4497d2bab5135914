/**
 * Read-only chain access: a provider and typed contract instances from the generated TypeChain factories.
 * The API never signs; chain writes come from the user's wallet.
 */
import { JsonRpcProvider } from 'ethers';
import { Consent__factory, Registry__factory, type Consent, type Registry } from '@contracts/types';
import { readDeployments, type ChainDeployments } from './deployments';

export interface ChainContracts {
  registry: Registry;
  consent: Consent;
}

export interface Chain {
  provider: JsonRpcProvider;
  chainId: number;
  deployments: ChainDeployments;
  contracts: ChainContracts;
  close(): void;
}

export function createProvider(rpcUrl: string, chainId: number): JsonRpcProvider {
  // cacheTimeout -1: ganache answers fast and stale cached reads (block number, nonces) cause confusing bugs.
  // staticNetwork: no eth_chainId round trip per call and no retry loop when the node is down.
  return new JsonRpcProvider(rpcUrl, chainId, { cacheTimeout: -1, staticNetwork: true });
}

export async function connectChain(options: { rpcUrl: string; chainId: number; deploymentsFile: string }): Promise<Chain> {
  const deployments = await readDeployments(options.deploymentsFile, options.chainId);
  const provider = createProvider(options.rpcUrl, options.chainId);
  const contracts: ChainContracts = {
    registry: Registry__factory.connect(deployments.Registry!.address, provider),
    consent: Consent__factory.connect(deployments.Consent!.address, provider),
  };
  return { provider, chainId: options.chainId, deployments, contracts, close: () => provider.destroy() };
}
