import type { AppConfig } from '../app/chain/app-config';

/** What GET /api/config answers for the test chain. */
export function appConfigFor(registryAddress = '0x0000000000000000000000000000000000000001'): AppConfig {
  return {
    chainId: 1337,
    chainName: 'EHR Hospital Dev',
    rpcUrl: 'http://127.0.0.1:8545',
    currency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    contracts: { Registry: { address: registryAddress, blockNumber: 1 } },
  };
}
