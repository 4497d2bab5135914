/**
 * A patient's record as a timeline, newest first: kind, author, time, and amendments (the old version stays,
 * marked "amended", beside the one that corrects it). Opening an entry checks it against the chain first; an
 * integrity failure is said plainly and nothing is shown.
 */
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type OnDestroy,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import type { RecordEntry } from '@api';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { DocumentOpener } from './document-opener';
import { closeIn, openInto, type OpenState } from './opened-document';
import { sameAddress } from './document-upload';
import { DocumentViewer } from './document-viewer';
import { RECORD_KIND_LABELS } from './record-kinds';
import { RecordsApi } from './records-api';
import { DoctorsApi } from '../doctors/doctors-api';
import { RecordNote } from '../notes/record-note';

/** The API's largest page. */
const PAGE_LIMIT = 100;

@Component({
  selector: 'ehr-record-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DocumentViewer, RecordNote],
  templateUrl: './record-timeline.html',
  styleUrl: './record-timeline.css',
})
export class RecordTimeline implements OnDestroy {
  private readonly api = inject(RecordsApi);
  private readonly opener = inject(DocumentOpener);
  private readonly session = inject(Session);
  private readonly doctorsApi = inject(DoctorsApi);

  /** Whose record. */
  readonly patient = input.required<string>();

  protected readonly entries = signal<RecordEntry[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly opened = signal<OpenState | null>(null);
  /** The doctors' names from the public directory, by lowercase address; an address until known. */
  private readonly doctorNames = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly kindLabels = RECORD_KIND_LABELS;
  /** Doctors' structured notes open in the note view (fields, amend), not as a file. */
  protected readonly isNote = (entry: RecordEntry) =>
    entry.kind === 'consultation-note' || entry.kind === 'prescription';
  protected readonly rows = computed(() => this.entries() ?? []);

  constructor() {
    effect(() => void this.loadFor(this.patient()));
  }

  /** Reads the record again (after an upload or a note is anchored and indexed). */
  reload(): Promise<void> {
    return this.loadFor(this.patient());
  }

  ngOnDestroy(): void {
    this.closeViewer();
  }

  protected authorOf(entry: RecordEntry): string {
    const me = this.session.account()?.address;
    if (me && sameAddress(me, entry.author)) return 'You';
    if (sameAddress(entry.author, entry.patient)) return 'Patient';
    return this.doctorNames().get(entry.author.toLowerCase()) ?? `Dr ${shortAddress(entry.author)}`;
  }

  protected open(entry: RecordEntry): Promise<void> {
    return openInto(this.opened, this.opener, entry);
  }

  protected closeViewer(): void {
    closeIn(this.opened, this.opener);
  }

  private async loadFor(patient: string): Promise<void> {
    this.loadError.set(null);
    try {
      const entries = (await this.api.list(patient, { limit: PAGE_LIMIT })).items;
      this.entries.set(entries);
      void this.nameAuthors(entries);
    } catch (error) {
      this.loadError.set(`The record could not be loaded: ${errorText(error)}`);
      this.entries.set([]);
    }
  }

  private async nameAuthors(entries: RecordEntry[]): Promise<void> {
    const known = this.doctorNames();
    const authors = [...new Set(entries.map((entry) => entry.author.toLowerCase()))].filter(
      (author) => !known.has(author) && !entries.some((entry) => sameAddress(entry.patient, author)),
    );
    if (!authors.length) return;
    const named = await Promise.all(
      authors.map((author) =>
        this.doctorsApi.get(author).then(
          (doctor) => [author, doctor.displayName ?? null] as const,
          () => [author, null] as const,
        ),
      ),
    );
    const names = new Map(this.doctorNames());
    for (const [author, name] of named) if (name) names.set(author, name);
    this.doctorNames.set(names);
  }
}
