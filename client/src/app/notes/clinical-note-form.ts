import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { UPLOAD_STAGES, stageFraction } from '../documents/upload-progress';
import { errorText } from '../shared/error-text';
import { ClinicalNotes } from './clinical-notes';
import {
  type NoteDraft,
  type NoteDraftErrors,
  draftOf,
  emptyDraft,
  emptyMedication,
  noteFromDraft,
  validateNoteDraft,
} from './note-draft';
import { type ClinicalNote, NOTE_KINDS, NOTE_LIMITS, NOTE_NAMES } from './note-format';

/** The entry a new version replaces, and its note as opened. */
export interface AmendedNote {
  recordId: number;
  note: ClinicalNote;
}

/**
 * The doctor's structured note (consultation note or prescription: diagnosis, notes, medications with dose
 * and duration). Submitting encrypts it for the patient and the doctor, pins it and anchors it on chain, with
 * a bar per stage; given `amends`, it starts from that note and anchors the new version as its amendment.
 */
let formCount = 0;

@Component({
  selector: 'ehr-clinical-note-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  templateUrl: './clinical-note-form.html',
  styleUrl: './clinical-note-form.css',
})
export class ClinicalNoteForm implements OnInit {
  private readonly notes = inject(ClinicalNotes);

  /** Whose record the note joins. */
  readonly patient = input.required<string>();
  /** The appointment the note is about, if any. */
  readonly appointmentId = input<number>();
  /** The note this one amends. */
  readonly amends = input<AmendedNote>();
  /** The new entry's id once anchored. */
  readonly saved = output<number>();

  /** This form's id prefix: a new-note form and an amend form can be open on one page at once. */
  protected readonly uid = `note-form-${++formCount}`;
  protected readonly kinds = NOTE_KINDS;
  protected readonly names = NOTE_NAMES;
  protected readonly limits = NOTE_LIMITS;
  protected readonly stages = UPLOAD_STAGES;
  protected readonly stageFraction = stageFraction;

  protected draft: NoteDraft = emptyDraft();
  protected readonly rows = signal(1);
  protected readonly errors = signal<NoteDraftErrors>({});
  protected readonly errorList = computed(() => Object.values(this.errors()).filter(Boolean) as string[]);
  protected readonly state = signal<'editing' | 'saving' | 'saved' | 'failed'>('editing');
  protected readonly failure = signal<string | null>(null);
  protected readonly progress = this.notes.progress;

  ngOnInit(): void {
    const amends = this.amends();
    if (amends) {
      this.draft = draftOf(amends.note);
      this.rows.set(this.draft.medications.length);
    }
  }

  protected addMedication(): void {
    this.draft.medications.push(emptyMedication());
    this.rows.set(this.draft.medications.length);
  }

  protected removeMedication(index: number): void {
    this.draft.medications.splice(index, 1);
    if (this.draft.medications.length === 0) this.draft.medications.push(emptyMedication());
    this.rows.set(this.draft.medications.length);
    this.errors.set({});
  }

  protected async submit(): Promise<void> {
    const errors = validateNoteDraft(this.draft);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return;
    const amends = this.amends();
    const appointmentId = this.appointmentId() ?? amends?.note.appointmentId;
    this.state.set('saving');
    this.failure.set(null);
    try {
      const { recordId } = await this.notes.save(this.patient(), noteFromDraft(this.draft, appointmentId), {
        ...(amends && { amends: amends.recordId }),
      });
      this.state.set('saved');
      this.saved.emit(recordId);
    } catch (error) {
      this.failure.set(errorText(error));
      this.state.set('failed');
    }
  }
}
