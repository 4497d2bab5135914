import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { RecordEntry } from '@api';
import { WalletConnection } from '../chain/wallet-connection';
import { sameAddress } from '../documents/document-upload';
import { errorText } from '../shared/error-text';
import { ClinicalNoteForm } from './clinical-note-form';
import { ClinicalNoteView } from './clinical-note-view';
import { ClinicalNotes } from './clinical-notes';
import type { ClinicalNote } from './note-format';

/**
 * A consultation-note or prescription entry of a patient's record, for the record page: opened on request
 * (hash checked against the chain, decrypted, rendered from its fields), marked when a later version amends
 * it, and amendable by its author while it is the latest version.
 */
@Component({
  selector: 'ehr-record-note',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ClinicalNoteView, ClinicalNoteForm],
  template: `
    @let shown = entry();
    @if (shown.amendedBy !== null) {
      <p class="notice notice--warning" data-testid="note-amended">Amended: see entry #{{ shown.amendedBy }}.</p>
    }
    @if (note(); as opened) {
      <ehr-clinical-note-view [note]="opened" />
      @if (mayAmend() && !amending()) {
        <button type="button" class="btn btn--ghost" (click)="amending.set(true)">Amend</button>
      }
      @if (amending()) {
        <ehr-clinical-note-form
          [patient]="shown.patient"
          [amends]="{ recordId: shown.id, note: opened }"
          (saved)="amended.emit($event)"
        />
      }
    } @else {
      <button type="button" class="btn btn--ghost" [disabled]="opening()" (click)="open()">
        {{ opening() ? 'Opening…' : 'Open note' }}
      </button>
    }
    @if (error(); as message) {
      <p class="notice notice--error" role="alert">The note cannot be opened: {{ message }}</p>
    }
  `,
})
export class RecordNote {
  private readonly notes = inject(ClinicalNotes);
  private readonly wallet = inject(WalletConnection);

  readonly entry = input.required<RecordEntry>();
  /** The new version's entry id, once an amendment is anchored. */
  readonly amended = output<number>();

  protected readonly note = signal<ClinicalNote | null>(null);
  protected readonly opening = signal(false);
  protected readonly amending = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Only its author amends a note, and only its latest version (the chain enforces it too). */
  protected readonly mayAmend = computed(() => {
    const account = this.wallet.account();
    return !!account && sameAddress(account, this.entry().author) && this.entry().amendedBy === null;
  });

  protected async open(): Promise<void> {
    this.opening.set(true);
    this.error.set(null);
    try {
      this.note.set(await this.notes.open(this.entry()));
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.opening.set(false);
    }
  }
}
