import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { TransactionRunner } from '../chain/transaction-runner';
import { PatientRegistry } from './patient-registry';

/** One-click self-registration as a patient. */
@Component({
  selector: 'ehr-patient-registration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="muted">Patients book appointments with verified doctors and keep their encrypted test results.</p>
    <button type="button" class="btn btn--primary" [disabled]="busy()" (click)="register()">Register as patient</button>
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.75rem;
      justify-items: start;
    }
    p {
      margin: 0;
    }
  `,
})
export class PatientRegistration {
  private readonly registry = inject(PatientRegistry);
  protected readonly busy = inject(TransactionRunner).busy;

  /** Emitted once the registration is mined. */
  readonly registered = output<void>();

  protected async register(): Promise<void> {
    if (await this.registry.register()) this.registered.emit();
  }
}
