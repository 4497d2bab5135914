/**
 * The patient's upload panel: pick or drop several files, choose their kind and who they are shared with,
 * see the size limit before anything starts, then follow each file through encrypt, upload and anchor.
 * Uploads pinned but not anchored are listed to retry or discard.
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { DocumentSharing as SharingChoice, PendingRecord, RecordKind } from '@api';
// chain-values, not the @api index: plain values, so no zod enters the client bundle.
import { PATIENT_RECORD_KINDS } from '@api/chain-values';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { type DoctorWithAccess, DocumentSharing } from './document-sharing';
import { DocumentUploader, formatBytes } from './document-upload';
import { RECORD_KIND_LABELS } from './record-kinds';
import { RecordsApi } from './records-api';
import { UPLOAD_STAGES, type UploadProgress, stageFraction } from './upload-progress';

export interface FileUpload {
  id: number;
  name: string;
  size: number;
  progress: UploadProgress;
  /** A sentence when done: the entry id, and who could not be shared with. */
  outcome?: string;
}

export const SHARING_CHOICES: readonly { id: SharingChoice; label: string }[] = [
  { id: 'doctors-with-access', label: 'All doctors with access to my records (also those I grant later)' },
  { id: 'selected', label: 'Only some of them' },
  { id: 'private', label: 'Only me' },
];

const STAGE_LABELS = { encrypt: 'Encrypt', upload: 'Upload', anchor: 'Anchor' } as const;

@Component({
  selector: 'ehr-upload-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  templateUrl: './upload-panel.html',
  styleUrl: './upload-panel.css',
})
export class UploadPanel implements OnInit {
  private readonly uploader = inject(DocumentUploader);
  private readonly sharingService = inject(DocumentSharing);
  private readonly recordsApi = inject(RecordsApi);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The signed-in patient. */
  readonly patient = input.required<string>();
  /** An upload was anchored (the record can be read again). */
  readonly uploaded = output<number>();

  protected readonly kinds = PATIENT_RECORD_KINDS;
  protected readonly kindLabels = RECORD_KIND_LABELS;
  protected readonly sharingChoices = SHARING_CHOICES;
  protected readonly stages = UPLOAD_STAGES;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly stageFraction = stageFraction;
  protected readonly shortAddress = shortAddress;

  protected readonly kind = signal<RecordKind>('test-report');
  protected readonly sharing = signal<SharingChoice>('doctors-with-access');
  protected readonly doctors = signal<DoctorWithAccess[]>([]);
  protected readonly selectedDoctors = signal<ReadonlySet<string>>(new Set());
  protected readonly limit = signal<string | null>(null);
  protected readonly uploads = signal<FileUpload[]>([]);
  protected readonly pending = signal<PendingRecord[]>([]);
  /**
   * Uploads anchored from this panel: the server drops their pending entry only once the indexer has seen the
   * RecordAdded event, so until then they would be listed (with a Retry that could anchor them twice).
   */
  private readonly anchoredHere = new Set<string>();
  protected readonly working = signal(false);
  protected readonly dragging = signal(false);
  protected readonly notice = signal<string | null>(null);
  private nextId = 1;

  constructor() {
    void this.uploader.maxUploadBytes().then(
      (bytes) => this.limit.set(formatBytes(bytes)),
      () => this.limit.set(null),
    );
    void this.loadPending();
  }

  /** Not in the constructor: the `patient` input has no value yet there (NG0950), and the list stayed empty. */
  ngOnInit(): void {
    void this.loadDoctors();
  }

  protected toggleDoctor(address: string, checked: boolean): void {
    this.selectedDoctors.update((selected) => {
      const next = new Set(selected);
      if (checked) next.add(address);
      else next.delete(address);
      return next;
    });
  }

  protected picked(event: Event): void {
    const inputElement = event.target as HTMLInputElement;
    const files = Array.from(inputElement.files ?? []);
    inputElement.value = '';
    void this.uploadAll(files);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    void this.uploadAll(Array.from(event.dataTransfer?.files ?? []));
  }

  /** One file after another: each anchor is a wallet confirmation of its own. */
  async uploadAll(files: File[]): Promise<void> {
    if (!files.length) return;
    const recipients = this.recipients();
    const queued = files.map((file) => ({ file, upload: this.queue(file) }));
    this.working.set(true);
    try {
      for (const { file, upload } of queued) {
        try {
          const result = await this.uploader.upload({
            patient: this.patient(),
            kind: this.kind(),
            file,
            recipients,
            sharing: this.sharing(),
            onProgress: (progress) => this.update(upload.id, { progress }),
          });
          const skipped = result.notSharedWith.map((reader) => shortAddress(reader.address));
          this.update(upload.id, {
            outcome:
              `Anchored as entry #${result.recordId}.` +
              (skipped.length ? ` Not shared with ${skipped.join(', ')}: not set up for documents yet.` : ''),
          });
          this.anchoredHere.add(result.cid);
          this.uploaded.emit(result.recordId);
        } catch {
          // The file's row shows why (its progress says failed, with the error).
        }
      }
    } finally {
      this.working.set(false);
      await this.loadPending();
    }
  }

  protected async retry(pending: PendingRecord): Promise<void> {
    this.notice.set(null);
    try {
      const id = await this.uploader.retryAnchor(pending);
      this.anchoredHere.add(pending.cid);
      this.notice.set(`Anchored as entry #${id}.`);
      this.uploaded.emit(id);
    } catch (error) {
      this.notice.set(errorText(error));
    }
    await this.loadPending();
  }

  protected async discard(pending: PendingRecord): Promise<void> {
    this.notice.set(null);
    try {
      await this.recordsApi.discardPending(pending.cid);
    } catch (error) {
      this.notice.set(`Could not discard it: ${errorText(error)}`);
    }
    await this.loadPending();
  }

  protected percent(fraction: number): number {
    return Math.round(fraction * 100);
  }

  private recipients(): string[] {
    switch (this.sharing()) {
      case 'doctors-with-access':
        return this.doctors().map((doctor) => doctor.address);
      case 'selected':
        return [...this.selectedDoctors()];
      default:
        return [];
    }
  }

  private queue(file: File): FileUpload {
    const upload: FileUpload = {
      id: this.nextId++,
      name: file.name,
      size: file.size,
      progress: { stage: 'encrypt', fraction: 0 },
    };
    this.uploads.update((uploads) => [...uploads, upload]);
    return upload;
  }

  private update(id: number, change: Partial<FileUpload>): void {
    this.uploads.update((uploads) => uploads.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));
  }

  private async loadDoctors(): Promise<void> {
    try {
      this.doctors.set(await this.sharingService.doctorsWithAccess(this.patient()));
    } catch (error) {
      this.notice.set(`Your doctors could not be loaded: ${errorText(error)}`);
    }
  }

  private async loadPending(): Promise<void> {
    try {
      const pending = await this.recordsApi.pending();
      this.pending.set(pending.filter((upload) => !this.anchoredHere.has(upload.cid)));
    } catch (error) {
      this.notice.set(`Pending uploads could not be loaded: ${errorText(error)}`);
    }
  }

  protected readonly formatBytes = formatBytes;
}
