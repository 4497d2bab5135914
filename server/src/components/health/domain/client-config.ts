import type { ChainDeployments } from '../../../libraries/chain';

/** What the SPA needs to talk to the chain: network parameters for the wallet and contract addresses. */
export interface ClientConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  currency: { name: string; symbol: string; decimals: number };
  contracts: Record<string, { address: string; blockNumber: number }>;
}

export function clientConfig(options: { chainId: number; publicRpcUrl: string; deployments: ChainDeployments }): ClientConfig {
  const contracts = Object.fromEntries(
    Object.entries(options.deployments).map(([name, d]) => [name, { address: d.address, blockNumber: d.blockNumber }]),
  );
  return {
    chainId: options.chainId,
    chainName: 'EHR Hospital Dev',
    rpcUrl: options.publicRpcUrl,
    currency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    contracts,
  };
}
