/**
 * The top of a patient's Activity: every emergency access to their record, newest first, with the doctor, the
 * doctor's justification and the window, and "End access now" while one is open (a chain write from the
 * patient's wallet). Shows nothing to anyone but a patient, nor when there has never been one.
 */
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { EmergencyAccessView } from '@api';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';

@Component({
  selector: 'ehr-emergency-accesses',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    @if (accesses().length || error()) {
      <section class="card emergency-warning" aria-labelledby="emergency-accesses-title">
        <h2 id="emergency-accesses-title">Emergency accesses to your record</h2>
        <p class="muted">
          A verified doctor opened your record without your consent, saying it was an emergency. The clinic's admins
          review every use. You can end an access that is still open.
        </p>
        @if (error(); as message) {
          <p class="notice notice--error" role="alert">{{ message }}</p>
        }
        <ul class="plain-list">
          @for (access of accesses(); track access.id) {
            <li class="emergency-access" [attr.data-access-id]="access.id">
              <p>
                <strong>{{ access.doctorName ?? 'Dr ' + shortAddress(access.doctor) }}</strong>
                <span class="mono muted"> {{ shortAddress(access.doctor) }}</span>
                @if (access.live) {
                  <span class="badge">open</span>
                }
              </p>
              <blockquote class="justification">
                {{ access.justification ?? 'No justification matching the one committed on chain was stored.' }}
              </blockquote>
              <p class="muted">
                Opened <time [attr.datetime]="access.openedAt">{{ access.openedAt | date: 'medium' }}</time>
                @if (access.endedAt; as endedAt) {
                  · ended <time [attr.datetime]="endedAt">{{ endedAt | date: 'medium' }}</time>
                } @else if (access.live) {
                  · open until <time [attr.datetime]="access.expiresAt">{{ access.expiresAt | date: 'medium' }}</time>
                } @else {
                  · closed <time [attr.datetime]="access.expiresAt">{{ access.expiresAt | date: 'medium' }}</time>
                }
              </p>
              @if (access.live) {
                <button
                  type="button"
                  class="btn btn--danger"
                  [disabled]="busy()"
                  [attr.aria-label]="'End access now for ' + (access.doctorName ?? access.doctor)"
                  (click)="end(access)"
                >
                  End access now
                </button>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styleUrl: './emergency.css',
})
export class EmergencyAccesses implements OnInit {
  private readonly api = inject(EmergencyApi);
  private readonly contract = inject(EmergencyContract);
  private readonly session = inject(Session);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly shortAddress = shortAddress;
  protected readonly accesses = signal<EmergencyAccessView[]>([]);
  protected readonly error = signal<string | null>(null);
  /** Accesses this page ended (id → when), shown ended before the indexer reports it. */
  private readonly endedHere = new Map<string, string>();
  private readonly patient = computed(() => {
    const account = this.session.account();
    return account?.roles.includes('patient') ? account.address : null;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async end(access: EmergencyAccessView): Promise<void> {
    if (!(await this.contract.end(access.patient, access.doctor))) return;
    // Mined: ended on chain now, though the API says so only once its indexer has read the event.
    this.endedHere.set(access.id, new Date().toISOString());
    this.accesses.update((all) => all.map((item) => this.withEndsHere(item)));
  }

  private withEndsHere(access: EmergencyAccessView): EmergencyAccessView {
    const endedAt = this.endedHere.get(access.id);
    return endedAt && access.live ? { ...access, live: false, endedAt } : access;
  }

  private async load(): Promise<void> {
    const patient = this.patient();
    if (!patient) return;
    try {
      this.accesses.set((await this.api.accessesOf(patient)).map((item) => this.withEndsHere(item)));
      this.error.set(null);
    } catch (error) {
      this.error.set(`Emergency accesses could not be loaded: ${errorText(error)}`);
    }
  }
}
