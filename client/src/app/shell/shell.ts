import { ChangeDetectionStrategy, Component, type OnInit, computed, effect, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { AppConfigStore } from '../chain/app-config';
import { TransactionStatus } from '../chain/transaction-status';
import { WalletConnection } from '../chain/wallet-connection';
import { FEATURES } from '../features';

/** Signed-in layout: sidebar navigation, who is signed in, network warning and transaction feedback. */
@Component({
  selector: 'ehr-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TransactionStatus],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
})
export class Shell implements OnInit {
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly appConfig = inject(AppConfigStore);
  protected readonly wallet = inject(WalletConnection);

  protected readonly address = computed(() => this.session.account()?.address ?? '');
  protected readonly shortAddress = computed(() => shortAddress(this.address()));
  protected readonly roles = computed(() => this.session.account()?.roles ?? []);
  /** One link per feature (features.ts) the account's roles may see. */
  protected readonly links = computed(() =>
    FEATURES.filter(({ nav }) => !nav.roles || nav.roles.some((role) => this.roles().includes(role))).map(
      ({ path, nav }) => ({ path: `/${path}`, label: nav.label }),
    ),
  );

  constructor() {
    // Signing out (here or by switching accounts in the wallet) leaves the signed-in area.
    effect(() => {
      if (!this.session.signedIn()) void this.router.navigateByUrl('/');
    });
  }

  ngOnInit(): void {
    void this.reattachWallet();
  }

  private async reattachWallet(): Promise<void> {
    await this.appConfig.load().catch(() => undefined);
    // After a reload the server session survives; reattach the wallet without prompting.
    await this.wallet.restore().catch(() => false);
  }

  protected signOut(): Promise<void> {
    return this.session.signOut();
  }
}
