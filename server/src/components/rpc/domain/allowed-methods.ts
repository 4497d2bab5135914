/**
 * Which JSON-RPC methods the browser may reach through /rpc. The node behind it holds unlocked
 * accounts (Ganache's wallet, among them the first admin), so anything that signs on the node's
 * side, changes its state or reads its wallet stays out: the browser's own wallet signs and sends
 * with eth_sendRawTransaction. The list names each method; nothing is allowed by prefix.
 */

/** Reads a wallet or ethers needs to follow the chain, plus the one write: an already-signed transaction. */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set([
  'web3_clientVersion',
  'net_version',
  'net_listening',
  'eth_chainId',
  'eth_syncing',
  'eth_blockNumber',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getBalance',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_getTransactionCount',
  'eth_call',
  'eth_estimateGas',
  'eth_getBlockByNumber',
  'eth_getBlockByHash',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
  'eth_getLogs',
  'eth_sendRawTransaction',
]);

/** Families that would let a caller act as the node's accounts or rewrite the chain, and why each is refused. */
const REFUSED_FAMILIES: readonly { matches: (method: string) => boolean; reason: string }[] = [
  {
    matches: (m) => m === 'eth_sendTransaction' || m === 'eth_signTransaction' || m.startsWith('eth_sign'),
    reason: 'the node would sign with its own accounts; sign in your wallet and send with eth_sendRawTransaction',
  },
  {
    matches: (m) => m === 'eth_accounts' || m.startsWith('personal_'),
    reason: "the node's accounts are not for callers",
  },
  { matches: (m) => m.startsWith('evm_') || m.startsWith('miner_'), reason: "these change the node's chain or mining" },
  { matches: (m) => /^(debug|admin|txpool|db|ganache|rpc)_/.test(m), reason: 'node administration is not exposed' },
];

/** Why a method is refused, in words a developer reading the JSON-RPC error can act on; undefined when allowed. */
export function refusalOf(method: string): string | undefined {
  if (ALLOWED_METHODS.has(method)) return undefined;
  const family = REFUSED_FAMILIES.find((candidate) => candidate.matches(method));
  return `Method ${method} is not available through /rpc: ${family?.reason ?? 'only chain reads and eth_sendRawTransaction are'}`;
}
