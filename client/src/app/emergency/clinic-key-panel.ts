/**
 * The clinic emergency key: whether one is set on chain, which admins can use it, and setting up a new one
 * (ClinicKeySetup: generated here, public half on chain, private half wrapped for each admin's verified key).
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import type { ClinicKeyWraps } from '@api';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { ClinicKeySetup } from './clinic-key-setup';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';

@Component({
  selector: 'ehr-clinic-key-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="clinic-key-title">
      <h2 id="clinic-key-title">Clinic emergency key</h2>
      <p class="muted">
        Patients who turn on emergency sharing wrap their document keys for this key. Its private half exists only
        wrapped for admins' own document keys, so an admin on duty can release a sharing patient's documents to the
        doctor of an open emergency access. A new key replaces the old one: patients' documents are wrapped for it the
        next time they visit My data.
      </p>
      @if (clinicKey() === undefined) {
        <p>Loading…</p>
      } @else if (clinicKey(); as key) {
        <p role="status">
          A clinic emergency key is set: <span class="mono">{{ shortAddress(key) }}</span>.
          @if (holders().length) {
            Admins who can use it: {{ holders().join(', ') }}.
          } @else {
            No admin holds a wrap of it yet.
          }
        </p>
      } @else {
        <p role="status">No clinic emergency key is set: patients cannot share documents for emergencies yet.</p>
      }
      <button type="button" class="btn btn--primary" [disabled]="working() || busy()" (click)="setUp()">
        {{ clinicKey() ? 'Replace the clinic emergency key' : 'Set up the clinic emergency key' }}
      </button>
      @if (message(); as text) {
        <p class="notice" role="status">{{ text }}</p>
      }
      @if (error(); as text) {
        <p class="notice notice--error" role="alert">{{ text }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-block-end: 1rem;
    }
  `,
})
export class ClinicKeyPanel implements OnInit {
  private readonly setup = inject(ClinicKeySetup);
  private readonly contract = inject(EmergencyContract);
  private readonly api = inject(EmergencyApi);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly shortAddress = shortAddress;
  /** undefined while loading, null when none is set on chain. */
  protected readonly clinicKey = signal<string | null | undefined>(undefined);
  protected readonly holders = signal<string[]>([]);
  protected readonly working = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected async setUp(): Promise<void> {
    this.working.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      const result = await this.setup.setUp();
      if (result) {
        const skipped = result.skipped.length
          ? ` Not wrapped for: ${result.skipped.map((entry) => entry.reason).join('; ')}.`
          : '';
        this.message.set(
          `The clinic emergency key is set on chain and wrapped for ${result.wrappedFor.length} admins.${skipped}`,
        );
      }
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.working.set(false);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.clinicKey.set(await this.contract.clinicKey());
      const wraps: ClinicKeyWraps = await this.api.clinicKeyWraps();
      this.holders.set(wraps.admins.map(shortAddress));
    } catch (error) {
      this.error.set(`The clinic emergency key could not be read: ${errorText(error)}`);
    }
  }
}
