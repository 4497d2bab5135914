/**
 * The one way tests start Ganache: with the dev stack's options (scripts/dev/chain-options.ts: chain id,
 * hardfork, mnemonic), either as a JSON-RPC server on a free port (contract tests, gas bench) or
 * in-process as an EIP-1193 provider (client specs, which run without a network). The server tests and
 * e2e run the dev stack itself (scripts/dev/chain.ts), which starts from the same options.
 */
import ganache, { type EthereumProvider } from 'ganache';
import { devChainOptions } from '../../scripts/dev/chain-options';

/** Enough funded accounts for a world with every role plus spares (test/contracts/helpers/world.ts). */
export const TEST_ACCOUNTS = 20;
const TEST_BALANCE_ETH = 10_000;

export interface GanacheServer {
  url: string;
  close(): Promise<void>;
}

export async function startGanache(): Promise<GanacheServer> {
  const server = ganache.server(devChainOptions({ totalAccounts: TEST_ACCOUNTS, defaultBalance: TEST_BALANCE_ETH }));
  await server.listen(0, '127.0.0.1');
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** An in-process chain; disconnect() it when done. */
export function ganacheProvider(): EthereumProvider {
  return ganache.provider(devChainOptions({ totalAccounts: TEST_ACCOUNTS, defaultBalance: TEST_BALANCE_ETH }));
}
