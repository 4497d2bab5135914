import type { ClientConfig, SessionPolicy } from '@api';
import type { ChainDeployments } from '../../../libraries/chain';

/** GET /api/config (api/platform.ts). The session policy lets the sign-in screen tell people on shared computers when a session ends. */
export function clientConfig(options: {
  chainId: number;
  publicRpcUrl: string;
  deployments: ChainDeployments;
  session: SessionPolicy;
  ipfsMaxUploadBytes: number;
}): ClientConfig {
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
    ipfs: { maxUploadBytes: options.ipfsMaxUploadBytes },
  };
}
