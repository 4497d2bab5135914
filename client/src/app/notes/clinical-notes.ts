/**
 * A doctor's consultation note or prescription as a record entry: the structured note (note-format.ts) is
 * encrypted for the patient and its author, pinned and anchored by DocumentUploader (amending links the new
 * version to the old with amendRecord); opening goes through DocumentOpener, so the chain's hash is checked
 * before anything is decrypted, and the note is decoded, never shown as raw JSON.
 */
import { Injectable, inject } from '@angular/core';
import type { RecordEntry } from '@api';
import { DocumentOpener } from '../documents/document-opener';
import { DocumentUploader, type UploadResult } from '../documents/document-upload';
import type { UploadProgress } from '../documents/upload-progress';
import {
  type ClinicalNote,
  NOTE_MIME_TYPE,
  NOTE_NAMES,
  NoteFormatError,
  decodeClinicalNote,
  encodeNote,
} from './note-format';

@Injectable({ providedIn: 'root' })
export class ClinicalNotes {
  private readonly uploader = inject(DocumentUploader);
  private readonly opener = inject(DocumentOpener);

  /** The uploader's progress (encrypt, upload, anchor) of the latest save. */
  readonly progress = this.uploader.progress;

  /** Encrypts `note` for `patient` and the signed-in doctor, pins and anchors it (amending entry `amends`). */
  save(
    patient: string,
    note: ClinicalNote,
    options: { amends?: number; onProgress?: (progress: UploadProgress) => void } = {},
  ): Promise<UploadResult> {
    return this.uploader.upload({
      patient,
      kind: note.kind,
      bytes: encodeNote(note),
      metadata: { name: NOTE_NAMES[note.kind], type: NOTE_MIME_TYPE },
      // The uploader always wraps for the patient and the author; a note goes to nobody else.
      recipients: [],
      ...(options.amends !== undefined && { amends: options.amends }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
  }

  /** The note of a record entry, checked against the chain and decrypted. */
  async open(entry: Pick<RecordEntry, 'id' | 'cid'>): Promise<ClinicalNote> {
    const document = await this.opener.open(entry);
    try {
      if (document.type !== NOTE_MIME_TYPE) throw new NoteFormatError(`Entry #${entry.id} is not a structured note.`);
      return decodeClinicalNote(document.bytes);
    } finally {
      this.opener.release(document);
    }
  }
}
