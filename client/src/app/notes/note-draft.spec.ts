/**
 * The note form's rules and what a saved note is: validation by field, blank medication rows dropped, and
 * the note's JSON through the real envelope and key wrapping, opened by the patient's key alone.
 */
import { Wallet } from 'ethers';
import { decryptDocument, encryptDocument, unwrapKey, wrapKey } from '../documents/crypto';
import { documentIdentity } from '../../testing/document-services.fixture';
import { draftOf, emptyDraft, noteFromDraft, validateNoteDraft, type NoteDraft } from './note-draft';
import { NOTE_MIME_TYPE, NoteFormatError, decodeClinicalNote, encodeNote } from './note-format';

const draft = (fields: Partial<NoteDraft>): NoteDraft => ({ ...emptyDraft(), ...fields });

describe('validateNoteDraft', () => {
  it('When the diagnosis is missing, then it is the one error', () => {
    expect(validateNoteDraft(draft({ notes: 'Rest' }))).toEqual({ diagnosis: 'Write the diagnosis.' });
  });

  it('When a prescription names no medication, then it is refused; a consultation note without one is fine', () => {
    expect(validateNoteDraft(draft({ kind: 'prescription', diagnosis: 'Migraine' }))).toEqual({
      medications: 'A prescription names at least one medication.',
    });
    expect(validateNoteDraft(draft({ diagnosis: 'Migraine' }))).toEqual({});
  });

  it('When a medication row is half filled, then that row is named with what it lacks', () => {
    const errors = validateNoteDraft(
      draft({
        diagnosis: 'Hypertension',
        medications: [
          { name: 'Amlodipine', dose: '5 mg daily', duration: '3 months' },
          { name: 'Ramipril', dose: '', duration: '' },
        ],
      }),
    );
    expect(errors).toEqual({ 'medications.1': 'Medication 2: give its dose, duration.' });
  });

  it('When a field is over its limit, then the error names the limit', () => {
    expect(validateNoteDraft(draft({ diagnosis: 'x'.repeat(501) }))['diagnosis']).toContain('500');
    expect(validateNoteDraft(draft({ diagnosis: 'ok', notes: 'x'.repeat(5001) }))['notes']).toContain('5000');
  });
});

describe('a saved note', () => {
  const patient = new Wallet(`0x${'11'.repeat(32)}`);
  const doctor = new Wallet(`0x${'12'.repeat(32)}`);
  const stranger = new Wallet(`0x${'13'.repeat(32)}`);

  it('When encrypted for the patient and the doctor, then the patient alone (with the doctor) decrypts exactly the structured note', async () => {
    const typed = draft({
      kind: 'prescription',
      diagnosis: '  Essential hypertension ',
      notes: 'Review in 3 months.\nLow-salt diet.',
      medications: [
        { name: 'Amlodipine', dose: '5 mg once daily', duration: '3 months' },
        { name: '', dose: '', duration: '' },
      ],
    });
    expect(validateNoteDraft(typed)).toEqual({});
    const note = noteFromDraft(typed, 7);
    expect(note).toEqual({
      format: 'ehr-note/1',
      kind: 'prescription',
      appointmentId: 7,
      diagnosis: 'Essential hypertension',
      notes: 'Review in 3 months.\nLow-salt diet.',
      medications: [{ name: 'Amlodipine', dose: '5 mg once daily', duration: '3 months' }],
    });

    const [patientId, doctorId, strangerId] = await Promise.all([patient, doctor, stranger].map(documentIdentity));
    const { key, bytes } = await encryptDocument(encodeNote(note), { name: 'Prescription', type: NOTE_MIME_TYPE });
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('hypertension');
    const forPatient = await wrapKey(key, patientId.keys.publicKey);
    await wrapKey(key, doctorId.keys.publicKey);

    const opened = await decryptDocument(bytes, await unwrapKey(forPatient, patientId.keys.privateKey));
    expect(opened.type).toBe(NOTE_MIME_TYPE);
    expect(decodeClinicalNote(opened.content)).toEqual(note);
    expect(draftOf(decodeClinicalNote(opened.content)).medications).toHaveLength(1); // amending starts from it
    await expect(unwrapKey(forPatient, strangerId.keys.privateKey)).rejects.toMatchObject({ code: 'unwrap-failed' });
  });

  it('When the decrypted JSON is not a note, then decoding refuses it instead of showing it', () => {
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(() => decodeClinicalNote(bytes({ format: 'ehr-reason/1', reason: 'x' }))).toThrow(NoteFormatError);
    expect(() =>
      decodeClinicalNote(
        bytes({ format: 'ehr-note/1', kind: 'prescription', diagnosis: 'd', notes: '', medications: [{ name: 1 }] }),
      ),
    ).toThrow('medications');
    expect(() => decodeClinicalNote(new TextEncoder().encode('{not json'))).toThrow('not valid JSON');
  });
});
