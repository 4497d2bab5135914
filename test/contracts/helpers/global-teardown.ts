import type { TestChain } from './ganache';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __CONTRACTS_CHAINS__?: TestChain[] };
  await Promise.all((holder.__CONTRACTS_CHAINS__ ?? []).map((chain) => chain.close()));
  delete holder.__CONTRACTS_CHAINS__;
}
