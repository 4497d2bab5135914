import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { AppointmentView } from '@api';
import type { AppointmentStatus } from '@api/chain-values';
import { errorText } from '../../shared/error-text';
import { AppointmentsApi } from '../appointments-api';

export const ADMIN_PAGE = 20;
/** The API's largest page: disputes are few (each needs an admin), one page holds them. */
const DISPUTES_LIMIT = 100;

export interface AdminFilter {
  status?: AppointmentStatus;
  patient?: string;
  doctor?: string;
}

/**
 * Every appointment as the read model has it (without the parties' reasons: the API leaves them out for
 * admins), filtered and paged, and the disputed no-shows waiting for an admin; refetched on each change the
 * live stream reports.
 */
@Injectable()
export class AdminAppointmentsStore {
  private readonly api = inject(AppointmentsApi);
  private loads = 0;

  readonly items = signal<AppointmentView[]>([]);
  readonly total = signal(0);
  readonly offset = signal(0);
  readonly filter = signal<AdminFilter>({});
  readonly disputes = signal<AppointmentView[]>([]);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  constructor() {
    const live = this.api.changes().subscribe(() => void this.load());
    inject(DestroyRef).onDestroy(() => live.unsubscribe());
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    const { status, patient, doctor } = this.filter();
    try {
      const [page, disputes] = await Promise.all([
        this.api.list({
          ...(status && { status: [status] }),
          ...(patient && { patient }),
          ...(doctor && { doctor }),
          order: 'desc',
          offset: this.offset(),
          limit: ADMIN_PAGE,
        }),
        this.api.list({ status: ['disputed'], order: 'asc', limit: DISPUTES_LIMIT }),
      ]);
      if (load !== this.loads) return;
      this.items.set(page.items);
      this.total.set(page.total);
      this.disputes.set(disputes.items);
      this.error.set(null);
    } catch (error) {
      if (load === this.loads) this.error.set(`The appointments could not be loaded: ${errorText(error)}`);
    } finally {
      if (load === this.loads) this.loaded.set(true);
    }
  }

  /** A new filter starts at the first page. */
  applyFilter(filter: AdminFilter): Promise<void> {
    this.filter.set(filter);
    this.offset.set(0);
    return this.load();
  }

  showFrom(offset: number): Promise<void> {
    this.offset.set(Math.max(0, offset));
    return this.load();
  }
}
