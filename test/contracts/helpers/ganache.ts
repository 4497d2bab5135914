/**
 * The chain the contract tests and the gas bench run on: an in-process Ganache with the dev mnemonic,
 * the same chain id and hardfork as the dev stack, listening on a free port.
 */
import ganache from 'ganache';
import type { AddressInfo } from 'node:net';

export const TEST_MNEMONIC = 'test test test test test test test test test test test junk';
export const TEST_ACCOUNTS = 20;

export interface TestChain {
  url: string;
  close(): Promise<void>;
}

export async function startGanache(): Promise<TestChain> {
  const server = ganache.server({
    chain: { chainId: 1337, networkId: 1337, hardfork: 'shanghai' },
    wallet: { mnemonic: TEST_MNEMONIC, totalAccounts: TEST_ACCOUNTS, defaultBalance: 10_000 },
    logging: { quiet: true },
  });
  await server.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
