import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { DocumentKeysApi } from './document-keys-api';
import { DocumentKeyring } from './document-keys.service';

type SetupState = 'checking' | 'missing' | 'ready' | 'working';

/**
 * Document encryption for the signed-in account: whether its public key is published, and the one click that
 * derives and publishes it (two wallet signatures, no transaction). Nobody can share a document, a booking
 * reason or a record with an account before it has done this, so doctors see it on My practice.
 */
@Component({
  selector: 'ehr-encryption-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card encryption" aria-labelledby="encryption-setup-title" data-testid="encryption-setup">
      <h2 id="encryption-setup-title">Document encryption</h2>
      @switch (state()) {
        @case ('checking') {
          <p class="muted">Checking your document encryption key…</p>
        }
        @case ('ready') {
          <p>Set up: patients can share encrypted documents and booking reasons with you.</p>
        }
        @default {
          <p>
            Not set up yet: patients cannot share documents or booking reasons with you until you do. Your wallet signs
            twice (no transaction, no fee); the key is derived from the signature and never stored.
          </p>
          <button type="button" class="btn" (click)="setUp()" [disabled]="state() === 'working'">
            {{ state() === 'working' ? 'Waiting for your wallet…' : 'Set up document encryption' }}
          </button>
        }
      }
      @if (error(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .encryption {
      margin-bottom: 1.25rem;
    }
  `,
})
export class EncryptionSetup implements OnInit {
  private readonly api = inject(DocumentKeysApi);
  private readonly keyring = inject(DocumentKeyring);
  private readonly session = inject(Session);
  protected readonly state = signal<SetupState>('checking');
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.check();
  }

  private async check(): Promise<void> {
    const address = this.session.account()?.address;
    if (!address) return;
    try {
      this.state.set((await this.api.publishedKey(address)) ? 'ready' : 'missing');
    } catch (error) {
      this.state.set('missing');
      this.error.set(errorText(error));
    }
  }

  protected async setUp(): Promise<void> {
    this.state.set('working');
    this.error.set(null);
    try {
      await this.keyring.myKeyPair();
      this.state.set('ready');
    } catch (error) {
      this.state.set('missing');
      this.error.set(errorText(error));
    }
  }
}
