/** How long an emergency access lasts: read from the chain, set by an admin within the contract's bounds. */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { EmergencyContract, MAX_WINDOW_HOURS, MIN_WINDOW_HOURS } from './emergency-contract';

@Component({
  selector: 'ehr-emergency-window-setting',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  template: `
    <section class="card" aria-labelledby="window-title">
      <h2 id="window-title">Emergency window</h2>
      <p role="status">
        @if (current(); as hours) {
          An emergency access lasts <strong>{{ hours }} hours</strong>, then closes on its own.
        } @else {
          Loading…
        }
      </p>
      <form class="form" (ngSubmit)="save()">
        <div class="field">
          <label for="emergency-window-hours">Hours ({{ min }}–{{ max }})</label>
          <input
            id="emergency-window-hours"
            name="hours"
            type="number"
            [min]="min"
            [max]="max"
            step="1"
            [ngModel]="hours()"
            (ngModelChange)="hours.set($event)"
            [attr.aria-invalid]="invalid() || null"
            aria-describedby="emergency-window-hint"
          />
          <small id="emergency-window-hint">Long enough to treat, short enough to stay an exception.</small>
          @if (invalid()) {
            <small class="field-error">Enter whole hours between {{ min }} and {{ max }}.</small>
          }
        </div>
        <button type="submit" class="btn btn--primary" [disabled]="busy()">Set the window</button>
      </form>
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
export class WindowSetting implements OnInit {
  private readonly contract = inject(EmergencyContract);
  protected readonly busy = inject(TransactionRunner).busy;
  protected readonly min = MIN_WINDOW_HOURS;
  protected readonly max = MAX_WINDOW_HOURS;
  protected readonly current = signal<number | null>(null);
  protected readonly hours = signal<number | null>(null);
  protected readonly invalid = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected async save(): Promise<void> {
    const hours = Number(this.hours());
    this.invalid.set(!Number.isInteger(hours) || hours < MIN_WINDOW_HOURS || hours > MAX_WINDOW_HOURS);
    if (this.invalid()) return;
    if (await this.contract.setWindowHours(hours)) await this.load();
  }

  private async load(): Promise<void> {
    try {
      const hours = await this.contract.windowHours();
      this.current.set(hours);
      this.hours.set(hours);
    } catch (error) {
      this.error.set(`The window could not be read: ${errorText(error)}`);
    }
  }
}
