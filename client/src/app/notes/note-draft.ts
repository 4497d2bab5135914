/**
 * The consultation-note form's model: what the doctor types (medication rows included, blank ones too), the
 * rules a note must meet before anything is encrypted, and the note it becomes (trimmed, blank rows dropped).
 * Pure: the form component renders the errors, the spec checks the rules.
 */
import { type ClinicalNote, type Medication, NOTE_FORMAT, NOTE_LIMITS, type NoteKind } from './note-format';

export interface NoteDraft {
  kind: NoteKind;
  diagnosis: string;
  notes: string;
  medications: Medication[];
}

/** Problems by field (`diagnosis`, `notes`, `medications`, `medications.2`); empty when the draft may be saved. */
export type NoteDraftErrors = Partial<Record<string, string>>;

export const emptyMedication = (): Medication => ({ name: '', dose: '', duration: '' });

export function emptyDraft(kind: NoteKind = 'consultation-note'): NoteDraft {
  return { kind, diagnosis: '', notes: '', medications: [emptyMedication()] };
}

/** The draft of an existing note, for amending it. */
export function draftOf(note: ClinicalNote): NoteDraft {
  return {
    kind: note.kind,
    diagnosis: note.diagnosis,
    notes: note.notes,
    medications: note.medications.length > 0 ? note.medications.map((row) => ({ ...row })) : [emptyMedication()],
  };
}

const isBlank = (row: Medication) => !row.name.trim() && !row.dose.trim() && !row.duration.trim();

export function validateNoteDraft(draft: NoteDraft): NoteDraftErrors {
  const errors: NoteDraftErrors = {};
  const diagnosis = draft.diagnosis.trim();
  if (!diagnosis) errors['diagnosis'] = 'Write the diagnosis.';
  else if (diagnosis.length > NOTE_LIMITS.diagnosis)
    errors['diagnosis'] = `The diagnosis is at most ${NOTE_LIMITS.diagnosis} characters.`;
  if (draft.notes.trim().length > NOTE_LIMITS.notes)
    errors['notes'] = `The notes are at most ${NOTE_LIMITS.notes} characters.`;

  const filled = draft.medications.filter((row) => !isBlank(row));
  if (draft.kind === 'prescription' && filled.length === 0)
    errors['medications'] = 'A prescription names at least one medication.';
  else if (filled.length > NOTE_LIMITS.medications)
    errors['medications'] = `At most ${NOTE_LIMITS.medications} medications per note.`;
  draft.medications.forEach((row, index) => {
    if (isBlank(row)) return;
    const missing = (['name', 'dose', 'duration'] as const).filter((field) => !row[field].trim());
    if (missing.length > 0) errors[`medications.${index}`] = `Medication ${index + 1}: give its ${missing.join(', ')}.`;
    else if ([row.name, row.dose, row.duration].some((value) => value.trim().length > NOTE_LIMITS.field))
      errors[`medications.${index}`] =
        `Medication ${index + 1}: each field is at most ${NOTE_LIMITS.field} characters.`;
  });
  return errors;
}

/** The note a valid draft becomes (call validateNoteDraft first). */
export function noteFromDraft(draft: NoteDraft, appointmentId?: number): ClinicalNote {
  return {
    format: NOTE_FORMAT,
    kind: draft.kind,
    ...(appointmentId !== undefined && { appointmentId }),
    diagnosis: draft.diagnosis.trim(),
    notes: draft.notes.trim(),
    medications: draft.medications
      .filter((row) => !isBlank(row))
      .map((row) => ({ name: row.name.trim(), dose: row.dose.trim(), duration: row.duration.trim() })),
  };
}
