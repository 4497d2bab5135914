import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import type { ActivityEntry } from '@api';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { EmergencyAccesses } from '../emergency/emergency-accesses';
import { AccessLog } from './access-log';
import { ActivityApi } from './activity-api';

/** The kind filter: the first part of each kind code (`consent` covers `consent.granted`, …). */
const KIND_FILTERS: readonly { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'doctor', label: 'Doctor registration and verification' },
  { value: 'patient', label: 'Patient registration' },
  { value: 'admin', label: 'Admin role' },
  { value: 'consent', label: 'Access to records' },
  { value: 'appointment', label: 'Appointments and payments' },
  { value: 'record', label: 'Records' },
];

const PAGE_SIZE = 20;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The Activity Tracker: what happened to me and my data; admins can look up any account's timeline. */
@Component({
  selector: 'ehr-activity-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DatePipe, AccessLog, EmergencyAccesses],
  templateUrl: './activity-timeline.html',
  styleUrl: './activity-timeline.css',
})
export class ActivityTimeline implements OnInit {
  private readonly activityApi = inject(ActivityApi);
  private readonly session = inject(Session);
  protected readonly isAdmin = this.session.isAdmin;
  /** The access log is about patients' data: their own, or everyone's for admins. */
  protected readonly showsAccessLog = computed(() => {
    const roles = this.session.account()?.roles ?? [];
    return roles.includes('patient') || roles.includes('admin');
  });

  protected readonly kindFilters = KIND_FILTERS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly kind = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly offset = signal(0);
  /** The account an admin looked up; null = the signed-in account's own timeline. */
  protected readonly lookedUp = signal<string | null>(null);
  protected readonly lookupInput = signal('');
  protected readonly lookupError = signal<string | null>(null);

  protected readonly entries = signal<ActivityEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);

  protected readonly heading = computed(() => {
    const subject = this.lookedUp();
    return subject ? `Activity of ${shortAddress(subject)}` : 'My activity';
  });
  protected readonly shortAddress = shortAddress;

  ngOnInit(): void {
    void this.load();
  }

  protected async changeKind(kind: string): Promise<void> {
    this.kind.set(kind);
    await this.reload();
  }

  protected async changeRange(bound: 'from' | 'to', value: string): Promise<void> {
    this[bound].set(value);
    await this.reload();
  }

  protected async clearFilters(): Promise<void> {
    this.kind.set('');
    this.from.set('');
    this.to.set('');
    await this.reload();
  }

  protected async lookUp(): Promise<void> {
    const address = this.lookupInput().trim();
    if (!ADDRESS.test(address)) {
      this.lookupError.set('Enter an account address: 0x followed by 40 hexadecimal characters.');
      return;
    }
    this.lookupError.set(null);
    this.lookedUp.set(address);
    await this.reload();
  }

  protected async showMine(): Promise<void> {
    this.lookedUp.set(null);
    this.lookupInput.set('');
    this.lookupError.set(null);
    await this.reload();
  }

  protected async goToPage(offset: number): Promise<void> {
    this.offset.set(offset);
    await this.load();
  }

  private async reload(): Promise<void> {
    this.offset.set(0);
    await this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const page = await this.activityApi.list({
        subject: this.lookedUp() ?? undefined,
        kind: this.kind() || undefined,
        from: this.from() || undefined,
        to: this.to() || undefined,
        offset: this.offset(),
        limit: PAGE_SIZE,
      });
      this.entries.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.entries.set([]);
      this.total.set(0);
      this.loadError.set(`The activity could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }
}
