import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { AppointmentView } from '@api';
import { errorText } from '../../shared/error-text';
import { AppointmentsApi } from '../appointments-api';
import { CLOSED_STATUSES, OPEN_STATUSES, isHeldNoShow, queueSections } from './queue-sections';

/** The API's largest page: a doctor's open appointments fit in one. */
const OPEN_LIMIT = 100;
export const HISTORY_PAGE = 20;

/**
 * The signed-in doctor's queue as the read model has it, with the chain time it was read at, kept current
 * by the live stream: every change the indexer applies to one of the doctor's appointments refetches it,
 * so a new request appears without a reload. Provided by the queue page, so it lives as long as the page.
 */
@Injectable()
export class DoctorQueueStore {
  private readonly api = inject(AppointmentsApi);
  private readonly open = signal<AppointmentView[]>([]);
  private readonly historyItems = signal<AppointmentView[]>([]);
  private readonly chainTimeSignal = signal<Date | null>(null);
  /** Answers of an earlier load that arrive after a later one's are stale: only the latest is applied. */
  private loads = 0;

  readonly chainTime = this.chainTimeSignal.asReadonly();
  readonly sections = computed(() => queueSections(this.open(), this.chainTimeSignal() ?? new Date(0)));
  /** Closed appointments, newest slot first, one page at a time. */
  readonly history = computed(() => this.historyItems().filter((appointment) => !isHeldNoShow(appointment)));
  readonly historyOffset = signal(0);
  readonly historyTotal = signal(0);
  /** More open appointments than one page holds (the oldest are shown). */
  readonly truncated = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  constructor() {
    const live = this.api.changes().subscribe(() => void this.load());
    inject(DestroyRef).onDestroy(() => live.unsubscribe());
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    try {
      const [open, history] = await Promise.all([
        this.api.list({ status: OPEN_STATUSES, order: 'asc', limit: OPEN_LIMIT }),
        this.api.list({ status: CLOSED_STATUSES, order: 'desc', offset: this.historyOffset(), limit: HISTORY_PAGE }),
      ]);
      if (load !== this.loads) return;
      this.open.set(open.items);
      this.truncated.set(open.total > open.items.length);
      this.historyItems.set(history.items);
      this.historyTotal.set(history.total);
      this.chainTimeSignal.set(new Date(open.chainTime));
      this.error.set(null);
    } catch (error) {
      if (load === this.loads) this.error.set(`Your appointments could not be loaded: ${errorText(error)}`);
    } finally {
      if (load === this.loads) this.loaded.set(true);
    }
  }

  showHistoryFrom(offset: number): Promise<void> {
    this.historyOffset.set(Math.max(0, offset));
    return this.load();
  }
}
