/**
 * Who is signed in. The server holds the session (httpOnly cookie); this mirrors GET /api/me so the UI
 * can adapt. Switching accounts in the wallet ends the session: the next actions would be signed by
 * someone else than the person the server knows.
 */
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { SessionExpiry } from './session-expiry';
import type { Account, NonceResponse, SignInRequest } from '@api';

@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly wallet = inject(WalletConnection);
  private readonly appConfig = inject(AppConfigStore);
  private readonly location = inject(DOCUMENT).location;
  private readonly accountSignal = signal<Account | null>(null);
  private restoring?: Promise<Account | null>;

  readonly account = this.accountSignal.asReadonly();
  readonly signedIn = computed(() => this.accountSignal() !== null);
  readonly isAdmin = computed(() => this.accountSignal()?.roles.includes('admin') ?? false);
  private readonly endedByServerSignal = signal(false);
  /** The server ended the signed-in session (idle or lifetime); cleared by the next sign-in. */
  readonly endedByServer = this.endedByServerSignal.asReadonly();

  constructor() {
    inject(SessionExpiry).ended.subscribe(() => {
      if (!this.accountSignal()) return;
      this.accountSignal.set(null);
      this.restoring = undefined;
      this.endedByServerSignal.set(true);
    });
    this.wallet.accountChanges.subscribe((address) => {
      const current = this.accountSignal();
      if (current && address?.toLowerCase() !== current.address.toLowerCase()) void this.signOut();
    });
  }

  /** The existing server session, asked once per page load. */
  restore(): Promise<Account | null> {
    this.restoring ??= this.refresh();
    return this.restoring;
  }

  /** Re-reads roles and doctor status (both come from the chain) after a transaction. */
  async refresh(): Promise<Account | null> {
    try {
      const account = await firstValueFrom(this.http.get<Account>('/api/me'));
      this.accountSignal.set(account);
      return account;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.accountSignal.set(null);
        return null;
      }
      throw error;
    }
  }

  async signIn(): Promise<Account> {
    const address = this.wallet.account();
    if (!address) throw new Error('Connect your wallet first.');
    const { chainId } = await this.appConfig.load();
    const { nonce } = await firstValueFrom(this.http.get<NonceResponse>('/api/auth/nonce'));
    // siwe (and the ethers it requires) load only when someone signs in, not with the landing page.
    const { buildSignInMessage } = await import('./sign-in-message');
    const message = buildSignInMessage({
      domain: this.location.host,
      uri: this.location.origin,
      address,
      chainId,
      nonce,
      now: new Date(),
    });
    const signature = await this.wallet.signMessage(message);
    const account = await firstValueFrom(
      this.http.post<Account>('/api/auth/verify', { message, signature } satisfies SignInRequest),
    );
    this.accountSignal.set(account);
    this.endedByServerSignal.set(false);
    this.restoring = Promise.resolve(account);
    return account;
  }

  async signOut(): Promise<void> {
    this.accountSignal.set(null);
    this.restoring = Promise.resolve(null);
    // The local session is gone either way; a failed logout call only leaves a cookie that expires.
    await firstValueFrom(this.http.post('/api/auth/logout', {})).catch(() => undefined);
  }
}
