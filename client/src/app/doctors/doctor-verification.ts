import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import type { DoctorSort, DoctorView, LicenceCheck } from '@api';
import { REVOCATION_REASONS, SPECIALITIES, specialityName } from './doctor';
import { DoctorRegistry } from './doctor-registry';
import { DoctorStatusBadge } from './doctor-status-badge';
import { DoctorsApi } from './doctors-api';

type StatusFilter = DoctorView['status'] | 'all';
/** One doctor's licence check on this screen: asked for by the admin, row by row. */
type LicenceState =
  { state: 'loading' } | { state: 'done'; check: LicenceCheck } | { state: 'failed'; message: string };

const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending verification' },
  { value: 'verified', label: 'Verified' },
  { value: 'revoked', label: 'Revoked' },
];

const SORTS: readonly { value: `${DoctorSort}:${'asc' | 'desc'}`; label: string }[] = [
  { value: 'registered:desc', label: 'Newest registration' },
  { value: 'registered:asc', label: 'Oldest registration' },
  { value: 'name:asc', label: 'Name (A–Z)' },
  { value: 'name:desc', label: 'Name (Z–A)' },
  { value: 'joined:asc', label: 'Date of joining (earliest)' },
  { value: 'joined:desc', label: 'Date of joining (latest)' },
];

const PAGE_SIZE = 20;
/** After a confirmed change, the server's indexer needs a moment (it polls the chain about every second). */
const REFRESH_POLL_MS = 700;
const REFRESH_POLL_ATTEMPTS = 15;

/**
 * Doctors directory; for admins the console's View Doctors: filter by status, speciality and city,
 * sort, page; verify, revoke with a reason, check licences; Add Doctor and Edit Doctor are linked from here.
 */
@Component({
  selector: 'ehr-doctor-verification',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DatePipe, RouterLink, DoctorStatusBadge],
  templateUrl: './doctor-verification.html',
  styleUrl: './doctor-verification.css',
})
export class DoctorVerification implements OnInit {
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly registry = inject(DoctorRegistry);
  protected readonly isAdmin = inject(Session).isAdmin;
  protected readonly busy = inject(TransactionRunner).busy;

  // Doctors not (or no longer) verified are the admins' review queue; the API lists them to admins only.
  protected readonly statusFilters = computed(() =>
    STATUS_FILTERS.filter((filter) => this.isAdmin() || filter.value === 'verified'),
  );
  protected readonly reasons = REVOCATION_REASONS;
  protected readonly specialities = SPECIALITIES;
  protected readonly sorts = SORTS;
  protected readonly specialityFilter = signal(0);
  protected readonly cityFilter = signal('');
  protected readonly sortOrder = signal<(typeof SORTS)[number]['value']>('registered:desc');
  protected readonly pageSize = PAGE_SIZE;
  protected readonly statusFilter = signal<StatusFilter>(this.isAdmin() ? 'all' : 'verified');
  protected readonly offset = signal(0);
  protected readonly doctors = signal<DoctorView[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** The doctor whose revocation is being confirmed, with the chosen reason. */
  protected readonly revoking = signal<{ address: string; reason: number } | null>(null);
  /** Licence checks by doctor address; numbers are fetched only when an admin asks, not with the list. */
  protected readonly licences = signal<Record<string, LicenceState>>({});

  protected readonly shortAddress = shortAddress;
  protected readonly specialityName = specialityName;

  ngOnInit(): void {
    void this.load();
  }

  protected nameOf(doctor: DoctorView): string {
    return doctor.displayName || shortAddress(doctor.address);
  }

  protected async changeFilter(filter: StatusFilter): Promise<void> {
    this.statusFilter.set(filter);
    this.offset.set(0);
    await this.load();
  }

  protected async changeSpeciality(code: number): Promise<void> {
    this.specialityFilter.set(Number(code));
    this.offset.set(0);
    await this.load();
  }

  protected async changeCity(city: string): Promise<void> {
    this.cityFilter.set(city.trim());
    this.offset.set(0);
    await this.load();
  }

  protected async changeSort(sort: (typeof SORTS)[number]['value']): Promise<void> {
    this.sortOrder.set(sort);
    this.offset.set(0);
    await this.load();
  }

  protected async goToPage(offset: number): Promise<void> {
    this.offset.set(offset);
    await this.load();
  }

  protected async verify(doctor: DoctorView): Promise<void> {
    if (await this.registry.verify(doctor.address)) await this.reloadUntil(doctor.address, 'verified');
  }

  /** Fetches the stored licence number; the API says whether it opens the licence hash on chain. */
  protected async checkLicence(doctor: DoctorView): Promise<void> {
    const setState = (state: LicenceState) => this.licences.update((all) => ({ ...all, [doctor.address]: state }));
    setState({ state: 'loading' });
    try {
      setState({ state: 'done', check: await this.doctorsApi.checkLicence(doctor.address) });
    } catch (error) {
      setState({ state: 'failed', message: errorText(error) });
    }
  }

  protected startRevoking(doctor: DoctorView): void {
    this.revoking.set({ address: doctor.address, reason: REVOCATION_REASONS[0].code });
  }

  protected chooseReason(reason: number): void {
    this.revoking.update((current) => current && { ...current, reason: Number(reason) });
  }

  protected async confirmRevoke(): Promise<void> {
    const revoking = this.revoking();
    if (!revoking) return;
    if (await this.registry.revoke(revoking.address, revoking.reason)) {
      this.revoking.set(null);
      await this.reloadUntil(revoking.address, 'revoked');
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const filter = this.statusFilter();
      const [sort, order] = this.sortOrder().split(':') as [DoctorSort, 'asc' | 'desc'];
      const page = await this.doctorsApi.list({
        status: filter === 'all' ? undefined : filter,
        speciality: this.specialityFilter() || undefined,
        city: this.cityFilter() || undefined,
        sort,
        order,
        offset: this.offset(),
        limit: PAGE_SIZE,
      });
      this.doctors.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.loadError.set(`The doctors could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }

  /** Reloads until the read model shows the doctor's new status (or the doctor left the filtered list). */
  private async reloadUntil(address: string, status: DoctorView['status']): Promise<void> {
    for (let attempt = 0; attempt < REFRESH_POLL_ATTEMPTS; attempt++) {
      await this.load();
      const row = this.doctors().find((doctor) => doctor.address.toLowerCase() === address.toLowerCase());
      if (!row || row.status === status) return;
      await new Promise((resolve) => setTimeout(resolve, REFRESH_POLL_MS));
    }
  }
}
