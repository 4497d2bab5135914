import type { ChainDeployments } from '../../../libraries/chain';

/** When a session ends, so the sign-in screen can tell people on shared computers. */
export interface SessionPolicy {
  idleSeconds: number;
  maxSeconds: number;
}

/** What the SPA needs: network parameters for the wallet, contract addresses, the session policy. */
export interface ClientConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  currency: { name: string; symbol: string; decimals: number };
  contracts: Record<string, { address: string; blockNumber: number }>;
  session: SessionPolicy;
}

export function clientConfig(options: { chainId: number; publicRpcUrl: string; deployments: ChainDeployments; session: SessionPolicy }): ClientConfig {
  const contracts = Object.fromEntries(
    Object.entries(options.deployments).map(([name, d]) => [name, { address: d.address, blockNumber: d.blockNumber }]),
  );
  return {
    chainId: options.chainId,
    chainName: 'EHR Hospital Dev',
    rpcUrl: options.publicRpcUrl,
    currency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    contracts,
    session: options.session,
  };
}
