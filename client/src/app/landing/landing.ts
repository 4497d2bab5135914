import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';

/** "15 minutes", "8 hours", "1 hour 30 minutes". */
function duration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  const part = (n: number, unit: string) => (n ? [`${n} ${unit}${n === 1 ? '' : 's'}`] : []);
  return [...part(hours, 'hour'), ...part(minutes, 'minute')].join(' ') || `${seconds} seconds`;
}

/** Front door: connect the wallet, get onto the clinic's network, sign in with Ethereum. */
@Component({
  selector: 'ehr-landing',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './landing.html',
  styleUrl: './landing.css',
})
export class Landing implements OnInit {
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly appConfig = inject(AppConfigStore);
  protected readonly wallet = inject(WalletConnection);

  protected readonly signingIn = signal(false);
  protected readonly signInError = signal<string | null>(null);
  protected readonly networkName = computed(() => this.appConfig.config()?.chainName ?? 'EHR Hospital');
  /** Clinic computers are shared: say when a forgotten session ends by itself. */
  /** The server ended the last session (idle or lifetime): say so, rather than silently showing sign-in. */
  protected readonly sessionEnded = this.session.endedByServer;
  protected readonly sessionNotice = computed(() => {
    const session = this.appConfig.config()?.session;
    if (!session) return 'On a shared computer, sign out when you leave: an unused session ends by itself.';
    return (
      `On a shared computer, sign out when you leave. You are signed out after ${duration(session.idleSeconds)} ` +
      `without activity, and ${duration(session.maxSeconds)} after signing in in any case.`
    );
  });
  protected readonly account = computed(() => {
    const address = this.wallet.account();
    return address ? shortAddress(address) : '';
  });

  ngOnInit(): void {
    this.appConfig.load().catch((error: unknown) => this.signInError.set(errorText(error)));
    void this.resumeSession();
  }

  /** A session that survived a reload goes straight to the dashboard. */
  private async resumeSession(): Promise<void> {
    if (await this.session.restore().catch(() => null)) await this.router.navigateByUrl('/dashboard');
  }

  protected async connect(): Promise<void> {
    await this.appConfig.load().catch(() => undefined);
    await this.wallet.connect();
  }

  protected switchNetwork(): Promise<boolean> {
    return this.wallet.switchNetwork();
  }

  protected async signIn(): Promise<void> {
    this.signingIn.set(true);
    this.signInError.set(null);
    try {
      await this.session.signIn();
      await this.router.navigateByUrl('/dashboard');
    } catch (error) {
      this.signInError.set(`Sign-in failed: ${errorText(error)}`);
    } finally {
      this.signingIn.set(false);
    }
  }
}
