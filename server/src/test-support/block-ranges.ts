/**
 * A block range small enough that a replay crosses many ranges, yet about 40 of them whatever the shared
 * test chain's length: other test files add thousands of blocks before a replay test may run, and a fixed
 * range of 2 blocks then meant thousands of eth_getLogs rounds per event source.
 */
import type { Provider } from 'ethers';

export const REPLAY_RANGES = 40;

export async function tinyBlockRange(provider: Provider): Promise<number> {
  return Math.max(2, Math.ceil((await provider.getBlockNumber()) / REPLAY_RANGES));
}
