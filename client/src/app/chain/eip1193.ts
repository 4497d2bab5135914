/**
 * The slice of EIP-1193 (and EIP-6963 discovery) the app relies on. Wallets differ in which extras
 * they offer, so everything beyond `request` is optional.
 */
import type { Eip1193Provider } from 'ethers';

export type WalletListener = (...args: unknown[]) => void;

export interface WalletProvider extends Eip1193Provider {
  isMetaMask?: boolean;
  on?(event: string, listener: WalletListener): unknown;
  removeListener?(event: string, listener: WalletListener): unknown;
}

/** EIP-6963 `eip6963:announceProvider` event detail. */
export interface AnnouncedWallet {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: WalletProvider;
}

/** Well-known EIP-1193 / EIP-3085 error codes. */
export const WalletErrorCode = {
  userRejected: 4001,
  unknownChain: 4902,
} as const;

/**
 * The numeric code of a wallet error. MetaMask mobile nests the original error (e.g. 4902) under
 * `data.originalError`, and ethers keeps the wallet's error under `error`.
 */
export function walletErrorCode(error: unknown): number | undefined {
  const candidates = [
    error,
    nested(error, 'data', 'originalError'),
    nested(error, 'error'),
    nested(error, 'info', 'error'),
  ];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

function nested(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The most readable text of an error from a wallet, ethers or the network. */
export function messageOf(error: unknown): string {
  const { shortMessage, message } = (error ?? {}) as { shortMessage?: string; message?: string };
  return shortMessage ?? message ?? String(error);
}
