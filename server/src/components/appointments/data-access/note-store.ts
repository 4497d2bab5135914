/**
 * The doctor's reason for rejecting an appointment. Health data: kept off chain, only here, never logged,
 * and never reset with the read model (nothing on chain could rebuild it), so every write is journaled
 * before the caller hears "saved". (The patient's booking reason is not here: it is an encrypted note on
 * IPFS, wrapped for the patient and the doctor in the browser; the server never holds it in plaintext.)
 */
import mongoose, { Schema } from 'mongoose';

export interface AppointmentNotes {
  rejectionReason?: string;
}

interface NoteRecord extends AppointmentNotes {
  appointmentId: string;
  rejectionReasonUpdatedAt?: Date;
}

const noteSchema = new Schema<NoteRecord>(
  {
    appointmentId: { type: String, required: true, unique: true },
    rejectionReason: { type: String, maxlength: 1000 },
    rejectionReasonUpdatedAt: Date,
  },
  { versionKey: false, timestamps: false },
);

const NoteModel = mongoose.model<NoteRecord>('AppointmentNote', noteSchema, 'appointment_notes');

/** Replaces the rejection reason of appointment `appointmentId`. Journaled (j: true): it survives a crash once answered. */
export async function saveRejectionNote(appointmentId: string, text: string, at: Date): Promise<void> {
  await NoteModel.updateOne(
    { appointmentId },
    { $set: { rejectionReason: text, rejectionReasonUpdatedAt: at } },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

/** The notes of these appointments, by id (appointments without notes are absent). */
export async function findNotes(appointmentIds: string[]): Promise<Map<string, AppointmentNotes>> {
  if (appointmentIds.length === 0) return new Map();
  const notes = await NoteModel.find(
    { appointmentId: mongoose.trusted({ $in: appointmentIds }) },
    { _id: 0, appointmentId: 1, rejectionReason: 1 },
  ).lean<NoteRecord[]>();
  return new Map(notes.map(({ appointmentId, rejectionReason }) => [appointmentId, { rejectionReason }]));
}

/** Erasure: deletes the notes of these appointments. */
export async function deleteNotes(appointmentIds: string[]): Promise<void> {
  if (appointmentIds.length === 0) return;
  await NoteModel.deleteMany(
    { appointmentId: mongoose.trusted({ $in: appointmentIds }) },
    { writeConcern: { w: 1, j: true } },
  );
}
