/**
 * The patient's recovery key: without one, a plain warning that losing the wallet loses the documents, and a
 * way to create a printed recovery code (shown once, kept nowhere) to which every document key is wrapped.
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { errorText } from '../shared/error-text';
import { DocumentRecoveryKey } from './document-recovery-key';

type RecoveryState = 'checking' | 'missing' | 'registered' | 'unknown';

@Component({
  selector: 'ehr-recovery-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery code</h2>
      @switch (state()) {
        @case ('missing') {
          <p class="notice notice--warning" role="alert">
            If you lose this wallet, your documents are lost: they are encrypted to a key only this wallet can make. A
            recovery code lets you restore them.
          </p>
          <button type="button" class="btn btn--primary" [disabled]="working()" (click)="create()">
            {{ working() ? 'Creating…' : 'Create a recovery code' }}
          </button>
        }
        @case ('registered') {
          @if (missing() > 0) {
            <p class="notice notice--warning" data-testid="recovery-missing">
              {{ missing() }} {{ missing() === 1 ? 'document is' : 'documents are' }} not yet wrapped for your recovery
              code (notes your doctors wrote since, for example): the code could not restore
              {{ missing() === 1 ? 'it' : 'them' }}.
            </p>
            <button type="button" class="btn btn--primary" [disabled]="working()" (click)="wrapMissing()">
              {{ working() ? 'Wrapping…' : 'Wrap them for my recovery code' }}
            </button>
          } @else {
            <p class="muted">A recovery code is registered: every document key is also wrapped to it.</p>
          }
        }
        @case ('checking') {
          <p class="muted">Checking…</p>
        }
      }
      @if (code(); as printable) {
        <div class="code-box" role="status">
          <p>
            <strong
              >Your recovery code. Print it or write it down now: it is shown only once and stored nowhere.</strong
            >
          </p>
          <p class="mono code">{{ printable }}</p>
          <button type="button" class="btn btn--ghost" (click)="print()">Print</button>
          <button type="button" class="btn btn--ghost" (click)="code.set(null)">I have kept it</button>
        </div>
      }
      @if (error(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .code {
      font-size: 1.1rem;
      word-spacing: 0.3rem;
      overflow-wrap: anywhere;
    }
    .code-box {
      margin-top: 1rem;
    }
  `,
})
export class RecoveryPanel implements OnInit {
  private readonly recovery = inject(DocumentRecoveryKey);

  /** The signed-in patient. */
  readonly patient = input.required<string>();

  protected readonly state = signal<RecoveryState>('checking');
  protected readonly code = signal<string | null>(null);
  protected readonly working = signal(false);
  /** Documents without a recovery wrap (while a code is registered). */
  protected readonly missing = signal(0);
  protected readonly error = signal<string | null>(null);

  // Not in the constructor: the patient input is set only by then.
  ngOnInit(): void {
    void this.check();
  }

  protected async create(): Promise<void> {
    this.working.set(true);
    this.error.set(null);
    try {
      const { code } = await this.recovery.create(this.patient());
      this.code.set(code);
      this.state.set('registered');
    } catch (error) {
      this.error.set(`The recovery code was not created: ${errorText(error)}`);
    } finally {
      this.working.set(false);
    }
  }

  protected async wrapMissing(): Promise<void> {
    this.working.set(true);
    this.error.set(null);
    try {
      await this.recovery.wrapMissing(this.patient());
      this.missing.set(await this.recovery.missingWraps(this.patient()));
    } catch (error) {
      this.error.set(`The documents were not wrapped: ${errorText(error)}`);
    } finally {
      this.working.set(false);
    }
  }

  protected print(): void {
    window.print();
  }

  private async check(): Promise<void> {
    try {
      const registered = (await this.recovery.publicKey(this.patient())) !== null;
      if (registered) this.missing.set(await this.recovery.missingWraps(this.patient()));
      this.state.set(registered ? 'registered' : 'missing');
    } catch (error) {
      this.state.set('unknown');
      this.error.set(`Whether a recovery code is registered could not be read: ${errorText(error)}`);
    }
  }
}
