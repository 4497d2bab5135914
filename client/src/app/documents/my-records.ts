/** /records (patients): my record's timeline, adding documents, and the recovery code. */
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Session } from '../auth/session';
import { RecordTimeline } from './record-timeline';
import { RecoveryPanel } from './recovery-panel';
import { UploadPanel } from './upload-panel';

@Component({
  selector: 'ehr-my-records',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecordTimeline, RecoveryPanel, RouterLink, UploadPanel],
  template: `
    <header class="page-header">
      <div>
        <h1>My records</h1>
        <p class="subtitle">
          Your test reports and your doctors' notes, encrypted in your browser, anchored on chain, opened only by the
          people you share them with. Every opening is in your access log.
        </p>
      </div>
      <a class="btn btn--ghost" routerLink="/records/recover">Recover documents from a lost wallet</a>
    </header>
    @if (patient(); as address) {
      <ehr-recovery-panel [patient]="address" />
      <ehr-upload-panel [patient]="address" (uploaded)="refresh()" />
      <ehr-record-timeline [patient]="address" />
    }
  `,
  styles: `
    :host > * + * {
      display: block;
      margin-top: 1rem;
    }
  `,
})
export class MyRecords {
  private readonly session = inject(Session);
  private readonly timeline = viewChild(RecordTimeline);
  protected readonly patient = computed(() => this.session.account()?.address);

  /** The indexer writes the read model a moment after the block: read again now and once it has caught up. */
  protected refresh(): void {
    void this.timeline()?.reload();
    setTimeout(() => void this.timeline()?.reload(), 2000);
  }
}
