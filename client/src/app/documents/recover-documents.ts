/**
 * /records/recover (anyone signed in): a new wallet recovers a lost wallet's documents with its printed
 * recovery code, then opens them. The records stay the lost account's on chain; only their keys move.
 */
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnDestroy, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { shortAddress } from '../auth/account';
import { errorText } from '../shared/error-text';
import { DocumentOpener } from './document-opener';
import { closeIn, openInto, type OpenState } from './opened-document';
import { DocumentRecovery, type RecoveryResult } from './document-recovery';
import { DocumentViewer } from './document-viewer';
import { RECORD_KIND_LABELS } from './record-kinds';
import type { ChainRecordEntry } from './records-contract';

@Component({
  selector: 'ehr-recover-documents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DocumentViewer, FormsModule, RouterLink],
  template: `
    <header class="page-header">
      <div>
        <h1>Recover documents</h1>
        <p class="subtitle">
          Lost the wallet your documents were encrypted for? With the recovery code you printed for it, this wallet gets
          a key to each of them. Your documents' keys are then wrapped for this wallet; the records stay under the old
          account on chain.
        </p>
      </div>
      <a class="btn btn--ghost" routerLink="/records">Back to records</a>
    </header>

    <form class="card recover-form" (ngSubmit)="recover()" aria-labelledby="recover-title">
      <h2 id="recover-title">Lost wallet and recovery code</h2>
      <label for="lost-address">The lost wallet's address</label>
      <input
        id="lost-address"
        name="lostAddress"
        class="mono"
        autocomplete="off"
        placeholder="0x…"
        [(ngModel)]="lostAddress"
        [disabled]="working()"
        required
      />
      <label for="recovery-code">Recovery code</label>
      <textarea
        id="recovery-code"
        name="recoveryCode"
        class="mono"
        rows="3"
        autocomplete="off"
        spellcheck="false"
        placeholder="3f2a-09bc-…"
        [(ngModel)]="code"
        [disabled]="working()"
        required
      ></textarea>
      <p class="muted">The code stays in this browser: only a signature made with it is sent.</p>
      <button type="submit" class="btn btn--primary" [disabled]="working()">
        {{ working() ? 'Recovering…' : 'Recover documents' }}
      </button>
    </form>

    @if (error(); as message) {
      <p class="notice notice--error" role="alert">{{ message }}</p>
    }

    @if (result(); as done) {
      <section class="card" aria-labelledby="recovered-title" role="status">
        <h2 id="recovered-title">Recovered documents</h2>
        @if (done.recovered.length) {
          <p>
            {{ done.recovered.length }} {{ done.recovered.length === 1 ? 'document' : 'documents' }} of
            {{ short(done.patient) }} recovered. Their keys are now wrapped for this wallet; the records stay under the
            old account on chain.
          </p>
        } @else if (!done.failed.length) {
          <p>Nothing to recover: {{ short(done.patient) }} has no document wrapped for its recovery code.</p>
        }
        @if (done.failed.length) {
          <p class="notice notice--warning">
            {{ done.failed.length }} {{ done.failed.length === 1 ? 'document' : 'documents' }} could not be opened with
            this code and {{ done.failed.length === 1 ? 'was' : 'were' }} not recovered.
          </p>
        }
        @if (entriesError(); as message) {
          <p class="notice notice--error" role="alert">{{ message }}</p>
        }
        @if (entries(); as rows) {
          <ul class="entries">
            @for (entry of rows; track entry.id) {
              <li class="entry">
                <span>
                  <strong>{{ kindLabels[entry.kind] }}</strong>
                  #{{ entry.id }} · {{ entry.createdAt * 1000 | date: 'medium' }}
                  @if (entry.amendedBy) {
                    <span class="muted">(amended by #{{ entry.amendedBy }})</span>
                  }
                </span>
                <button
                  type="button"
                  class="btn btn--ghost"
                  [disabled]="opened()?.opening"
                  [attr.aria-label]="'Open entry #' + entry.id"
                  (click)="open(entry)"
                >
                  {{ opened()?.id === entry.id && opened()?.opening ? 'Opening…' : 'Open' }}
                </button>
              </li>
              @if (opened()?.id === entry.id && opened()?.error) {
                <li class="notice notice--error" role="alert">
                  {{ opened()?.integrity ? 'Integrity error: ' : '' }}{{ opened()?.error }}
                </li>
              }
            }
          </ul>
        } @else if (done.recovered.length && !entriesError()) {
          <p class="muted">Reading the records from the chain…</p>
        }
      </section>
    }

    @if (opened()?.document; as document) {
      <ehr-document-viewer [document]="document" (closed)="closeViewer()" />
    }
  `,
  styles: `
    :host > * + * {
      display: block;
      margin-top: 1rem;
    }
    .recover-form {
      display: grid;
      gap: 0.5rem;
      max-width: 40rem;
    }
    .entries {
      list-style: none;
      padding: 0;
    }
    .entry {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.5rem 0;
    }
  `,
})
export class RecoverDocuments implements OnDestroy {
  private readonly recovery = inject(DocumentRecovery);
  private readonly opener = inject(DocumentOpener);

  protected lostAddress = '';
  protected code = '';
  protected readonly working = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<RecoveryResult | null>(null);
  protected readonly entries = signal<ChainRecordEntry[] | null>(null);
  protected readonly entriesError = signal<string | null>(null);
  protected readonly opened = signal<OpenState | null>(null);
  protected readonly kindLabels = RECORD_KIND_LABELS;
  protected readonly short = shortAddress;

  ngOnDestroy(): void {
    this.closeViewer();
  }

  protected async recover(): Promise<void> {
    this.working.set(true);
    this.error.set(null);
    this.closeViewer();
    this.result.set(null);
    this.entries.set(null);
    this.entriesError.set(null);
    try {
      const result = await this.recovery.recover(this.lostAddress, this.code);
      this.code = '';
      this.result.set(result);
      if (result.recovered.length) await this.loadEntries(result);
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.working.set(false);
    }
  }

  protected open(entry: ChainRecordEntry): Promise<void> {
    return openInto(this.opened, this.opener, entry);
  }

  protected closeViewer(): void {
    closeIn(this.opened, this.opener);
  }

  private async loadEntries(result: RecoveryResult): Promise<void> {
    try {
      this.entries.set(await this.recovery.recoveredEntries(result.patient, result.recovered));
    } catch (error) {
      this.entriesError.set(`The recovered records could not be read from the chain: ${errorText(error)}`);
    }
  }
}
