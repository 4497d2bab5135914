import { EncryptionSetup } from '../documents/encryption-setup';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { formatEther } from 'ethers';
import type { PracticeView } from '@api';
import { AppointmentsApi } from '../appointments/appointments-api';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { ConsultingHours } from './consulting-hours';
import { PracticeTerms } from './practice-terms';

/**
 * "My practice": what patients book. The fee and slot length live on chain, the consulting hours off chain;
 * both are read through the API (GET /api/doctors/:me/practice). Only a verified doctor may publish them:
 * the contract and the API refuse anyone else, this page says so first.
 */
@Component({
  selector: 'ehr-my-practice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PracticeTerms, ConsultingHours, EncryptionSetup],
  templateUrl: './my-practice.html',
  styleUrl: './my-practice.css',
})
export class MyPractice implements OnInit {
  private readonly api = inject(AppointmentsApi);
  private readonly session = inject(Session);

  protected readonly doctorStatus = computed(() => this.session.account()?.doctorStatus ?? 'none');
  protected readonly practice = signal<PracticeView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** "0.01 ETH per 30 minutes", or null until the doctor publishes terms. */
  protected readonly termsText = computed(() => {
    const practice = this.practice();
    if (!practice || practice.feeWei === null || !practice.slotLength) return null;
    return `${formatEther(BigInt(practice.feeWei))} ETH per ${practice.slotLength / 60} minutes`;
  });

  ngOnInit(): void {
    // Only a verified doctor has a practice to show (the forms are for them only).
    if (this.doctorStatus() === 'verified') void this.load();
  }

  protected async load(): Promise<void> {
    const me = this.session.account()?.address;
    if (!me) return;
    try {
      this.practice.set(await this.api.practice(me));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(`Your practice could not be loaded: ${errorText(error)}`);
    }
  }

  protected showSaved(practice: PracticeView): void {
    this.practice.set(practice);
  }
}
