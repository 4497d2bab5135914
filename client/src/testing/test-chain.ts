/**
 * A real EVM for client specs: Ganache in-process (the same engine as the dev stack), with the Registry
 * and the Consent contract (governed by that Registry) deployed from the generated bindings.
 * Account 0 of the dev mnemonic is the Registry's admin.
 */
import ganache, { type EthereumProvider } from 'ganache';
import { BrowserProvider, HDNodeWallet, type Eip1193Provider } from 'ethers';
import { Consent__factory, Registry__factory, type Consent, type Registry } from '@contracts/types';

export const TEST_CHAIN_ID = 1337;
const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

export function devAccount(index: number): HDNodeWallet {
  return HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);
}

export interface TestChain {
  rpc: Eip1193Provider;
  provider: BrowserProvider;
  registry: Registry;
  consent: Consent;
  stop(): Promise<void>;
}

export async function startTestChain(): Promise<TestChain> {
  const rpc: EthereumProvider = ganache.provider({
    logging: { quiet: true },
    chain: { chainId: TEST_CHAIN_ID, networkId: TEST_CHAIN_ID, hardfork: 'shanghai' },
    wallet: { mnemonic: DEV_MNEMONIC, totalAccounts: 5 },
  });
  const provider = new BrowserProvider(rpc as unknown as Eip1193Provider, TEST_CHAIN_ID, { staticNetwork: true, pollingInterval: 50 });
  const admin = await provider.getSigner(devAccount(0).address);
  const registry = await new Registry__factory(admin).deploy(admin.address, { gasLimit: 6_000_000 });
  await registry.waitForDeployment();
  const consent = await new Consent__factory(admin).deploy(await registry.getAddress(), { gasLimit: 6_000_000 });
  await consent.waitForDeployment();
  return {
    rpc: rpc as unknown as Eip1193Provider,
    provider,
    registry,
    consent,
    async stop() {
      provider.destroy();
      await rpc.disconnect();
    },
  };
}
