/**
 * My data → "Erase my data": says exactly what an erasure destroys and what stays (and why), asks the patient
 * to type ERASE, sends Erasure.erase() from their wallet and then shows what the server did.
 */
import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { ErasureStatus } from '@api';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { MY_DATA_CHANGED } from '../my-data/my-data-panels';
import { errorText } from '../shared/error-text';
import { ErasureApi } from './erasure-api';
import { ErasureContract } from './erasure-contract';
import { DESTROYED, remainsSentences } from './erasure-words';

/** What the patient types to confirm: a deliberate act, not a slipped click. */
export const CONFIRMATION_WORD = 'ERASE';

@Component({
  selector: 'ehr-erase-my-data',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  templateUrl: './erase-my-data.html',
  styleUrl: './erasure.css',
})
export class EraseMyData implements OnInit {
  private readonly session = inject(Session);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly api = inject(ErasureApi);
  private readonly contract = inject(ErasureContract);
  protected readonly runner = inject(TransactionRunner);

  protected readonly status = signal<ErasureStatus | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly typed = signal('');
  protected readonly destroyed = DESTROYED;
  protected readonly confirmationWord = CONFIRMATION_WORD;
  protected readonly remains = computed(() => {
    const status = this.status();
    return status ? remainsSentences(status.remains) : [];
  });
  protected readonly confirmed = computed(() => this.typed().trim() === CONFIRMATION_WORD);

  ngOnInit(): void {
    void this.load();
  }

  protected onTyped(event: Event): void {
    this.typed.set((event.target as HTMLInputElement).value);
  }

  protected async erase(): Promise<void> {
    if (!this.confirmed() || this.runner.busy()) return;
    const receipt = await this.contract.erase();
    if (!receipt) return;
    this.typed.set('');
    try {
      this.status.set(await this.api.statusOnceShredded(this.address(), receipt.blockNumber));
      // The other panels (research, emergency sharing) read state the erasure changed: the page reopens them.
      this.host.nativeElement.dispatchEvent(new CustomEvent(MY_DATA_CHANGED, { bubbles: true }));
    } catch (error) {
      this.error.set(`Your erasure is on the blockchain, but its status cannot be shown: ${errorText(error)}`);
    }
  }

  private address(): string {
    return this.session.account()?.address ?? '';
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await this.api.status(this.address()));
    } catch (error) {
      this.error.set(`Your erasure status cannot be shown: ${errorText(error)}`);
    }
  }
}
