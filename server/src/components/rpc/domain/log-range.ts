/**
 * eth_getLogs over an unbounded block range makes the node scan its whole history: one request
 * could keep it busy for everyone. /rpc answers only ranges up to MAX_LOG_BLOCK_RANGE blocks.
 */
export const MAX_LOG_BLOCK_RANGE = 10_000n;

const HEAD_TAGS = new Set(['latest', 'pending', 'safe', 'finalized']);

/** What is wrong with an eth_getLogs call's range, or undefined when it may go through. `head` is asked only when a tag needs it. */
export async function logRangeProblem(params: unknown, head: () => Promise<bigint>): Promise<string | undefined> {
  const filter: unknown = Array.isArray(params) ? params[0] : undefined;
  if (
    params !== undefined &&
    (!Array.isArray(params) || params.length > 1 || typeof filter !== 'object' || filter === null)
  ) {
    return 'eth_getLogs takes one filter object';
  }
  const { fromBlock, toBlock, blockHash } = (filter ?? {}) as {
    fromBlock?: unknown;
    toBlock?: unknown;
    blockHash?: unknown;
  };
  if (blockHash !== undefined) return undefined; // one block

  let headBlock: bigint | undefined;
  const blockNumber = async (block: unknown): Promise<bigint | string> => {
    if (block === undefined || (typeof block === 'string' && HEAD_TAGS.has(block))) return (headBlock ??= await head());
    if (block === 'earliest') return 0n;
    if (typeof block === 'string' && /^0x[0-9a-fA-F]{1,16}$/.test(block)) return BigInt(block);
    return `unknown block ${JSON.stringify(block)}: use a hex block number or latest/earliest`;
  };
  const from = await blockNumber(fromBlock);
  if (typeof from === 'string') return from;
  const to = await blockNumber(toBlock);
  if (typeof to === 'string') return to;
  if (to - from + 1n > MAX_LOG_BLOCK_RANGE) {
    return `eth_getLogs covers at most ${MAX_LOG_BLOCK_RANGE} blocks through /rpc (asked for ${to - from + 1n}): narrow fromBlock/toBlock`;
  }
  return undefined;
}
