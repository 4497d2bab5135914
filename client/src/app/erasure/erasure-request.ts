/**
 * Admins, on a patient's page: "Erase on a verified request". The admin records the request (a reference and
 * how the requester's identity was verified), gets back the commitment (a salted hash: the chain never sees
 * the text), and sends Erasure.eraseFor from their wallet. Renders nothing for anyone but an admin.
 */
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { ErasureStatus } from '@api';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { ErasureApi } from './erasure-api';
import { ErasureContract } from './erasure-contract';
import { remainsSentences } from './erasure-words';

@Component({
  selector: 'ehr-erasure-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  templateUrl: './erasure-request.html',
  styleUrl: './erasure.css',
})
export class ErasureRequest {
  private readonly api = inject(ErasureApi);
  private readonly contract = inject(ErasureContract);
  protected readonly session = inject(Session);
  protected readonly runner = inject(TransactionRunner);
  readonly patient = input.required<string>();

  protected readonly reference = signal('');
  protected readonly verification = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<ErasureStatus | null>(null);
  protected readonly remains = computed(() => {
    const status = this.status();
    return status ? remainsSentences(status.remains) : [];
  });
  protected readonly ready = computed(
    () => this.reference().trim().length >= 3 && this.verification().trim().length >= 10,
  );

  protected onInput(field: 'reference' | 'verification', event: Event): void {
    this[field].set((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }

  protected async erase(): Promise<void> {
    if (!this.ready() || this.runner.busy()) return;
    this.error.set(null);
    let commitment: string;
    try {
      ({ commitment } = await this.api.createRequest({
        patient: this.patient(),
        reference: this.reference().trim(),
        verification: this.verification().trim(),
      }));
    } catch (error) {
      this.error.set(`The request was not recorded: ${errorText(error)}`);
      return;
    }
    const receipt = await this.contract.eraseFor(this.patient(), commitment);
    if (!receipt) return;
    try {
      this.status.set(await this.api.statusOnceShredded(this.patient(), receipt.blockNumber));
    } catch (error) {
      this.error.set(`The erasure is on the blockchain, but its status cannot be shown: ${errorText(error)}`);
    }
  }
}
