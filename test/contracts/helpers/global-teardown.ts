import type { GanacheServer } from '../../support/ganache';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __CONTRACTS_CHAINS__?: GanacheServer[] };
  await Promise.all((holder.__CONTRACTS_CHAINS__ ?? []).map((chain) => chain.close()));
  delete holder.__CONTRACTS_CHAINS__;
}
