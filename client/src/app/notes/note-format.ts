/**
 * The two plaintext formats a note has inside its encrypted envelope (docs: ISSUE10 design, "Data formats"):
 * a doctor's structured consultation note or prescription (`ehr-note/1`), and a patient's booking reason
 * (`ehr-reason/1`). Encoded as UTF-8 JSON, then encrypted like any document (crypto/envelope.ts) with the
 * metadata below; the name is generic on purpose (a file name travels encrypted, but says nothing anyway).
 * Parsing checks the shape field by field: what decrypts is authentic (GCM) but may come from a buggy
 * client, and the viewer must never render something it did not understand.
 */
import { bytesToUtf8, utf8ToBytes } from '@noble/hashes/utils';

export const NOTE_FORMAT = 'ehr-note/1';
export const REASON_FORMAT = 'ehr-reason/1';
export const NOTE_MIME_TYPE = 'application/vnd.ehr.note+json';
export const REASON_MIME_TYPE = 'application/vnd.ehr.reason+json';
export const REASON_NOTE_NAME = 'Reason for appointment';

export const NOTE_KINDS = ['consultation-note', 'prescription'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_NAMES: Record<NoteKind, string> = {
  'consultation-note': 'Consultation note',
  prescription: 'Prescription',
};

/** The form's limits: generous for a clinic, small enough that a note is never a large upload. */
export const NOTE_LIMITS = { diagnosis: 500, notes: 5000, medications: 30, field: 200, reason: 1000 } as const;

export interface Medication {
  name: string;
  dose: string;
  duration: string;
}

export interface ClinicalNote {
  format: typeof NOTE_FORMAT;
  kind: NoteKind;
  appointmentId?: number;
  diagnosis: string;
  notes: string;
  medications: Medication[];
}

export interface ReasonNote {
  format: typeof REASON_FORMAT;
  reason: string;
}

/** A note that does not decode to its format: shown as an error, never as raw JSON. */
export class NoteFormatError extends Error {
  override readonly name = 'NoteFormatError';
}

export function encodeNote(note: ClinicalNote | ReasonNote): Uint8Array {
  return utf8ToBytes(JSON.stringify(note));
}

export function decodeClinicalNote(bytes: Uint8Array): ClinicalNote {
  const value = decodeJson(bytes);
  if (value['format'] !== NOTE_FORMAT) throw new NoteFormatError(`This is not a ${NOTE_FORMAT} note.`);
  const kind = value['kind'];
  if (!NOTE_KINDS.includes(kind as NoteKind)) throw new NoteFormatError('The note names no known kind.');
  const appointmentId = value['appointmentId'];
  if (appointmentId !== undefined && !(Number.isSafeInteger(appointmentId) && (appointmentId as number) > 0)) {
    throw new NoteFormatError('The note names an invalid appointment.');
  }
  const medications = value['medications'];
  if (!Array.isArray(medications) || !medications.every(isMedication)) {
    throw new NoteFormatError('The note’s medications are not a list of name, dose and duration.');
  }
  return {
    format: NOTE_FORMAT,
    kind: kind as NoteKind,
    ...(appointmentId !== undefined && { appointmentId: appointmentId as number }),
    diagnosis: text(value, 'diagnosis'),
    notes: text(value, 'notes'),
    medications: medications.map(({ name, dose, duration }) => ({ name, dose, duration })),
  };
}

export function decodeReasonNote(bytes: Uint8Array): ReasonNote {
  const value = decodeJson(bytes);
  if (value['format'] !== REASON_FORMAT) throw new NoteFormatError(`This is not a ${REASON_FORMAT} note.`);
  return { format: REASON_FORMAT, reason: text(value, 'reason') };
}

function decodeJson(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytesToUtf8(bytes));
  } catch {
    throw new NoteFormatError('The note is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NoteFormatError('The note is not a JSON object.');
  }
  return value as Record<string, unknown>;
}

function text(value: Record<string, unknown>, field: string): string {
  const found = value[field];
  if (typeof found !== 'string') throw new NoteFormatError(`The note’s ${field} is not text.`);
  return found;
}

function isMedication(value: unknown): value is Medication {
  if (typeof value !== 'object' || value === null) return false;
  const { name, dose, duration } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof dose === 'string' && typeof duration === 'string';
}
