import type { ClientConfig } from '@api';
import { CHAIN_ID } from '@test-support/dev-chain';

/** What GET /api/config answers for the test chain; `otherContracts` maps further contract names to addresses. */
export function appConfigFor(
  registryAddress = '0x0000000000000000000000000000000000000001',
  otherContracts: Record<string, string> = {},
): ClientConfig {
  const contracts: ClientConfig['contracts'] = { Registry: { address: registryAddress, blockNumber: 1 } };
  for (const [name, address] of Object.entries(otherContracts)) contracts[name] = { address, blockNumber: 1 };
  return {
    chainId: CHAIN_ID,
    chainName: 'EHR Hospital Dev',
    rpcUrl: 'http://127.0.0.1:3000/rpc',
    currency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    contracts,
    session: { idleSeconds: 900, maxSeconds: 28_800 },
    ipfs: { maxUploadBytes: 25_000_000 },
  };
}
