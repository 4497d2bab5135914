import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, signal } from '@angular/core';
import { errorText } from '../shared/error-text';
import type { HealthReport } from '@api';
import { healthRows } from './health';
import { HealthApi } from './health-api';

/** How often an admin watching the dashboard sees the dependencies re-checked. */
export const HEALTH_REFRESH_MS = 10_000;

/** Admin card: is the chain, MongoDB and IPFS answering the server, re-checked while the card is on screen. */
@Component({
  selector: 'ehr-system-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  templateUrl: './system-status.html',
  styleUrl: './system-status.css',
})
export class SystemStatus implements OnInit {
  private readonly healthApi = inject(HealthApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly report = signal<HealthReport | null>(null);
  private checking = false;

  protected readonly rows = computed(() => {
    const report = this.report();
    return report && healthRows(report);
  });
  protected readonly checkedAt = signal<Date | null>(null);
  protected readonly loadError = signal<string | null>(null);

  ngOnInit(): void {
    const timer = setInterval(() => void this.check(), HEALTH_REFRESH_MS);
    this.destroyRef.onDestroy(() => clearInterval(timer));
    void this.check();
  }

  private async check(): Promise<void> {
    // A slow answer must not pile up requests behind it.
    if (this.checking) return;
    this.checking = true;
    try {
      this.report.set(await this.healthApi.read());
      this.loadError.set(null);
    } catch (error) {
      // Without an answer, the last report would claim more than we know.
      this.report.set(null);
      this.loadError.set(`The system status could not be read: ${errorText(error)}`);
    } finally {
      this.checkedAt.set(new Date());
      this.checking = false;
    }
  }
}
