import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { specialityName } from '../doctors/doctor';
import { DoctorsApi } from '../doctors/doctors-api';
import { DocumentSharing } from '../documents/document-sharing';
import { errorText } from '../shared/error-text';
import { accessRows, type AccessDoctor, type AccessRow } from './access-rows';
import { ACCESS_DURATIONS, DEFAULT_ACCESS_DURATION, accessText, expiryFor } from './consent';
import { ConsentApi } from './consent-api';
import { ConsentContract } from './consent-contract';

/** The API's largest page: a patient picks among all verified doctors, and sees all their grants, at once. */
const PAGE_LIMIT = 100;

/**
 * The patient's consent screen: which verified doctor may see their records, and until when. Revoked
 * doctors appear too when the patient's grant to them still stands (suspended, not ended: it applies
 * again if an admin verifies the doctor again), so the patient can see it and revoke it. Those come
 * from the patient's own consent list: lists of doctors who are not verified are for admins only.
 */
@Component({
  selector: 'ehr-doctor-access',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  templateUrl: './doctor-access.html',
  styleUrl: './doctor-access.css',
})
export class DoctorAccess implements OnInit {
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly consentApi = inject(ConsentApi);
  private readonly consentContract = inject(ConsentContract);
  private readonly documentSharing = inject(DocumentSharing);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The signed-in patient's address. */
  readonly patient = input.required<string>();

  protected readonly durations = ACCESS_DURATIONS;
  protected readonly rows = signal<AccessRow[]>([]);
  /** Verified doctors, and revoked ones only while a grant to them is suspended. */
  protected readonly visibleRows = computed(() =>
    this.rows().filter((row) => row.doctor.verified || row.consent?.suspended),
  );
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** What the last grant or revoke did to the patient's documents, in a sentence. */
  protected readonly documentsNotice = signal<string | null>(null);
  /** Duration chosen per doctor address; unset rows use the default. */
  private readonly chosenDurations = signal<Record<string, string>>({});

  protected readonly shortAddress = shortAddress;

  ngOnInit(): void {
    void this.load();
  }

  protected nameOf(doctor: AccessDoctor): string {
    return doctor.displayName || shortAddress(doctor.address);
  }

  protected specialityOf(doctor: AccessDoctor): string {
    return doctor.specialityLabel || (doctor.speciality === undefined ? '' : specialityName(doctor.speciality));
  }

  protected mayGrant(row: AccessRow): boolean {
    return row.doctor.verified;
  }

  protected mayRevoke(row: AccessRow): boolean {
    return Boolean(row.consent?.hasAccess || row.consent?.suspended);
  }

  protected accessCell(row: AccessRow): string {
    if (row.consent) return accessText(row.consent);
    return row.readError ?? 'Checking…';
  }

  protected durationOf(doctor: string): string {
    return this.chosenDurations()[doctor] ?? DEFAULT_ACCESS_DURATION;
  }

  protected chooseDuration(doctor: string, durationId: string): void {
    this.chosenDurations.update((chosen) => ({ ...chosen, [doctor]: durationId }));
  }

  protected async grant(doctor: AccessDoctor): Promise<void> {
    const expiresAt = expiryFor(this.durationOf(doctor.address));
    this.documentsNotice.set(null);
    if (!(await this.consentContract.grant(doctor.address, expiresAt))) return;
    await this.readAccess(doctor.address);
    await this.shareDocuments(doctor);
  }

  protected async revoke(doctor: AccessDoctor): Promise<void> {
    this.documentsNotice.set(null);
    if (!(await this.consentContract.revoke(doctor.address))) return;
    await this.readAccess(doctor.address);
    this.documentsNotice.set(
      `${this.nameOf(doctor)} can no longer open your documents. A copy already downloaded cannot be recalled.`,
    );
  }

  /** The grant is mined: wrap the patient's shared documents' keys for the doctor (the server serves them while access lasts). */
  private async shareDocuments(doctor: AccessDoctor): Promise<void> {
    try {
      const shared = await this.documentSharing.shareWithDoctor(doctor.address);
      if (shared) this.documentsNotice.set(`${shared} of your documents shared with ${this.nameOf(doctor)}.`);
    } catch (error) {
      this.documentsNotice.set(
        `Access granted, but your documents were not shared with ${this.nameOf(doctor)}: ${errorText(error)}`,
      );
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const page = { offset: 0, limit: PAGE_LIMIT };
      const [directory, relationships] = await Promise.all([
        this.doctorsApi.list({ status: 'verified', ...page }),
        this.consentApi.listForPatient(this.patient(), page),
      ]);
      this.rows.set(accessRows(this.patient(), directory.items, relationships.items));
    } catch (error) {
      this.loadError.set(`The doctors could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }

  /** The chain is the source of truth: the API reads the contract live, so one read after mining is current. */
  private async readAccess(doctor: string): Promise<void> {
    let update: Pick<AccessRow, 'consent' | 'readError'>;
    try {
      update = { consent: await this.consentApi.read(this.patient(), doctor), readError: null };
    } catch (error) {
      update = { consent: null, readError: `Unknown: ${errorText(error)}` };
    }
    this.rows.update((rows) => rows.map((row) => (row.doctor.address === doctor ? { ...row, ...update } : row)));
  }
}
