/**
 * Moves the wallet to the app's chain (EIP-3326), adding the chain first (EIP-3085) when the wallet
 * does not know it yet, which is the case for every fresh MetaMask and a local dev chain.
 */
import type { ClientConfig } from '@api';
import { WalletErrorCode, walletErrorCode, type WalletProvider } from './eip1193';

export async function switchToAppNetwork(provider: WalletProvider, config: ClientConfig): Promise<void> {
  // Loaded on demand like the rest of ethers (see wallet-connection.ts); by now the connect step has fetched it.
  const { toQuantity } = await import('ethers');
  const chainId = toQuantity(config.chainId);
  try {
    await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId }] });
  } catch (error) {
    if (walletErrorCode(error) !== WalletErrorCode.unknownChain) throw error;
    await provider.request({
      method: 'wallet_addEthereumChain',
      params: [
        {
          chainId,
          chainName: config.chainName,
          rpcUrls: [config.rpcUrl],
          nativeCurrency: config.currency,
        },
      ],
    });
  }
}
