/**
 * The patient's research sharing panel on My data: what they share now (read from the chain through the
 * API), and opting in (what to share, until when) or out, from their own wallet.
 */
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RESEARCH_SCOPES, RESEARCH_SCOPE_NAMES, type ResearchParticipation, type ResearchScopeName } from '@api';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { ResearchApi } from './research-api';
import { ResearchContract } from './research-contract';

export const SCOPE_LABELS: Record<ResearchScopeName, string> = {
  demographics: 'Demographics: age band, sex, city or state (never your name or contact details)',
  appointments: 'Appointment history: specialities, statuses and months (never your reasons)',
  recordKinds: 'Record kinds: how many test reports, prescriptions… (never their contents)',
};

/** YYYY-MM-DD a year from `now`: the default end of an opt-in. */
export const aYearFrom = (now: Date): string =>
  new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);

/** The end of the chosen day (UTC) in unix seconds. */
export const endOfDay = (date: string): bigint => BigInt(Date.parse(`${date}T23:59:59Z`) / 1000);

@Component({
  selector: 'ehr-research-participation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  template: `
    <p class="muted">
      Share de-identified data for research. Exports never hold your name, contact details, wallet address, reasons or
      documents; you are only included among at least k similar patients, and counts carry random noise.
    </p>
    @if (loadError(); as error) {
      <p class="notice notice--error" role="alert">{{ error }}</p>
    }
    <p class="research-state" role="status" data-testid="research-state">{{ stateText() }}</p>
    <fieldset class="scopes">
      <legend>What to share</legend>
      @for (name of scopeNames; track name) {
        <label class="scope">
          <input
            type="checkbox"
            [id]="'research-scope-' + name"
            [ngModel]="chosen()[name]"
            (ngModelChange)="toggle(name, $event)"
          />
          {{ labels[name] }}
        </label>
      }
    </fieldset>
    <label for="research-expiry">Share until</label>
    <input id="research-expiry" type="date" [min]="today" [ngModel]="expiry()" (ngModelChange)="expiry.set($event)" />
    <div class="actions">
      <button type="button" class="btn btn--primary" [disabled]="busy() || !mayOptIn()" (click)="optIn()">
        {{ participation()?.live ? 'Update research sharing' : 'Opt in to research' }}
      </button>
      @if (participation()?.live) {
        <button type="button" class="btn btn--danger" [disabled]="busy()" (click)="optOut()">Opt out</button>
      }
    </div>
  `,
  styles: `
    .scopes {
      display: grid;
      gap: 0.4rem;
      margin-block: 0.75rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
  `,
})
export class ResearchParticipationPanel implements OnInit {
  private readonly api = inject(ResearchApi);
  private readonly contract = inject(ResearchContract);
  protected readonly busy = inject(TransactionRunner).busy;

  protected readonly scopeNames = RESEARCH_SCOPE_NAMES;
  protected readonly labels = SCOPE_LABELS;
  protected readonly today = new Date().toISOString().slice(0, 10);
  protected readonly participation = signal<ResearchParticipation | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly chosen = signal<Record<ResearchScopeName, boolean>>({
    demographics: true,
    appointments: true,
    recordKinds: true,
  });
  protected readonly expiry = signal(aYearFrom(new Date()));
  private readonly scope = computed(() =>
    RESEARCH_SCOPE_NAMES.reduce((bits, name) => (this.chosen()[name] ? bits | RESEARCH_SCOPES[name] : bits), 0),
  );
  protected readonly mayOptIn = computed(() => this.scope() !== 0 && this.expiry() > this.today);

  protected readonly stateText = computed(() => {
    const current = this.participation();
    if (!current) return 'Checking…';
    if (current.endedByErasure) {
      return 'Your data was erased: no research export includes this account any more, whatever it opts in to.';
    }
    if (current.live) {
      const what = current.scopes.map((name) => SCOPE_LABELS[name].split(':')[0].toLowerCase()).join(', ');
      return `You share ${what} for research until ${current.expiresAt!.slice(0, 10)}.`;
    }
    if (current.scope !== 0) return `Your research opt-in ended on ${current.expiresAt!.slice(0, 10)}.`;
    return 'You do not share data for research.';
  });

  ngOnInit(): void {
    void this.load();
  }

  protected toggle(name: ResearchScopeName, on: boolean): void {
    this.chosen.update((chosen) => ({ ...chosen, [name]: on }));
  }

  protected async optIn(): Promise<void> {
    if (await this.contract.optIn(this.scope(), endOfDay(this.expiry()))) await this.load();
  }

  protected async optOut(): Promise<void> {
    if (await this.contract.optOut()) await this.load();
  }

  private async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const current = await this.api.participation();
      this.participation.set(current);
      if (current.live) {
        this.chosen.set({
          demographics: current.scopes.includes('demographics'),
          appointments: current.scopes.includes('appointments'),
          recordKinds: current.scopes.includes('recordKinds'),
        });
        this.expiry.set(current.expiresAt!.slice(0, 10));
      }
    } catch (error) {
      this.loadError.set(`Your research sharing could not be read: ${errorText(error)}`);
    }
  }
}
