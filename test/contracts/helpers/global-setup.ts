/**
 * One Ganache per Jest worker: test files in a worker run one after another, so each file may travel
 * in time and revert snapshots without disturbing a file running in another worker.
 * Workers pick their chain by JEST_WORKER_ID (see chain.ts).
 */
import type { Config } from 'jest';
// A relative path: Jest loads global setup outside its module system, without the @test-support alias.
import { startGanache, type GanacheServer } from '../../support/ganache';

export default async function globalSetup(globalConfig: Config): Promise<void> {
  const workers = Math.max(1, Number(globalConfig.maxWorkers ?? 1));
  const chains: GanacheServer[] = await Promise.all(Array.from({ length: workers }, () => startGanache()));
  (globalThis as { __CONTRACTS_CHAINS__?: GanacheServer[] }).__CONTRACTS_CHAINS__ = chains;
  process.env.CONTRACTS_RPC_URLS = chains.map((c) => c.url).join(',');
  process.env.CONTRACTS_RPC_URL = chains[0].url;
}
