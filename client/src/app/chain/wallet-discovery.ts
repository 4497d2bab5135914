/**
 * Finds the browser wallet: EIP-6963 announcements first (several extensions can coexist; MetaMask is
 * preferred), then MetaMask's own detector, then whatever sits on `window.ethereum`.
 */
import { DOCUMENT, Injectable, inject } from '@angular/core';
import detectEthereumProvider from '@metamask/detect-provider';
import type { AnnouncedWallet, WalletProvider } from './eip1193';

/** Wallets answer `eip6963:requestProvider` synchronously; this only leaves room for slow ones. */
const ANNOUNCE_WINDOW_MS = 200;
/** How long the legacy detector waits for a late `window.ethereum`. */
const LEGACY_DETECT_TIMEOUT_MS = 1000;

@Injectable({ providedIn: 'root' })
export class WalletDiscovery {
  private readonly window = inject(DOCUMENT).defaultView as (Window & { ethereum?: WalletProvider }) | null;

  async discover(): Promise<WalletProvider | undefined> {
    if (!this.window) return undefined;
    const announced = await this.collectAnnouncements(this.window);
    const preferred = announced.find(isMetaMask) ?? announced[0];
    if (preferred) return preferred.provider;
    const detected = await detectEthereumProvider<WalletProvider>({ silent: true, timeout: LEGACY_DETECT_TIMEOUT_MS });
    return detected ?? this.window.ethereum ?? undefined;
  }

  private collectAnnouncements(target: Window): Promise<AnnouncedWallet[]> {
    const announced: AnnouncedWallet[] = [];
    const onAnnounce = (event: Event) => {
      const detail = (event as CustomEvent<AnnouncedWallet>).detail;
      if (detail?.provider && !announced.some((known) => known.info.uuid === detail.info.uuid)) announced.push(detail);
    };
    target.addEventListener('eip6963:announceProvider', onAnnounce);
    target.dispatchEvent(new Event('eip6963:requestProvider'));
    return new Promise((resolve) =>
      setTimeout(() => {
        target.removeEventListener('eip6963:announceProvider', onAnnounce);
        resolve(announced);
      }, ANNOUNCE_WINDOW_MS),
    );
  }
}

function isMetaMask(wallet: AnnouncedWallet): boolean {
  return wallet.info.rdns === 'io.metamask' || /metamask/i.test(wallet.info.name);
}
