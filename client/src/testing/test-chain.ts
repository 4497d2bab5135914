/**
 * A real EVM for client specs: Ganache in-process with the dev chain's options (test/support/ganache.ts),
 * and the whole system deployed as the migrations deploy it (migrations/system.json, through
 * test/support/deploy.ts). Dev account 0 deploys, so it is the Registry's admin.
 */
import type { EthereumProvider } from 'ganache';
import { BrowserProvider, type Eip1193Provider } from 'ethers';
import { CHAIN_ID, DEV_ADMIN, devAccount } from '@test-support/dev-chain';
import { deploySystem, type System } from '@test-support/deploy';
import { ganacheProvider } from '@test-support/ganache';

export interface TestChain extends System {
  rpc: Eip1193Provider;
  provider: BrowserProvider;
  stop(): Promise<void>;
}

export async function startTestChain(): Promise<TestChain> {
  const rpc: EthereumProvider = ganacheProvider();
  // cacheTimeout -1, as the server's provider: ethers otherwise answers a repeated read within 250 ms from its
  // cache, so a second transaction sent right after the first is mined gets the first one's (stale) nonce.
  const provider = new BrowserProvider(rpc, CHAIN_ID, { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 });
  const system = await deploySystem(await provider.getSigner(devAccount(DEV_ADMIN).address));
  return {
    ...system,
    rpc: rpc as unknown as Eip1193Provider,
    provider,
    async stop() {
      provider.destroy();
      await rpc.disconnect();
    },
  };
}
