/**
 * My data → Emergency sharing: the patient's on/off switch (on chain) and what it means. Turning it on wraps
 * each document key for the clinic's emergency key in this browser; a doctor who breaks the glass still gets
 * documents only after an on-duty admin releases them. The emergency profile and records list open in an
 * emergency either way.
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { EmergencySharing, type EmergencySharingState } from './emergency-sharing';

@Component({
  selector: 'ehr-emergency-sharing-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      In an emergency, a verified doctor can open your record without your consent (“break the glass”). They always see
      your emergency profile (allergies, conditions, current medications, emergency contact) and the list of your
      records. Your documents stay encrypted for you and the doctors you chose, unless you turn on emergency sharing.
    </p>
    <p>
      With emergency sharing on, this browser wraps the key of each of your documents for the clinic's emergency key
      (the one the chain names). Even then, a doctor who breaks the glass gets a document only after an on-duty admin
      has released it to them, for their emergency window only. You see every emergency access at the top of your
      Activity, with the doctor's justification.
    </p>
    @if (state(); as current) {
      <p class="sharing-state" role="status">
        Emergency sharing is <strong>{{ current.enabled ? 'on' : 'off' }}</strong>.
        @if (current.enabled) {
          @if (current.clinicKey) {
            {{ current.wrapped }} of {{ current.documents }} documents are wrapped for the clinic's emergency key.
          } @else {
            The clinic has not set up its emergency key yet: your documents will be wrapped for it when you come back
            here after it has.
          }
        }
      </p>
      <div class="actions">
        @if (current.enabled) {
          @if (current.clinicKey && current.wrapped < current.documents) {
            <button type="button" class="btn btn--primary" [disabled]="working() || busy()" (click)="wrapMissing()">
              Wrap {{ current.documents - current.wrapped }} documents for the clinic
            </button>
          }
          <button type="button" class="btn btn--ghost" [disabled]="working() || busy()" (click)="turnOff()">
            Turn emergency sharing off
          </button>
        } @else {
          <button type="button" class="btn btn--primary" [disabled]="working() || busy()" (click)="turnOn()">
            Turn emergency sharing on
          </button>
        }
      </div>
    } @else if (!error()) {
      <p>Loading…</p>
    }
    @if (message(); as text) {
      <p class="notice" role="status">{{ text }}</p>
    }
    @if (error(); as text) {
      <p class="notice notice--error" role="alert">{{ text }}</p>
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class EmergencySharingPanel implements OnInit {
  private readonly sharing = inject(EmergencySharing);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly state = signal<EmergencySharingState | null>(null);
  protected readonly working = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected turnOn(): Promise<void> {
    return this.act(async () => {
      const wrapped = await this.sharing.turnOn();
      if (wrapped === null) return null;
      return `Emergency sharing is on. ${wrapped} documents were wrapped for the clinic's emergency key.`;
    });
  }

  protected turnOff(): Promise<void> {
    return this.act(async () =>
      (await this.sharing.turnOff())
        ? 'Emergency sharing is off: no admin can release your documents to a doctor from now on.'
        : null,
    );
  }

  protected wrapMissing(): Promise<void> {
    return this.act(
      async () => `${await this.sharing.wrapMissing()} documents were wrapped for the clinic's emergency key.`,
    );
  }

  /** Runs one action; its sentence (null: the status region already said why not), then the state again. */
  private async act(action: () => Promise<string | null>): Promise<void> {
    this.working.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      this.message.set(await action());
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.working.set(false);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.state.set(await this.sharing.state());
    } catch (error) {
      this.error.set(`Emergency sharing could not be read: ${errorText(error)}`);
    }
  }
}
