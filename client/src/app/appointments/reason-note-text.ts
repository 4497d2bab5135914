import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { errorText } from '../shared/error-text';
import { ReasonNotes, ReasonUnavailableError } from './reason-notes';

type ReasonState =
  | { kind: 'none' }
  | { kind: 'locked' }
  | { kind: 'opening' }
  | { kind: 'open'; text: string }
  | { kind: 'error'; message: string };

/**
 * A booking reason, decrypted in the browser from its encrypted note (ReasonNotes). The first one asks the
 * wallet to unlock the document key pair; once unlocked in this session, the others open by themselves.
 */
@Component({
  selector: 'ehr-reason-note',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let shown = state();
    @switch (shown.kind) {
      @case ('none') {
        <span class="muted">No reason given.</span>
      }
      @case ('locked') {
        <button type="button" class="btn btn--ghost btn--small" (click)="open()">Show the reason</button>
        <span class="muted"> Encrypted: your wallet unlocks it.</span>
      }
      @case ('opening') {
        <span class="muted" role="status">Decrypting the reason…</span>
      }
      @case ('open') {
        <span class="reason" data-testid="reason-text">{{ shown.text }}</span>
      }
      @case ('error') {
        <span class="reason-error" role="alert">The reason cannot be opened: {{ shown.message }}</span>
      }
    }
  `,
  styles: `
    .reason {
      white-space: pre-line;
    }
    .reason-error {
      color: var(--danger, #b42318);
    }
  `,
})
export class ReasonNoteText {
  private readonly notes = inject(ReasonNotes);
  /** The reason note's CID (AppointmentView.reasonCid); none when the patient gave no reason. */
  readonly cid = input<string | undefined>();
  protected readonly state = signal<ReasonState>({ kind: 'none' });
  /** The CID `state` is about. */
  private shown: string | undefined;

  constructor() {
    // Opening needs the wallet the first time: only on a click until the key pair is unlocked.
    effect(() => {
      const cid = this.cid();
      const unlocked = this.notes.unlocked();
      untracked(() => {
        if (cid !== this.shown) {
          this.shown = cid;
          this.state.set(cid ? { kind: 'locked' } : { kind: 'none' });
        }
        if (unlocked && this.state().kind === 'locked') void this.open();
      });
    });
  }

  protected async open(): Promise<void> {
    const cid = this.cid();
    if (!cid) return;
    this.state.set({ kind: 'opening' });
    try {
      const text = await this.notes.open(cid);
      if (this.cid() === cid) this.state.set({ kind: 'open', text });
    } catch (error) {
      const message = error instanceof ReasonUnavailableError ? error.message : errorText(error);
      if (this.cid() === cid) this.state.set({ kind: 'error', message });
    }
  }
}
