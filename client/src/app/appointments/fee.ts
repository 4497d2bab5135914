import { formatEther } from 'ethers';

/** "0.05 ETH", "1 ETH", "0 ETH" from wei (a bigint or the API's decimal string). */
export function etherText(wei: bigint | string): string {
  return `${formatEther(BigInt(wei)).replace(/\.0$/, '')} ETH`;
}

/** Said next to every fee: the dev chain's ether is not money. */
export const TEST_ETHER_NOTE = 'development chain: test ether, no real money';
