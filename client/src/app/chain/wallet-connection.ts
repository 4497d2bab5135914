/**
 * The connected browser wallet: which account and chain it is on, kept current from the wallet's
 * own events. Every wallet request of the app goes through here.
 *
 * ethers is imported dynamically, when the person first connects: the landing page renders without it,
 * so it stays out of the initial bundle (README, "Fast delivery").
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import { Subject } from 'rxjs';
import { AppConfigStore } from './app-config';
import { WalletErrorCode, messageOf, walletErrorCode, type WalletProvider } from './eip1193';
import { switchToAppNetwork } from './network-switch';
import { WalletDiscovery } from './wallet-discovery';

export type WalletState = 'disconnected' | 'connecting' | 'missing' | 'connected';

@Injectable({ providedIn: 'root' })
export class WalletConnection {
  private readonly discovery = inject(WalletDiscovery);
  private readonly appConfig = inject(AppConfigStore);
  private provider?: WalletProvider;
  private readonly stateSignal = signal<WalletState>('disconnected');
  private readonly accountSignal = signal<string | null>(null);
  private readonly chainIdSignal = signal<number | null>(null);
  private readonly errorSignal = signal<string | null>(null);
  private readonly accountChangesSubject = new Subject<string | null>();

  readonly state = this.stateSignal.asReadonly();
  /** Checksummed address of the selected account. */
  readonly account = this.accountSignal.asReadonly();
  readonly chainId = this.chainIdSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  /** True when connected but on another chain than the app's. */
  readonly wrongNetwork = computed(() => {
    const expected = this.appConfig.config()?.chainId;
    return this.stateSignal() === 'connected' && expected !== undefined && this.chainIdSignal() !== expected;
  });
  /** Emits when the wallet switches (or drops) the account after connecting. */
  readonly accountChanges = this.accountChangesSubject.asObservable();

  /** Asks the wallet for access (MetaMask shows its connect prompt once per site). */
  async connect(): Promise<boolean> {
    this.errorSignal.set(null);
    this.stateSignal.set('connecting');
    const provider = await this.findProvider();
    if (!provider) {
      this.stateSignal.set('missing');
      return false;
    }
    try {
      const accounts = (await provider.request({ method: 'eth_requestAccounts' })) as string[];
      return await this.adopt(provider, accounts);
    } catch (error) {
      this.stateSignal.set('disconnected');
      this.errorSignal.set(
        walletErrorCode(error) === WalletErrorCode.userRejected
          ? 'You declined the connection in your wallet.'
          : `The wallet could not connect: ${messageOf(error)}`,
      );
      return false;
    }
  }

  /** Reconnects without a prompt when the site is already authorised (e.g. after a page reload). */
  async restore(): Promise<boolean> {
    if (this.stateSignal() === 'connected') return true;
    const provider = await this.findProvider();
    if (!provider) return false;
    const accounts = (await provider.request({ method: 'eth_accounts' }).catch(() => [])) as string[];
    return this.adopt(provider, accounts);
  }

  async switchNetwork(): Promise<boolean> {
    this.errorSignal.set(null);
    const provider = this.requireProvider();
    try {
      await switchToAppNetwork(provider, await this.appConfig.load());
      await this.readChainId(provider);
      return !this.wrongNetwork();
    } catch (error) {
      this.errorSignal.set(
        walletErrorCode(error) === WalletErrorCode.userRejected
          ? 'You declined the network switch in your wallet.'
          : `The wallet could not switch network: ${messageOf(error)}`,
      );
      return false;
    }
  }

  /** EIP-191 signature of a UTF-8 message by the connected account. */
  async signMessage(message: string): Promise<string> {
    const account = this.accountSignal();
    if (!account) throw new Error('Connect your wallet first.');
    const { hexlify, toUtf8Bytes } = await import('ethers');
    return (await this.requireProvider().request({
      method: 'personal_sign',
      params: [hexlify(toUtf8Bytes(message)), account],
    })) as string;
  }

  /** The connected provider, for contract calls. */
  requireProvider(): WalletProvider {
    if (!this.provider || this.stateSignal() !== 'connected') throw new Error('Connect your wallet first.');
    return this.provider;
  }

  private async findProvider(): Promise<WalletProvider | undefined> {
    this.provider ??= await this.discovery.discover();
    return this.provider;
  }

  private async adopt(provider: WalletProvider, accounts: string[]): Promise<boolean> {
    if (!accounts.length) {
      this.stateSignal.set('disconnected');
      return false;
    }
    this.accountSignal.set(await checksumAddress(accounts[0]));
    await this.readChainId(provider);
    if (this.stateSignal() !== 'connected') this.listen(provider);
    this.stateSignal.set('connected');
    return true;
  }

  private async readChainId(provider: WalletProvider): Promise<void> {
    this.chainIdSignal.set(Number(await provider.request({ method: 'eth_chainId' })));
  }

  private listen(provider: WalletProvider): void {
    provider.removeListener?.('accountsChanged', this.onAccountsChanged);
    provider.removeListener?.('chainChanged', this.onChainChanged);
    provider.on?.('accountsChanged', this.onAccountsChanged);
    provider.on?.('chainChanged', this.onChainChanged);
  }

  private readonly onAccountsChanged = (accounts: unknown): void => {
    void this.followAccount(accounts);
  };

  private async followAccount(accounts: unknown): Promise<void> {
    const next = Array.isArray(accounts) && accounts.length ? await checksumAddress(String(accounts[0])) : null;
    this.accountSignal.set(next);
    if (!next) this.stateSignal.set('disconnected');
    this.accountChangesSubject.next(next);
  }

  private readonly onChainChanged = (chainId: unknown) => {
    this.chainIdSignal.set(Number(chainId));
  };
}

/** EIP-55 mixed-case form, as wallets, SIWE and the API print addresses. */
async function checksumAddress(address: string): Promise<string> {
  const { getAddress } = await import('ethers');
  return getAddress(address);
}
